using System.Text.Json.Serialization;

namespace HaloMcp.Api.Ops;

/// <summary>What <c>GET /_ops/runtime</c> answers: the process's managed memory after a full collection and the silo's activations.</summary>
/// <param name="ManagedBytes">Bytes of live managed objects after a forced full, compacting collection (heap size less fragmentation).</param>
/// <param name="HeapSizeBytes">The GC heap's size after that collection (live objects plus fragmentation).</param>
/// <param name="TotalMemoryBytes">What <see cref="GC.GetTotalMemory(bool)"/> says after a full collection; it can under-report under the regions GC.</param>
/// <param name="WorkingSetBytes">The process's working set (native memory included).</param>
/// <param name="Gen0Collections">Generation 0 collections since the process started.</param>
/// <param name="Gen1Collections">Generation 1 collections since the process started.</param>
/// <param name="Gen2Collections">Generation 2 collections since the process started (the forced one included).</param>
/// <param name="Activations">Grain activations alive, all types together.</param>
/// <param name="GrainTypes">Per grain type: activations alive.</param>
public sealed record RuntimeSnapshot(
    [property: JsonPropertyName("managed_bytes")] long ManagedBytes,
    [property: JsonPropertyName("heap_size_bytes")] long HeapSizeBytes,
    [property: JsonPropertyName("total_memory_bytes")] long TotalMemoryBytes,
    [property: JsonPropertyName("working_set_bytes")] long WorkingSetBytes,
    [property: JsonPropertyName("gen0_collections")] int Gen0Collections,
    [property: JsonPropertyName("gen1_collections")] int Gen1Collections,
    [property: JsonPropertyName("gen2_collections")] int Gen2Collections,
    [property: JsonPropertyName("activations")] long Activations,
    [property: JsonPropertyName("grain_types")] IReadOnlyList<GrainTypeActivations> GrainTypes);
