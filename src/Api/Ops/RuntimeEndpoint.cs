using System.Diagnostics;
using System.Runtime;
using Microsoft.AspNetCore.Http;
using Orleans;
using Orleans.Runtime;

namespace HaloMcp.Api.Ops;

/// <summary>
/// <c>GET /_ops/runtime</c>: managed memory after a full collection and the silo's activations, for the tenant-scale
/// benchmark and for diagnosis. Activations are Orleans' own count (the management grain), for the co-hosted silo.
/// Mapped only when <see cref="OpsOptions.Enabled"/>; answers loopback callers only.
/// </summary>
internal sealed class RuntimeEndpoint(IGrainFactory grains, ILocalSiloDetails silo)
{
    public const string RuntimePath = "/_ops/runtime";

    public async Task HandleRuntimeAsync(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is not { } remote || !System.Net.IPAddress.IsLoopback(remote))
        {
            // Not a secret, but a forced collection on demand is not something to offer the network.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var snapshot = await TakeAsync();
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await System.Text.Json.JsonSerializer.SerializeAsync(context.Response.Body, snapshot, OpsJsonContext.Default.RuntimeSnapshot, context.RequestAborted);
    }

    private async Task<RuntimeSnapshot> TakeAsync()
    {
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics([silo.SiloAddress]);
        var types = statistics
            .GroupBy(s => ShortName(s.GrainType), StringComparer.Ordinal)
            .Select(g => new GrainTypeActivations(g.Key, g.Sum(s => (long)s.ActivationCount)))
            .OrderBy(t => t.GrainType, StringComparer.Ordinal)
            .ToList();

        // Compact the large-object heap too, so that memory freed by collected activations shows as freed.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var totalMemory = GC.GetTotalMemory(forceFullCollection: true);

        // GC.GetTotalMemory can under-report, even go negative, under the regions GC (dotnet/runtime#106712); the last
        // full blocking collection's heap size minus its fragmentation is the same quantity, measured correctly.
        var collection = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        using var process = Process.GetCurrentProcess();
        return new RuntimeSnapshot(
            collection.HeapSizeBytes - collection.FragmentedBytes,
            collection.HeapSizeBytes,
            totalMemory,
            process.WorkingSet64,
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            types.Sum(t => t.Activations),
            types);
    }

    // Orleans names a grain type "Namespace.Class,Assembly"; the class name is what a reader looks for.
    private static string ShortName(string grainType)
    {
        var type = grainType.Split(',', 2)[0];
        return type[(type.LastIndexOf('.') + 1)..];
    }
}
