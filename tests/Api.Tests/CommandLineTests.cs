using HaloMcp.Api.Auth;
using HaloMcp.Api.Hosting;
using HaloMcp.Api.Tests.Support;

namespace HaloMcp.Api.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Our_flags_are_stripped_before_the_host_sees_them()
    {
        var line = HostCommandLine.Parse(["--stdio", "--urls", "http://127.0.0.1:9", "--tenants-file", "t.json", "--demo", "--demo-api-key", "k", "--halosim-url=http://127.0.0.1:5080", "--Mcp:Path=/x"]);

        Assert.Equal(HostCommand.Stdio, line.Command);
        Assert.Equal("t.json", line.TenantsFile);
        Assert.True(line.Demo.Enabled);
        Assert.Equal("k", line.Demo.ApiKey);
        Assert.Equal(new Uri("http://127.0.0.1:5080"), line.Demo.HaloSimUrl);
        Assert.Equal(["--urls", "http://127.0.0.1:9", "--Mcp:Path=/x"], line.HostArgs);
    }

    [Theory]
    [InlineData("--tenants-file")]
    [InlineData("--demo-api-key")]
    [InlineData("--halosim-url")]
    public void A_flag_without_its_value_is_an_error(string flag)
    {
        var error = Assert.Throws<ArgumentException>(() => HostCommandLine.Parse([flag, "--stdio"]));

        Assert.Contains(flag, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_key_takes_an_optional_key()
    {
        Assert.Equal("abc", HostCommandLine.Parse(["hash-key", "abc"]).HashKeyInput);
        Assert.Null(HostCommandLine.Parse(["hash-key"]).HashKeyInput);
        Assert.Equal(HostCommand.HashKey, HostCommandLine.Parse(["hash-key"]).Command);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("my-chosen-key-of-at-least-32-characters")]
    public async Task Hash_key_prints_a_hash_the_server_accepts_for_that_key(string? given)
    {
        var (exitCode, stdout, stderr) = await ServerProcess.RunAsync(given is null ? ["hash-key"] : ["hash-key", given]);

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var key = lines.Single(l => l.StartsWith("API key:", StringComparison.Ordinal))["API key:".Length..].Trim();
        var hash = lines.Single(l => l.StartsWith("Hash:", StringComparison.Ordinal))["Hash:".Length..].Trim();
        Assert.True(ApiKeyHash.IsWellFormed(hash));
        if (given is not null)
        {
            Assert.Equal(given, key);
        }
        else
        {
            Assert.StartsWith("hmk_", key, StringComparison.Ordinal);
        }

        using var tenants = new TenantFile();
        var list = tenants.DefaultTenants();
        list[0]!["ApiKeyHashes"] = new System.Text.Json.Nodes.JsonArray(hash);
        tenants.Write(list);
        await using var server = await McpTestServer.StartAsync(tenants);
        await using var client = await server.ConnectAsync(key);
        var result = await client.CallToolAsync("halopsa_get_connection");
        Assert.Equal("acme", result.StructuredContent!.Value.GetProperty("tenant_id").GetString());
    }

    [Fact]
    public async Task Hash_key_refuses_a_key_shorter_than_the_minimum()
    {
        var (exitCode, stdout, stderr) = await ServerProcess.RunAsync(["hash-key", "x"]);

        Assert.NotEqual(0, exitCode);
        Assert.DoesNotContain("Hash:", stdout, StringComparison.Ordinal);
        Assert.Contains($"at least {ApiKeyHash.MinimumKeyLength} characters", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_keys_differ()
    {
        Assert.NotEqual(ApiKeyHash.GenerateKey(), ApiKeyHash.GenerateKey());
        Assert.Equal("sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", ApiKeyHash.Compute("foo"));
    }
}
