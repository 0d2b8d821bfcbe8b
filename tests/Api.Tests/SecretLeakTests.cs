using System.Text.Json;
using HaloMcp.Api.Tests.Support;

namespace HaloMcp.Api.Tests;

public sealed class SecretLeakTests
{
    [Fact]
    public async Task Secrets_and_api_keys_appear_in_no_response_error_or_log_line()
    {
        await using var server = await McpTestServer.StartAsync();
        using var http = server.CreateHttpClient();
        var responses = new List<string>();

        await using (var acme = await server.ConnectAsync(TenantFile.AcmeKey))
        await using (var globex = await server.ConnectAsync(TenantFile.GlobexKey, null))
        {
            foreach (var client in new[] { acme, globex })
            {
                responses.Add(JsonSerializer.Serialize(await client.ListToolsAsync()));
                foreach (var tool in new[] { "halopsa_get_connection", "test_tool_error", "test_unexpected_error" })
                {
                    responses.Add(JsonSerializer.Serialize(await client.CallToolAsync(tool)));
                }
            }
        }

        foreach (var request in new[]
        {
            RawMcp.Post(RawMcp.ListTools, apiKey: TenantFile.AcmeKey + "x"),
            RawMcp.Post(RawMcp.ListTools, version: "1999-01-01"),
            RawMcp.Post("[" + RawMcp.ListTools + "]"),
            RawMcp.Post("""{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"nope"}}"""),
        })
        {
            using var response = await http.SendAsync(request);
            responses.Add(await response.Content.ReadAsStringAsync());
        }

        var everything = string.Join('\n', responses) + '\n' + server.Logs.AllText;
        Assert.Contains("halopsa_get_connection", everything, StringComparison.Ordinal);
        Assert.NotEmpty(server.Logs.Lines);
        foreach (var secret in new[] { TenantFile.AcmeSecret, TenantFile.GlobexSecret, TenantFile.AcmeKey, TenantFile.GlobexKey, "hunter2" })
        {
            Assert.DoesNotContain(secret, string.Join('\n', responses), StringComparison.Ordinal);
            if (secret != "hunter2")
            {
                Assert.DoesNotContain(secret, server.Logs.AllText, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task An_invalid_catalog_fails_startup_with_a_clear_error_that_omits_the_secret()
    {
        using var tenants = new TenantFile();
        var broken = tenants.DefaultTenants();
        broken[0]!["ClientSecretFile"] = "/nonexistent/secret";
        broken[1]!["ApiKeyHashes"] = new System.Text.Json.Nodes.JsonArray("sha256:abc");
        broken[1]!["ClientSecertEnv"] = "TYPO";
        broken.Add(TenantFile.Tenant("gw-sneaky", "https://x.halopsa.com", "s", []));
        tenants.Write(broken);

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => McpTestServer.StartAsync(tenants));

        Assert.Contains(error.Failures, f => f.Contains("Tenants[0] ('acme')", StringComparison.Ordinal) && f.Contains("more than one of ClientSecret", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Tenants[1] ('globex')", StringComparison.Ordinal) && f.Contains("ApiKeyHashes", StringComparison.Ordinal));
        Assert.Contains("Tenants[1]: unknown setting 'ClientSecertEnv'", error.Failures);
        Assert.Contains(error.Failures, f => f.Contains("Tenants[2] ('gw-sneaky'): Id must not start with 'gw-'", StringComparison.Ordinal));
        Assert.DoesNotContain(TenantFile.AcmeSecret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_can_come_from_a_file()
    {
        using var tenants = new TenantFile();
        var secretFile = Path.Combine(Path.GetDirectoryName(tenants.Path)!, "acme.secret");
        await File.WriteAllTextAsync(secretFile, "from-a-file\n");
        var list = tenants.DefaultTenants();
        list[0]!["ClientSecret"] = null;
        list[0]!["ClientSecretFile"] = secretFile;
        tenants.Write(list);

        await using var server = await McpTestServer.StartAsync(tenants);

        var directory = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<HaloMcp.Grains.Tenancy.ITenantDirectory>(server.App.Services);
        Assert.Equal("from-a-file", directory.Find("acme")!.ClientSecret);
    }
}
