namespace HaloMcp.Grains.Reference;

/// <summary>An asset type.</summary>
/// <param name="Id">The asset type id.</param>
/// <param name="Name">The name.</param>
/// <param name="Group">The asset group.</param>
/// <param name="KeyFieldName">What the main key field means for this type.</param>
[GenerateSerializer, Immutable, Alias("halo.Reference.AssetTypeInfo")]
public sealed record AssetTypeInfo(
    int Id,
    string Name,
    string? Group,
    string? KeyFieldName);
