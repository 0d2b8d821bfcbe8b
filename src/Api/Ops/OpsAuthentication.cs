namespace HaloMcp.Api.Ops;

/// <summary>
/// The operators' way in, apart from the tenants' API-key scheme (the default scheme, which the MCP endpoint uses):
/// a login cookie for people and a scrape key for Prometheus. The policies name their schemes explicitly, so a
/// tenant's key never authenticates an operator request, and the MCP endpoint never looks at the cookie.
/// </summary>
public static class OpsAuthentication
{
    /// <summary>The login cookie's scheme.</summary>
    public const string CookieScheme = "HaloMcp.Operator";

    /// <summary>The scrape key's scheme (the password of HTTP Basic authentication on <c>/metrics</c>).</summary>
    public const string ScrapeKeyScheme = "HaloMcp.ScrapeKey";

    /// <summary>The policy of the pages: a logged-in operator.</summary>
    public const string OperatorPolicy = "HaloMcp.Operator";

    /// <summary>The policy of <c>/metrics</c>: a logged-in operator or a scrape key.</summary>
    public const string ScrapePolicy = "HaloMcp.Scrape";

    /// <summary>The claim every operator principal carries (value <see cref="OperatorRole"/> or <see cref="ScraperRole"/>).</summary>
    public const string RoleClaim = "halomcp:ops_role";

    /// <summary>A person who logged in.</summary>
    public const string OperatorRole = "operator";

    /// <summary>A Prometheus server with a scrape key.</summary>
    public const string ScraperRole = "scraper";

    /// <summary>The login cookie's name.</summary>
    public const string CookieName = "halomcp_ops";
}
