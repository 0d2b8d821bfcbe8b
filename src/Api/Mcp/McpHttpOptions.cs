namespace HaloMcp.Api.Mcp;

/// <summary>
/// How the Streamable HTTP endpoint is exposed and guarded. Bound from the <c>Mcp</c> configuration section.
/// </summary>
public sealed class McpHttpOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Mcp";

    /// <summary>The endpoint path; the RFC 9728 document is served at <c>/.well-known/oauth-protected-resource{Path}</c>.</summary>
    public string Path { get; set; } = "/mcp";

    /// <summary>
    /// Browser origins (scheme://host[:port]) allowed to call the endpoint, besides loopback origins when
    /// <see cref="AllowLoopbackOrigins"/> is set. <c>*</c> allows any origin. Requests without an <c>Origin</c>
    /// header (non-browser clients) are always allowed.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>Whether <c>http(s)://localhost</c>, <c>127.0.0.1</c> and <c>[::1]</c> origins (any port) are allowed.</summary>
    public bool AllowLoopbackOrigins { get; set; } = true;

    /// <summary>The largest accepted request body; bigger requests get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// The public base URL (scheme://host[:port]) used in the protected-resource metadata and the
    /// <c>WWW-Authenticate</c> challenge, for deployments behind a proxy. Derived from the request when unset.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// Gateway mode: HaloPSA credentials arrive per request in <c>X-Halo-*</c> headers, as an MCP gateway injects
    /// them, and the caller proves itself with the gateway key. Off by default.
    /// </summary>
    public bool GatewayMode { get; set; }

    /// <summary>Hashes (<c>sha256:&lt;hex&gt;</c>) of the gateway's shared keys; required in gateway mode.</summary>
    public IList<string> GatewayKeyHashes { get; } = [];

    /// <summary>Failed key attempts from one address within <see cref="AuthFailureWindowSeconds"/> before it must wait (429).</summary>
    public int AuthFailureLimit { get; set; } = 10;

    /// <summary>The window over which failed key attempts are counted, in seconds.</summary>
    public int AuthFailureWindowSeconds { get; set; } = 60;

    /// <summary>The most gateway-derived tenants remembered at once; the least recently used are forgotten first.</summary>
    public int MaxGatewayTenants { get; set; } = 10_000;
}
