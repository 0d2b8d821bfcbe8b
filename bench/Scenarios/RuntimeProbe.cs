using System.Text.Json.Nodes;

namespace HaloMcp.Bench.Scenarios;

/// <summary>The server's <c>GET /_ops/runtime</c> (needs <c>--Ops:Enabled=true</c>).</summary>
internal sealed record RuntimeProbe(long ManagedBytes, long HeapBytes, long WorkingSetBytes, long TenantActivations, long Activations, int Gen2)
{
    public static async Task<RuntimeProbe> ReadAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        var node = JsonNode.Parse(await http.GetStringAsync(url, cancellationToken))!;
        var tenant = node["grain_types"]!.AsArray().FirstOrDefault(t => (string)t!["grain_type"]! == "TenantGrain");
        return new RuntimeProbe(
            (long)node["managed_bytes"]!, (long)node["heap_size_bytes"]!, (long)node["working_set_bytes"]!,
            tenant is null ? 0 : (long)tenant["activations"]!, (long)node["activations"]!, (int)node["gen2_collections"]!);
    }
}
