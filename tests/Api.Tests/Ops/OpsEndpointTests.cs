using System.Net;
using System.Text.Json.Nodes;
using HaloMcp.Api.Tests.Support;
using HaloMcp.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace HaloMcp.Api.Tests.Ops;

public sealed class OpsEndpointTests
{
    [Fact]
    public async Task Runtime_endpoint_is_not_mapped_by_default()
    {
        await using var server = await McpTestServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUrl };

        using var response = await http.GetAsync("/_ops/runtime");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Runtime_endpoint_reports_managed_memory_gc_counts_and_activations_per_grain_type()
    {
        await using var server = await McpTestServer.StartAsync(null, "--Ops:Enabled=true");
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        var grains = server.App.Services.GetRequiredService<IGrainFactory>();

        var before = JsonNode.Parse(await http.GetStringAsync("/_ops/runtime"))!;
        await grains.GetGrain<ITenantGrain>("acme").GetBudgetStatusAsync(CancellationToken.None);
        await grains.GetGrain<ITenantGrain>("globex").GetBudgetStatusAsync(CancellationToken.None);
        var after = JsonNode.Parse(await http.GetStringAsync("/_ops/runtime"))!;

        Assert.Equal(0, Activations(before, "TenantGrain"));
        Assert.Equal(2, Activations(after, "TenantGrain"));
        Assert.True(after["activations"]!.GetValue<long>() >= 2);
        Assert.True(after["managed_bytes"]!.GetValue<long>() > 0, after.ToJsonString());
        Assert.True(after["heap_size_bytes"]!.GetValue<long>() >= after["managed_bytes"]!.GetValue<long>(), after.ToJsonString());

        // Each call forces a full collection, so the generation 2 count moves with every call.
        Assert.True(after["gen2_collections"]!.GetValue<int>() > before["gen2_collections"]!.GetValue<int>());
    }

    private static long Activations(JsonNode snapshot, string grainType) =>
        snapshot["grain_types"]!.AsArray().SingleOrDefault(t => (string)t!["grain_type"]! == grainType)?["activations"]!.GetValue<long>() ?? 0;
}
