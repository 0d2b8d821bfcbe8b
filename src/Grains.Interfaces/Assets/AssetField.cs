namespace HaloMcp.Grains.Assets;

/// <summary>One named field of an asset.</summary>
/// <param name="Name">The field name.</param>
/// <param name="Value">Its value.</param>
[GenerateSerializer, Immutable, Alias("halo.Assets.AssetField")]
public sealed record AssetField(
    string Name,
    string? Value);
