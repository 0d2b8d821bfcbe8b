using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HaloMcp.Grains.OAuth;

/// <summary>
/// Encrypts agents' HaloPSA tokens for storage: AES-256-GCM, a fresh nonce each time, and the sign-in's id and the
/// token's purpose as associated data, so a stored token cannot be read without the key nor moved to another sign-in.
/// </summary>
public sealed partial class AgentTokenProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    /// <summary>Creates the protector with the configured key, or a key made now (logged as a warning).</summary>
    public AgentTokenProtector(IOptions<AgentSessionOptions> options, ILogger<AgentTokenProtector> logger)
    {
        if (options.Value.TokenKey is { } configured && TryDecodeKey(configured) is { } key)
        {
            _key = key;
        }
        else
        {
            _key = RandomNumberGenerator.GetBytes(32);
            LogEphemeralKey(logger);
        }
    }

    /// <summary>Encrypts <paramref name="value"/> for sign-in <paramref name="sessionId"/>.</summary>
    public byte[] Protect(string sessionId, string purpose, string value)
    {
        var plain = Encoding.UTF8.GetBytes(value);
        var output = new byte[NonceSize + plain.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length), Associated(sessionId, purpose));
        return output;
    }

    /// <summary>Decrypts what <see cref="Protect"/> made, or null when it cannot (another key, another sign-in, tampering).</summary>
    public string? Unprotect(string sessionId, string purpose, byte[] data)
    {
        if (data.Length < NonceSize + TagSize)
        {
            return null;
        }

        var plain = new byte[data.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize, plain.Length), data.AsSpan(NonceSize + plain.Length), plain, Associated(sessionId, purpose));
            return Encoding.UTF8.GetString(plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    internal static byte[]? TryDecodeKey(string text)
    {
        var buffer = new byte[64];
        return Convert.TryFromBase64String(text.Trim(), buffer, out var written) && written == 32 ? buffer[..32] : null;
    }

    private static byte[] Associated(string sessionId, string purpose) => Encoding.UTF8.GetBytes(purpose + "\n" + sessionId);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "AgentSessions:TokenKey is not set: agents' HaloPSA sign-ins are encrypted with a key made at start, so they last as long as this process (as embedded mode's in-memory state does). A cluster sets the same key on every silo.")]
    private static partial void LogEphemeralKey(ILogger logger);
}
