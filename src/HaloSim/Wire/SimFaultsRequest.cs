using System.Text.Json.Serialization;

namespace HaloMcp.HaloSim.Wire;

/// <summary>
/// Body of <c>POST /_sim/faults/{instance}</c>. Absent members leave that fault unchanged; <c>reset</c> clears all
/// faults first. <c>apply_then_fail_mode</c> is <c>error</c> (500, the default) or <c>abort</c>.
/// </summary>
internal sealed record SimFaultsRequest(
    [property: JsonPropertyName("reset")] bool? Reset = null,
    [property: JsonPropertyName("latency_ms")] double? LatencyMs = null,
    [property: JsonPropertyName("error_rate")] double? ErrorRate = null,
    [property: JsonPropertyName("error_seed")] int? ErrorSeed = null,
    [property: JsonPropertyName("force_429")] int? Force429 = null,
    [property: JsonPropertyName("apply_then_fail")] int? ApplyThenFail = null,
    [property: JsonPropertyName("apply_then_fail_mode")] string? ApplyThenFailMode = null,
    [property: JsonPropertyName("apply_then_fail_path")] string? ApplyThenFailPath = null,
    [property: JsonPropertyName("revoke_tokens")] bool? RevokeTokens = null);
