using System.Text.Json.Serialization;

namespace HaloMcp.Api.Ops;

/// <summary>Activations of one grain type in a <see cref="RuntimeSnapshot"/>.</summary>
/// <param name="GrainType">The grain class name (e.g. <c>TenantGrain</c>).</param>
/// <param name="Activations">Activations alive on this silo, as Orleans counts them.</param>
public sealed record GrainTypeActivations(
    [property: JsonPropertyName("grain_type")] string GrainType,
    [property: JsonPropertyName("activations")] long Activations);
