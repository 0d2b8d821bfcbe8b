using System.Text.Json.Serialization;

namespace HaloMcp.Api.Ops;

/// <summary>Activation counters of one grain type in a <see cref="RuntimeSnapshot"/>.</summary>
/// <param name="GrainType">The grain type name (e.g. <c>TenantGrain</c>).</param>
/// <param name="Activations">Activations alive.</param>
/// <param name="Created">Activations created since the silo started.</param>
/// <param name="Collected">Activations deactivated since the silo started.</param>
public sealed record GrainTypeActivations(
    [property: JsonPropertyName("grain_type")] string GrainType,
    [property: JsonPropertyName("activations")] long Activations,
    [property: JsonPropertyName("created")] long Created,
    [property: JsonPropertyName("collected")] long Collected);
