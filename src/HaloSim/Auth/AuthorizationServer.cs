using System.Security.Cryptography;
using System.Text;

namespace HaloMcp.HaloSim.Auth;

/// <summary>
/// One instance's authorization-code and refresh-token state. Codes are single-use and short-lived; refresh tokens
/// rotate (each use returns a new one and retires the old). Presenting a used code or a retired refresh token is
/// taken as theft: it fails, and every token of that sign-in is revoked (RFC 6749 §4.1.2, OAuth 2.1 §4.3.1).
/// </summary>
internal sealed class AuthorizationServer(TimeProvider time, TokenIssuer tokens, TimeSpan codeLifetime, TimeSpan refreshLifetime)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IssuedCode> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IssuedRefresh> _refreshTokens = new(StringComparer.Ordinal);

    public TimeSpan CodeLifetime => codeLifetime;

    /// <summary>A new code for a signed-in agent, bound to the application, redirect URI and PKCE challenge.</summary>
    public string IssueCode(string clientId, string redirectUri, string challenge, IReadOnlySet<string> scopes, int agentId)
    {
        var code = NewSecret("code");
        lock (_gate)
        {
            _codes[code] = new IssuedCode(clientId, redirectUri, challenge, scopes, agentId, time.GetUtcNow() + codeLifetime, NewSecret("family"));
        }

        return code;
    }

    /// <summary>Redeems a code; the problem (for <c>invalid_grant</c>) or the tokens.</summary>
    public (string? Problem, SignInTokens? Tokens) Redeem(string clientId, string code, string redirectUri, string verifier)
    {
        lock (_gate)
        {
            if (!_codes.TryGetValue(code, out var issued) || issued.ClientId != clientId)
            {
                return ("the authorization code is not valid for this client", null);
            }

            if (issued.Used)
            {
                Revoke(issued.FamilyId);
                return ("the authorization code has already been used; the tokens it gave are revoked", null);
            }

            issued.Used = true;
            if (time.GetUtcNow() >= issued.ExpiresAt)
            {
                return ("the authorization code has expired", null);
            }

            if (!string.Equals(issued.RedirectUri, redirectUri, StringComparison.Ordinal))
            {
                return ("redirect_uri does not match the one the code was issued for", null);
            }

            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Challenge(verifier)), Encoding.ASCII.GetBytes(issued.Challenge)))
            {
                return ("the code_verifier does not match the code_challenge", null);
            }

            return (null, Issue(clientId, issued.AgentId, issued.Scopes, issued.FamilyId));
        }
    }

    /// <summary>Uses a refresh token (it is retired) for new tokens; <paramref name="scopes"/> may narrow, never widen.</summary>
    public (string? Error, string? Problem, SignInTokens? Tokens) Refresh(string clientId, string refreshToken, IReadOnlySet<string>? scopes)
    {
        lock (_gate)
        {
            if (!_refreshTokens.TryGetValue(refreshToken, out var issued) || issued.ClientId != clientId)
            {
                return ("invalid_grant", "the refresh token is not valid for this client", null);
            }

            if (issued.Retired)
            {
                Revoke(issued.FamilyId);
                return ("invalid_grant", "the refresh token has already been used; every token of this sign-in is revoked", null);
            }

            if (time.GetUtcNow() >= issued.ExpiresAt)
            {
                return ("invalid_grant", "the refresh token has expired", null);
            }

            if (scopes is not null && scopes.FirstOrDefault(s => !issued.Scopes.Contains(s)) is { } wider)
            {
                return ("invalid_scope", $"'{wider}' was not granted at sign-in", null);
            }

            issued.Retired = true;
            return (null, null, Issue(clientId, issued.AgentId, scopes ?? issued.Scopes, issued.FamilyId));
        }
    }

    /// <summary>Forgets every code and refresh token.</summary>
    public void RevokeAll()
    {
        lock (_gate)
        {
            _codes.Clear();
            _refreshTokens.Clear();
        }
    }

    /// <summary>BASE64URL(SHA256(ASCII(verifier))), RFC 7636 §4.2.</summary>
    public static string Challenge(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private SignInTokens Issue(string clientId, int agentId, IReadOnlySet<string> scopes, string familyId)
    {
        var access = tokens.Issue(scopes, clientId, agentId, familyId);
        var refresh = NewSecret("refresh");
        _refreshTokens[refresh] = new IssuedRefresh(clientId, agentId, scopes, familyId, time.GetUtcNow() + refreshLifetime);
        return new SignInTokens(access, refresh, scopes, agentId);
    }

    private void Revoke(string familyId)
    {
        tokens.RevokeFamily(familyId);
        foreach (var (_, refresh) in _refreshTokens.Where(r => r.Value.FamilyId == familyId))
        {
            refresh.Retired = true;
        }
    }

    private static string NewSecret(string kind) => $"sim.{kind}." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    private sealed record IssuedCode(string ClientId, string RedirectUri, string Challenge, IReadOnlySet<string> Scopes, int AgentId, DateTimeOffset ExpiresAt, string FamilyId)
    {
        public bool Used { get; set; }
    }

    private sealed record IssuedRefresh(string ClientId, int AgentId, IReadOnlySet<string> Scopes, string FamilyId, DateTimeOffset ExpiresAt)
    {
        public bool Retired { get; set; }
    }
}
