namespace HaloMcp.Grains.Tenancy;

/// <summary>What the grains tell a tenant grain about its reference data (internal to the grains: the Api never calls it).</summary>
[Alias("halo.IReferenceCache")]
public interface IReferenceCache : IGrainWithStringKey
{
    /// <summary>Reference data of <paramref name="kind"/> changed in HaloPSA: the cached copy goes, the next read loads it.</summary>
    [Alias("Drop")]
    Task DropAsync(ReferenceKind kind);
}
