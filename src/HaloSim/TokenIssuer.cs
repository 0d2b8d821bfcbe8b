using System.Security.Cryptography;

namespace HaloMcp.HaloSim;

/// <summary>Issues and checks one instance's bearer tokens. A token is only known to the instance that issued it.</summary>
internal sealed class TokenIssuer(TimeProvider time, TimeSpan lifetime)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SimToken> _tokens = new(StringComparer.Ordinal);

    public TimeSpan Lifetime => lifetime;

    public string Issue(IReadOnlySet<string> scopes)
    {
        var token = "sim." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        lock (_gate)
        {
            _tokens[token] = new SimToken(scopes, time.GetUtcNow() + lifetime);
        }

        return token;
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
