using System.Security.Cryptography;

namespace HaloMcp.HaloSim.Auth;

/// <summary>Issues and checks one instance's bearer tokens. A token is only known to the instance that issued it.</summary>
internal sealed class TokenIssuer(TimeProvider time, TimeSpan lifetime)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SimToken> _tokens = new(StringComparer.Ordinal);

    public TimeSpan Lifetime => lifetime;

    /// <summary>A new access token; with an agent, it acts as that agent (an authorization-code sign-in).</summary>
    public string Issue(IReadOnlySet<string> scopes, string clientId, int? agentId = null, string? familyId = null)
    {
        var token = "sim." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        lock (_gate)
        {
            _tokens[token] = new SimToken(scopes, time.GetUtcNow() + lifetime, agentId, clientId, familyId);
        }

        return token;
    }

    /// <summary>Revokes every access token of one sign-in.</summary>
    public void RevokeFamily(string familyId)
    {
        lock (_gate)
        {
            foreach (var token in _tokens.Where(t => t.Value.FamilyId == familyId).Select(t => t.Key).ToList())
            {
                _tokens.Remove(token);
            }
        }
    }

    /// <summary>The token's grant when it is known and unexpired, else null.</summary>
    public SimToken? Validate(string token)
    {
        lock (_gate)
        {
            return _tokens.TryGetValue(token, out var grant) && time.GetUtcNow() < grant.ExpiresAt ? grant : null;
        }
    }

    public void RevokeAll()
    {
        lock (_gate)
        {
            _tokens.Clear();
        }
    }
}
