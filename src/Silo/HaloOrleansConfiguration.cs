using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using StackExchange.Redis;

namespace HaloMcp.Silo;

/// <summary>
/// What silos and front ends derive from the <c>Orleans</c> section while their Orleans builders are configured (before
/// any service exists): the options, validated; the advertised address; the Redis connection; the membership tuning.
/// </summary>
public static class HaloOrleansConfiguration
{
    /// <summary>Orleans' own <see cref="ClusterMembershipOptions"/> can be overridden here, e.g. <c>Orleans:Membership:ProbeTimeout</c>.</summary>
    public const string MembershipSection = HaloOrleansOptions.SectionName + ":Membership";

    /// <summary>The <c>Orleans</c> section, bound and validated.</summary>
    /// <exception cref="OptionsValidationException">A value is wrong; the failures say which and how to fix it.</exception>
    public static HaloOrleansOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(HaloOrleansOptions.SectionName).Get<HaloOrleansOptions>() ?? new HaloOrleansOptions();
        var result = new HaloOrleansOptionsValidator(configuration).Validate(null, options);
        return result.Failed
            ? throw new OptionsValidationException(HaloOrleansOptions.SectionName, typeof(HaloOrleansOptions), result.Failures)
            : options;
    }

    /// <summary>Whether <paramref name="configuration"/> asks for a cluster of silo processes in Redis.</summary>
    public static bool IsRedisCluster(IConfiguration configuration) => Read(configuration).IsRedisCluster;

    /// <summary>The advertised address: the configured IP, or the configured host name resolved now (IPv4 first).</summary>
    public static IPAddress AdvertisedAddress(HaloOrleansOptions options)
    {
        if (IPAddress.TryParse(options.AdvertisedAddress, out var address))
        {
            return address;
        }

        var addresses = Dns.GetHostAddresses(options.AdvertisedAddress);
        return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? addresses.FirstOrDefault()
            ?? throw new OptionsValidationException(HaloOrleansOptions.SectionName, typeof(HaloOrleansOptions),
                [$"Orleans:AdvertisedAddress '{options.AdvertisedAddress}' does not resolve to an address"]);
    }

    /// <summary>The Redis connection string of <c>Orleans:Clustering</c>, given directly or by name; null when there is none.</summary>
    public static string? RedisConnectionString(HaloOrleansOptions options, IConfiguration configuration) =>
        options.Clustering switch
        {
            { ConnectionString: { Length: > 0 } direct } => direct,
            { ConnectionName: { Length: > 0 } name } => configuration.GetConnectionString(name) is { Length: > 0 } named ? named : null,
            _ => null,
        };

    /// <summary>The Redis connection the cluster's grain state uses (membership uses the same, configured by Orleans).</summary>
    public static ConfigurationOptions Redis(HaloOrleansOptions options, IConfiguration configuration)
    {
        var redis = ConfigurationOptions.Parse(RedisConnectionString(options, configuration)!);

        // A process that starts before Redis is up keeps trying instead of failing at once.
        redis.AbortOnConnectFail = false;
        return redis;
    }

    /// <summary>
    /// Membership for failover in about 5 s: a silo that misses three probes of 1.5 s is suspected and, with the votes
    /// its peers give, declared dead; Orleans' own defaults (three of 5 s, a table refresh every minute) take 10-17 s
    /// on our machine. Three misses rather than two, and Orleans' own local-health checks (a silo that is itself
    /// starved does not vote, and extends its probe timeout), keep a loaded 2-core machine from false suspicions.
    /// </summary>
    public static void TuneMembership(ClusterMembershipOptions membership)
    {
        membership.ProbeTimeout = TimeSpan.FromSeconds(1.5);
        membership.NumMissedProbesLimit = 3;
        membership.TableRefreshTimeout = TimeSpan.FromSeconds(5);
        membership.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
    }
}
