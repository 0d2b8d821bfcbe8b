using System.Diagnostics;
using System.Text.Json;
using HaloMcp.Api.Tenancy;
using HaloMcp.Api.Tests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace HaloMcp.Api.Tests;

public sealed class StdioTests
{
    public static TheoryData<string, Dictionary<string, string>, string, string?> Schemes => new()
    {
        {
            "HALOPSA_*",
            new() { ["HALOPSA_BASE_URL"] = "https://psa.example.com", ["HALOPSA_CLIENT_ID"] = "id-a", ["HALOPSA_CLIENT_SECRET"] = "secret-a", ["HALOPSA_TENANT"] = "examplemsp" },
            "https://psa.example.com",
            "examplemsp"
        },
        {
            "HALO_*",
            new() { ["HALO_INSTANCE_URL"] = "https://halo.example.org/", ["HALO_CLIENT_ID"] = "id-b", ["HALO_CLIENT_SECRET"] = "secret-b" },
            "https://halo.example.org",
            null
        },
        {
            "X_*",
            new() { ["X_TENANT"] = "contoso", ["X_CLIENT_ID"] = "id-c", ["X_CLIENT_SECRET"] = "secret-c" },
            "https://contoso.halopsa.com",
            "contoso"
        },
    };

    [Theory]
    [MemberData(nameof(Schemes))]
    public async Task Serves_tools_with_credentials_from_each_naming_scheme(string scheme, Dictionary<string, string> environment, string expectedUrl, string? expectedTenant)
    {
        var variables = ServerProcess.HaloVariables.ToDictionary(v => v, v => environment.GetValueOrDefault(v));
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "halomcp-" + scheme,
            Command = "dotnet",
            Arguments = [ServerProcess.ServerDll, "--stdio"],
            EnvironmentVariables = variables,
        });
        await using var client = await McpClient.CreateAsync(transport);

        var tools = await client.ListToolsAsync();
        var result = await client.CallToolAsync("halopsa_get_connection");

        Assert.Contains(tools, t => t.Name == "halopsa_get_connection");
        var structured = result.StructuredContent!.Value;
        Assert.Equal("stdio", structured.GetProperty("tenant_id").GetString());
        Assert.Equal(expectedUrl, structured.GetProperty("halo_url").GetString());
        Assert.Equal(environment.First(e => e.Key.EndsWith("CLIENT_ID", StringComparison.Ordinal)).Value, structured.GetProperty("client_id").GetString());
        Assert.Equal(expectedTenant, structured.TryGetProperty("halo_tenant", out var t) ? t.GetString() : null);
    }

    [Fact]
    public async Task Stdout_carries_only_json_rpc()
    {
        var info = ServerProcess.StartInfo(["--stdio", "--Logging:LogLevel:Default=Trace"], new Dictionary<string, string>
        {
            ["HALOPSA_BASE_URL"] = "https://psa.example.com",
            ["HALOPSA_CLIENT_ID"] = "id",
            ["HALOPSA_CLIENT_SECRET"] = "stdio-secret-value",
        });
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string[] requests =
        [
            """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""",
            """{"jsonrpc":"2.0","method":"notifications/initialized"}""",
            """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""",
            """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"halopsa_get_connection","arguments":{}}}""",
        ];
        foreach (var request in requests)
        {
            await process.StandardInput.WriteLineAsync(request);
        }

        await process.StandardInput.FlushAsync();
        var answered = new HashSet<int>();
        var lines = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (answered.Count < 3 && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            lines.Add(line);
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.TryGetProperty("id", out var id))
            {
                answered.Add(id.GetInt32());
            }
        }

        process.StandardInput.Close();
        lines.AddRange((await process.StandardOutput.ReadToEndAsync(timeout.Token)).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal([1, 2, 3], answered.Order());
        Assert.All(lines, l =>
        {
            using var document = JsonDocument.Parse(l);
            Assert.Equal("2.0", document.RootElement.GetProperty("jsonrpc").GetString());
        });
        var errors = await stderr;
        Assert.Contains("TenantId:stdio", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("stdio-secret-value", errors + string.Join('\n', lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_credentials_exit_non_zero_with_a_clear_message()
    {
        var (exitCode, stdout, stderr) = await ServerProcess.RunAsync(["--stdio"], new Dictionary<string, string> { ["HALO_CLIENT_ID"] = "only-an-id" });

        Assert.NotEqual(0, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("HaloPSA credentials are missing", stderr, StringComparison.Ordinal);
        Assert.Contains("HALOPSA_CLIENT_SECRET", stderr, StringComparison.Ordinal);
        Assert.Contains("HALOPSA_BASE_URL", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("client id", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_precedence_is_HALOPSA_then_HALO_then_X()
    {
        var environment = new Dictionary<string, string>
        {
            ["HALOPSA_BASE_URL"] = "https://first.example.com",
            ["HALO_INSTANCE_URL"] = "https://second.example.com",
            ["HALOPSA_CLIENT_ID"] = "first-id",
            ["HALO_CLIENT_ID"] = "second-id",
            ["X_CLIENT_ID"] = "third-id",
            ["HALO_CLIENT_SECRET"] = "second-secret",
            ["X_CLIENT_SECRET"] = "third-secret",
            ["X_TENANT"] = "xtenant",
        };

        var tenant = StdioTenantEnvironment.TryResolve(environment.GetValueOrDefault, out var error);

        Assert.Null(error);
        Assert.NotNull(tenant);
        Assert.Equal(new Uri("https://first.example.com"), tenant.HaloBaseUrl);
        Assert.Equal("first-id", tenant.ClientId);
        Assert.Equal("second-secret", tenant.ClientSecret);
        Assert.Equal("xtenant", tenant.HaloTenant);
    }

    [Theory]
    [InlineData("acme", "https://acme.halopsa.com", "acme")]
    [InlineData("acme.halopsa.com", "https://acme.halopsa.com", null)]
    [InlineData("https://psa.acme.example", "https://psa.acme.example", null)]
    public void Tenant_without_url_gives_the_hosted_url(string value, string expectedUrl, string? expectedTenant)
    {
        var environment = new Dictionary<string, string> { ["HALOPSA_TENANT"] = value, ["X_CLIENT_ID"] = "id", ["X_CLIENT_SECRET"] = "s" };

        var tenant = StdioTenantEnvironment.TryResolve(environment.GetValueOrDefault, out _);

        Assert.Equal(new Uri(expectedUrl), tenant!.HaloBaseUrl);
        Assert.Equal(expectedTenant, tenant.HaloTenant);
    }
}
