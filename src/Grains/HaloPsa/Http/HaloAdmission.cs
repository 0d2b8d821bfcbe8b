namespace HaloMcp.Grains.HaloPsa.Http;

/// <summary>
/// Leave to send one request to HaloPSA: a budget permit was taken for it, and this is the token to send and the only
/// API root it may be sent to (the one it was issued for).
/// </summary>
/// <param name="Token">The bearer token.</param>
/// <param name="ApiBase">The API root the token belongs to, <c>{HaloUrl}/api/</c>.</param>
[GenerateSerializer, Immutable, Alias("halo.HaloPsa.HaloAdmission")]
public sealed record HaloAdmission(HaloAccessToken Token, Uri ApiBase);
