using System.Text.Json.Serialization;

namespace HaloMcp.Grains.HaloPsa.Model;

/// <summary>An action outcome (action type, HaloPSA's <c>TOutcome</c>): what an added action may be.</summary>
public sealed record HaloOutcome
{
    /// <summary>HaloPSA's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public int Id { get; init; }

    /// <summary>The outcome name, e.g. <c>Private Note</c>.</summary>
    [JsonPropertyName("outcome")]
    public string? Outcome { get; init; }

    /// <summary>HaloPSA's <c>buttonname</c>.</summary>
    [JsonPropertyName("buttonname")]
    public string? ButtonName { get; init; }

    /// <summary>HaloPSA's <c>hidefromuser</c>.</summary>
    [JsonPropertyName("hidefromuser")]
    public bool HideFromUser { get; init; }

    /// <summary>HaloPSA's <c>systemid</c>.</summary>
    [JsonPropertyName("systemid")]
    public int SystemId { get; init; }

    /// <summary>HaloPSA's <c>sequence</c>.</summary>
    [JsonPropertyName("sequence")]
    public int Sequence { get; init; }
}
