namespace HaloMcp.Grains.HaloPsa;

/// <summary>What an upstream <c>/api</c> attempt is, so a request budget can treat reads and writes differently.</summary>
[GenerateSerializer, Alias("halo.HaloPsa.HaloRequestKind")]
public enum HaloRequestKind
{
    /// <summary>A GET: safe to repeat.</summary>
    Read,

    /// <summary>A POST or DELETE: changes data in HaloPSA.</summary>
    Write,
}
