namespace HaloMcp.HaloSim.Auth;

/// <summary>
/// An extra API application of an instance (HaloPSA: Configuration &gt; Integrations &gt; Halo API &gt; Applications). The
/// instance's own <see cref="SimInstanceOptions.ClientId"/> and secret are its client-credentials application.
/// </summary>
public sealed class SimApplicationOptions
{
    /// <summary>The name shown on the sign-in page.</summary>
    public string Name { get; set; } = "API application";

    /// <summary>The application's client id.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>
    /// The application's secret. Empty for a public (native) authorization-code application, whose only proof is
    /// PKCE; required for client credentials.
    /// </summary>
    public string? ClientSecret { get; set; }

    /// <summary>Which grant the application uses.</summary>
    public SimAuthenticationMethod AuthenticationMethod { get; set; } = SimAuthenticationMethod.AuthorizationCode;

    /// <summary>
    /// Where the authorization-code flow may send the browser back: compared exactly, except that a loopback address
    /// (127.0.0.1, [::1], localhost) matches on any port, as RFC 8252 §7.3 asks of native-app servers.
    /// </summary>
    public List<string> RedirectUris { get; set; } = [];

    /// <summary>Scopes the application may be granted; empty means any.</summary>
    public List<string> AllowedScopes { get; set; } = [];
}
