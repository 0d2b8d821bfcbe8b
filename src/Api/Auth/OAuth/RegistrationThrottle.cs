using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace HaloMcp.Api.Auth.OAuth;

/// <summary>
/// Bounds dynamic client registrations per address (an open registration endpoint would otherwise let anyone fill the
/// store): <see cref="OAuthOptions.RegistrationsPerAddressPerHour"/> in any fixed hour.
/// </summary>
internal sealed class RegistrationThrottle(TimeProvider time, IOptionsMonitor<OAuthOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Count)> _byAddress = new(StringComparer.Ordinal);

    /// <summary>Counts one registration from <paramref name="address"/>; false (and how long to wait) when it is one too many.</summary>
    public bool TryRegister(string address, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        var entry = _byAddress.AddOrUpdate(address, _ => (now, 1), (_, e) => now - e.Start >= Window ? (now, 1) : (e.Start, e.Count + 1));
        retryAfter = entry.Start + Window - now;
        if (_byAddress.Count > 10_000)
        {
            foreach (var (key, value) in _byAddress)
            {
                if (now - value.Start >= Window)
                {
                    _byAddress.TryRemove(key, out _);
                }
            }
        }

        return entry.Count <= options.CurrentValue.RegistrationsPerAddressPerHour;
    }
}
