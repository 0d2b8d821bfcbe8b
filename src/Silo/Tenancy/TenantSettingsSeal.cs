using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HaloMcp.Grains.Tenancy;
using Microsoft.Extensions.Options;

namespace HaloMcp.Silo.Tenancy;

/// <summary>
/// Seals a gateway tenant's settings (its HaloPSA client secret included) with the key every node of the cluster shares
/// (<see cref="HaloOrleansOptions.SealingKey"/>): AES-256-GCM with a fresh nonce, the tenant id as associated data. What
/// crosses the network is the sealed form only; a node without the key, or a blob altered on the way or made for
/// another tenant, opens nothing.
/// </summary>
public sealed class TenantSettingsSeal
{
    private const byte Version = 1;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly byte[]? _key;

    /// <summary>Reads the key from the <c>Orleans</c> options (already validated).</summary>
    public TenantSettingsSeal(IOptions<HaloOrleansOptions> options)
    {
        _key = options.Value.SealingKey is { Length: > 0 } key ? Convert.FromBase64String(key.Trim()) : null;
    }

    /// <summary>Whether a key is configured.</summary>
    public bool HasKey => _key is not null;

    /// <summary>The sealed form of <paramref name="settings"/>: version, nonce, tag, cipher text.</summary>
    /// <exception cref="InvalidOperationException">No key is configured.</exception>
    public byte[] Seal(TenantSettings settings)
    {
        var key = _key ?? throw new InvalidOperationException("Orleans:SealingKey is not set; gateway tenants cannot be sent to the silos.");
        var plain = JsonSerializer.SerializeToUtf8Bytes(settings, SealedSettingsJsonContext.Default.TenantSettings);
        var sealedBytes = new byte[1 + NonceBytes + TagBytes + plain.Length];
        sealedBytes[0] = Version;
        var nonce = sealedBytes.AsSpan(1, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(1 + NonceBytes + TagBytes), sealedBytes.AsSpan(1 + NonceBytes, TagBytes), Encoding.UTF8.GetBytes(settings.TenantId));
        CryptographicOperations.ZeroMemory(plain);
        return sealedBytes;
    }

    /// <summary>The settings sealed in <paramref name="sealedBytes"/> for <paramref name="tenantId"/>, or null when they cannot be opened.</summary>
    public TenantSettings? Unseal(string tenantId, ReadOnlySpan<byte> sealedBytes)
    {
        if (_key is null || sealedBytes.Length <= 1 + NonceBytes + TagBytes || sealedBytes[0] != Version)
        {
            return null;
        }

        var plain = new byte[sealedBytes.Length - 1 - NonceBytes - TagBytes];
        try
        {
            using var aes = new AesGcm(_key, TagBytes);
            aes.Decrypt(sealedBytes.Slice(1, NonceBytes), sealedBytes[(1 + NonceBytes + TagBytes)..], sealedBytes.Slice(1 + NonceBytes, TagBytes), plain, Encoding.UTF8.GetBytes(tenantId));
            var settings = JsonSerializer.Deserialize(plain, SealedSettingsJsonContext.Default.TenantSettings);
            return settings?.TenantId == tenantId ? settings : null;
        }
        catch (Exception ex) when (ex is AuthenticationTagMismatchException or CryptographicException or JsonException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}
