using HaloMcp.Grains.Tenancy;

namespace HaloMcp.Api.Tenancy;

/// <summary>
/// The one stdio tenant, from either reference server's environment variables.
/// </summary>
/// <remarks>
/// Precedence, first set wins: URL <c>HALOPSA_BASE_URL</c>, <c>HALO_INSTANCE_URL</c>; client id
/// <c>HALOPSA_CLIENT_ID</c>, <c>HALO_CLIENT_ID</c>, <c>X_CLIENT_ID</c>; secret <c>HALOPSA_CLIENT_SECRET</c>,
/// <c>HALO_CLIENT_SECRET</c>, <c>X_CLIENT_SECRET</c>; tenant <c>HALOPSA_TENANT</c>, <c>X_TENANT</c>.
/// The tenant is the Halo-hosted tenant name: it is sent as <c>?tenant=</c> on the token URL and, when no URL is
/// given, makes the base URL <c>https://{tenant}.halopsa.com</c> (a value containing a dot is taken as the host
/// name, one with a scheme as the URL). Optional: <c>HALOPSA_AUTH_URL</c>, <c>HALOPSA_SCOPE</c>.
/// </remarks>
internal static class StdioTenantEnvironment
{
    public const string TenantId = "stdio";

    public static readonly string[] UrlVariables = ["HALOPSA_BASE_URL", "HALO_INSTANCE_URL"];
    public static readonly string[] ClientIdVariables = ["HALOPSA_CLIENT_ID", "HALO_CLIENT_ID", "X_CLIENT_ID"];
    public static readonly string[] ClientSecretVariables = ["HALOPSA_CLIENT_SECRET", "HALO_CLIENT_SECRET", "X_CLIENT_SECRET"];
    public static readonly string[] TenantVariables = ["HALOPSA_TENANT", "X_TENANT"];

    /// <summary>Whether any of the variables above is set: someone meant to give a stdio tenant.</summary>
    public static bool AnyGiven(Func<string, string?> environment) =>
        First(environment, [.. UrlVariables, .. ClientIdVariables, .. ClientSecretVariables, .. TenantVariables]) is not null;

    /// <summary>Builds the tenant, or returns null with a message that lists what is missing (never a value).</summary>
    public static TenantSettings? TryResolve(Func<string, string?> environment, out string? error)
    {
        var url = First(environment, UrlVariables);
        var clientId = First(environment, ClientIdVariables);
        var secret = First(environment, ClientSecretVariables);
        var haloTenant = First(environment, TenantVariables);
        var problems = new List<string>();
        Uri? baseUrl = null;
        if (url is not null)
        {
            baseUrl = ParseHttpUrl(url);
            if (baseUrl is null)
            {
                problems.Add($"{string.Join(" / ", UrlVariables)} must be an absolute http(s) URL");
            }
        }
        else if (haloTenant is not null)
        {
            baseUrl = ParseHttpUrl(haloTenant.Contains("://", StringComparison.Ordinal)
                ? haloTenant
                : haloTenant.Contains('.', StringComparison.Ordinal) ? $"https://{haloTenant}" : $"https://{haloTenant}.halopsa.com");
            if (baseUrl is null)
            {
                problems.Add($"{string.Join(" / ", TenantVariables)} must be a tenant name, a host name or a URL");
            }
        }
        else
        {
            problems.Add($"the HaloPSA URL: set {string.Join(" or ", UrlVariables)} (or a hosted tenant name in {string.Join(" or ", TenantVariables)})");
        }

        if (clientId is null)
        {
            problems.Add($"the client id: set {string.Join(" or ", ClientIdVariables)}");
        }

        if (secret is null)
        {
            problems.Add($"the client secret: set {string.Join(" or ", ClientSecretVariables)}");
        }

        if (problems.Count > 0 || baseUrl is null)
        {
            error = "HaloPSA credentials are missing for --stdio: " + string.Join("; ", problems) + ".";
            return null;
        }

        // A tenant given only as a host or URL is not a tenant name for ?tenant=.
        var tenantName = haloTenant is not null && !haloTenant.Contains('.', StringComparison.Ordinal) && !haloTenant.Contains("://", StringComparison.Ordinal)
            ? haloTenant
            : null;
        var authUrl = environment("HALOPSA_AUTH_URL") is { Length: > 0 } auth ? ParseHttpUrl(auth) : null;
        error = null;
        return new TenantSettings(
            TenantId,
            baseUrl,
            clientId!,
            secret!,
            tenantName,
            authUrl,
            environment("HALOPSA_SCOPE") is { Length: > 0 } scope ? scope : "all");
    }

    private static string? First(Func<string, string?> environment, string[] names) =>
        names.Select(n => environment(n)?.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v));

    private static Uri? ParseHttpUrl(string value) =>
        Uri.TryCreate(value.Trim().TrimEnd('/'), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : null;
}
