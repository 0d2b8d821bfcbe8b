namespace HaloMcp.Api.Auth.OAuth;

/// <summary>
/// HaloMcp as the OAuth 2.1 authorization server of its own MCP endpoint (section <c>OAuth</c>), for MCP clients that
/// cannot send an API key (claude.ai and Claude Desktop custom connectors).
/// </summary>
public sealed class OAuthOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "OAuth";

    /// <summary>Whether the authorization server runs (its metadata, registration, consent page and token endpoint).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Access tokens live this long (short: a refresh is cheap, a stolen token soon useless).</summary>
    public int AccessTokenLifetimeSeconds { get; set; } = 900;

    /// <summary>A refresh token lives this long unless used (each use rotates it and starts the time again).</summary>
    public int RefreshTokenLifetimeDays { get; set; } = 30;

    /// <summary>An authorization code must be redeemed within this time.</summary>
    public int AuthorizationCodeLifetimeSeconds { get; set; } = 120;

    /// <summary>A consent page stays usable this long.</summary>
    public int ConsentLifetimeSeconds { get; set; } = 900;

    /// <summary>Failed sign-ins on one consent page before it locks (the address throttle applies as well).</summary>
    public int ConsentAttemptLimit { get; set; } = 5;

    /// <summary>Dynamic client registrations one address may make per hour.</summary>
    public int RegistrationsPerAddressPerHour { get; set; } = 20;

    /// <summary>
    /// Whether client ID metadata documents may be fetched from loopback or private addresses over plain http (for
    /// local development and tests only; a public server must not fetch its own network on a client's say-so).
    /// </summary>
    public bool AllowPrivateClientMetadataUrls { get; set; }

    /// <summary>How long fetching a client ID metadata document may take.</summary>
    public int ClientMetadataTimeoutSeconds { get; set; } = 5;
}
