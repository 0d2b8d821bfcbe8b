using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace HaloMcp.Silo;

/// <summary>Checks the <c>Orleans</c> section; every message names the key and says how to fix it.</summary>
/// <param name="configuration">The root configuration, where <c>ConnectionStrings</c> are.</param>
public sealed class HaloOrleansOptionsValidator(IConfiguration configuration) : IValidateOptions<HaloOrleansOptions>
{
    /// <summary>The key length <see cref="HaloOrleansOptions.SealingKey"/> must decode to.</summary>
    public const int SealingKeyBytes = 32;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, HaloOrleansOptions options)
    {
        var errors = new List<string>();
        if (options.Clustering is { ProviderType: { Length: > 0 } provider } && !options.IsRedisCluster)
        {
            errors.Add($"Orleans:Clustering:ProviderType '{provider}' is not supported; leave Orleans:Clustering out (embedded, the default) or use {HaloClusteringOptions.Redis} (a cluster of silo processes)");
        }

        if (options.IsRedisCluster && HaloOrleansConfiguration.RedisConnectionString(options, configuration) is null)
        {
            errors.Add("Orleans:Clustering:ConnectionString is required with ProviderType=Redis: the Redis connection string, e.g. 'redis:6379' (or ConnectionName, naming an entry of ConnectionStrings)");
        }

        if (string.IsNullOrWhiteSpace(options.ClusterId) || string.IsNullOrWhiteSpace(options.ServiceId))
        {
            errors.Add("Orleans:ClusterId and Orleans:ServiceId must not be empty");
        }

        foreach (var (setting, port) in new[] { ("SiloPort", options.SiloPort), ("GatewayPort", options.GatewayPort), ("PrimarySiloPort", options.PrimarySiloPort) })
        {
            if (port is < 0 or > 65535)
            {
                errors.Add($"Orleans:{setting} must be a port number (0-65535; 0 picks a free one)");
            }
        }

        if (string.IsNullOrWhiteSpace(options.AdvertisedAddress))
        {
            errors.Add("Orleans:AdvertisedAddress must be an IP address or a host name");
        }

        if (options.ListenAddress is { Length: > 0 } listen && !IPAddress.TryParse(listen, out _))
        {
            errors.Add($"Orleans:ListenAddress '{listen}' must be an IP address (e.g. 0.0.0.0 for every interface)");
        }

        if (options.CollectionQuantum <= TimeSpan.Zero || options.CollectionAge <= options.CollectionQuantum)
        {
            errors.Add("Orleans:CollectionQuantum must be positive and shorter than Orleans:CollectionAge");
        }

        if (options.ResponseTimeout <= TimeSpan.Zero || options.FailoverRetryLimit <= TimeSpan.Zero)
        {
            errors.Add("Orleans:ResponseTimeout and Orleans:FailoverRetryLimit must be positive");
        }

        if (options.SealingKey is { Length: > 0 } key && !IsKey(key))
        {
            errors.Add($"Orleans:SealingKey must be {SealingKeyBytes} bytes in base64 (e.g. from 'openssl rand -base64 {SealingKeyBytes}')");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsKey(string value)
    {
        var bytes = new byte[SealingKeyBytes + 3];
        return Convert.TryFromBase64String(value.Trim(), bytes, out var written) && written == SealingKeyBytes;
    }
}
