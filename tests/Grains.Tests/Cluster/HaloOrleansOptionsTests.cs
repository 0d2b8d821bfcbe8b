using HaloMcp.Silo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace HaloMcp.Grains.Tests.Cluster;

/// <summary>Issue 10: the <c>Orleans</c> section chooses the mode, and a wrong value stops the start saying how to fix it.</summary>
public sealed class HaloOrleansOptionsTests
{
    [Fact]
    public void Without_a_clustering_section_the_mode_is_embedded_and_needs_no_service()
    {
        var options = HaloOrleansConfiguration.Read(Configuration());

        Assert.False(options.IsRedisCluster);
        Assert.Equal("halomcp-local", options.ClusterId);
    }

    [Fact]
    public void Redis_clustering_with_a_connection_string_or_a_named_one_is_cluster_mode()
    {
        Assert.True(HaloOrleansConfiguration.IsRedisCluster(Configuration(("Orleans:Clustering:ProviderType", "Redis"), ("Orleans:Clustering:ConnectionString", "redis:6379"))));
        var named = Configuration(("Orleans:Clustering:ProviderType", "Redis"), ("Orleans:Clustering:ConnectionName", "state"), ("ConnectionStrings:state", "10.0.0.5:6380"));
        Assert.Equal("10.0.0.5:6380", HaloOrleansConfiguration.RedisConnectionString(HaloOrleansConfiguration.Read(named), named));
    }

    [Theory]
    [InlineData("Orleans:Clustering:ProviderType", "AzureStorage", "'AzureStorage' is not supported")]
    [InlineData("Orleans:SiloPort", "70000", "Orleans:SiloPort must be a port number")]
    [InlineData("Orleans:ListenAddress", "every-interface", "Orleans:ListenAddress 'every-interface' must be an IP address")]
    [InlineData("Orleans:ClusterId", " ", "Orleans:ClusterId and Orleans:ServiceId must not be empty")]
    public void A_wrong_value_stops_the_start_naming_the_key(string key, string value, string message)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => HaloOrleansConfiguration.Read(Configuration((key, value))));

        Assert.Contains(failure.Failures, f => f.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Redis_clustering_without_a_connection_string_says_what_to_give()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => HaloOrleansConfiguration.Read(Configuration(("Orleans:Clustering:ProviderType", "Redis"))));

        Assert.Contains(failure.Failures, f => f.StartsWith("Orleans:Clustering:ConnectionString is required with ProviderType=Redis", StringComparison.Ordinal));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
