using System.Security.Cryptography;
using System.Text;
using HaloMcp.Grains.Tenancy;
using HaloMcp.Silo;
using HaloMcp.Silo.Tenancy;
using Microsoft.Extensions.Options;

namespace HaloMcp.Grains.Tests.Cluster;

/// <summary>Issue 10: a gateway tenant's settings cross between nodes sealed; only a node with the cluster's key opens them.</summary>
public sealed class TenantSettingsSealTests
{
    private static readonly TenantSettings Settings = new("gw-0123456789abcdef", new Uri("https://acme.halopsa.com"), "acme-app", "s3cret-Halo-client-secret", Scope: "all");

    [Fact]
    public void Sealed_settings_open_with_the_same_key_for_the_same_tenant_and_carry_no_secret_in_clear()
    {
        var key = NewKey();
        var sealedBytes = Seal(key).Seal(Settings);

        Assert.Equal(Settings, Seal(key).Unseal(Settings.TenantId, sealedBytes));
        Assert.DoesNotContain("s3cret", Encoding.UTF8.GetString(sealedBytes), StringComparison.Ordinal);
        Assert.DoesNotContain("acme-app", Encoding.UTF8.GetString(sealedBytes), StringComparison.Ordinal);

        // A fresh nonce each time: the same settings never look the same on the wire twice.
        Assert.NotEqual(sealedBytes, Seal(key).Seal(Settings));
    }

    [Fact]
    public void Sealed_settings_open_nothing_with_another_key_for_another_tenant_altered_or_without_a_key()
    {
        var key = NewKey();
        var sealedBytes = Seal(key).Seal(Settings);
        var altered = (byte[])sealedBytes.Clone();
        altered[^1] ^= 1;

        Assert.Null(Seal(NewKey()).Unseal(Settings.TenantId, sealedBytes));
        Assert.Null(Seal(key).Unseal("gw-another-tenant", sealedBytes));
        Assert.Null(Seal(key).Unseal(Settings.TenantId, altered));
        Assert.Null(Seal(null).Unseal(Settings.TenantId, sealedBytes));
        Assert.Throws<InvalidOperationException>(() => Seal(null).Seal(Settings));
    }

    [Theory]
    [InlineData("c2hvcnQ=")]
    [InlineData("not base64 at all")]
    public void A_sealing_key_that_is_not_32_bytes_of_base64_is_refused_at_start_with_how_to_make_one(string key)
    {
        var result = new HaloOrleansOptionsValidator(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build())
            .Validate(null, new HaloOrleansOptions { SealingKey = key });

        Assert.True(result.Failed);
        Assert.Contains("Orleans:SealingKey must be 32 bytes in base64", result.FailureMessage, StringComparison.Ordinal);
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static TenantSettingsSeal Seal(string? key) => new(Options.Create(new HaloOrleansOptions { SealingKey = key }));
}
