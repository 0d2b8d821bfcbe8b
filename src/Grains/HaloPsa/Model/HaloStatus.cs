using System.Text.Json.Serialization;

namespace HaloMcp.Grains.HaloPsa.Model;

/// <summary>A status (HaloPSA's <c>TStatus</c>). <see cref="Type"/> is the entity class, not an open/closed flag.</summary>
public sealed record HaloStatus
{
    /// <summary>HaloPSA's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public int Id { get; init; }

    /// <summary>HaloPSA's <c>name</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>HaloPSA's <c>shortname</c>.</summary>
    [JsonPropertyName("shortname")]
    public string? ShortName { get; init; }

    /// <summary>HaloPSA's <c>type</c>.</summary>
    [JsonPropertyName("type")]
    public int Type { get; init; }

    /// <summary>HaloPSA's <c>sequence</c>.</summary>
    [JsonPropertyName("sequence")]
    public int Sequence { get; init; }

    /// <summary>HaloPSA's <c>colour</c>.</summary>
    [JsonPropertyName("colour")]
    public string? Colour { get; init; }
}
