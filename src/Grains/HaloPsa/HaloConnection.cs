namespace HaloMcp.Grains.HaloPsa;

/// <summary>
/// Where and as whom to reach one HaloPSA instance: the web-app URL (the API lives at <c>{BaseUrl}/api</c>), the
/// authorisation server and the API application's client-credentials.
/// </summary>
/// <param name="BaseUrl">The HaloPSA web-app URL, e.g. <c>https://acme.halopsa.com</c>.</param>
/// <param name="ClientId">The API application's client id.</param>
/// <param name="ClientSecret">The API application's client secret; never logged or shown.</param>
/// <param name="AuthUrl">The authorisation server; <c>{BaseUrl}/auth</c> when null.</param>
/// <param name="Tenant">Hosted tenant name, sent as <c>?tenant=</c> on the token URL; null for self-hosted.</param>
/// <param name="Scope">Space-separated scopes to request; HaloPSA's usual <c>all</c> by default.</param>
public sealed record HaloConnection(
    string BaseUrl,
    string ClientId,
    string ClientSecret,
    string? AuthUrl = null,
    string? Tenant = null,
    string Scope = "all")
{
    /// <summary>The resource server root, <c>{BaseUrl}/api/</c> (with a trailing slash so relative paths append).</summary>
    public Uri ApiBaseUri => new(BaseUrl.TrimEnd('/') + "/api/", UriKind.Absolute);

    /// <summary>The token endpoint, <c>{auth}/token</c>, with <c>?tenant=</c> when a tenant is set.</summary>
    public Uri TokenUri => AuthEndpoint("token");

    /// <summary>
    /// The agents' sign-in page, <c>{auth}/authorize</c> (halopsa-api §11.3), with <c>?tenant=</c> when a tenant is set;
    /// the authorization request's parameters follow with <c>&amp;</c>.
    /// </summary>
    public Uri AuthorizeUri => AuthEndpoint("authorize");

    private Uri AuthEndpoint(string endpoint)
    {
        var auth = string.IsNullOrWhiteSpace(AuthUrl) ? BaseUrl.TrimEnd('/') + "/auth" : AuthUrl.TrimEnd('/');
        var tenant = string.IsNullOrWhiteSpace(Tenant) ? string.Empty : "?tenant=" + Uri.EscapeDataString(Tenant);
        return new Uri(auth + "/" + endpoint + tenant, UriKind.Absolute);
    }

    /// <summary>Describes the connection without the secret.</summary>
    public override string ToString() =>
        $"HaloConnection {{ BaseUrl = {BaseUrl}, AuthUrl = {AuthUrl ?? "(default)"}, Tenant = {Tenant ?? "(none)"}, ClientId = {ClientId}, ClientSecret = ***, Scope = {Scope} }}";
}
