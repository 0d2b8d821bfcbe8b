using System.Diagnostics;
using HaloMcp.Api.Auth;
using HaloMcp.Api.Tests.Support;
using ModelContextProtocol.Client;

namespace HaloMcp.Api.Tests;

/// <summary>The built executable over real HTTP, configured the way a deployment is: a file plus the environment.</summary>
public sealed class ExecutableTests
{
    [Fact]
    public async Task Serves_tenants_from_the_file_named_in_the_environment_and_from_environment_variables()
    {
        using var tenants = new TenantFile();
        const string envKey = "hmk_from-the-environment-66666666666666666";
        var secretVariable = "HALOMCP_TEST_ENV_SECRET_" + Guid.NewGuid().ToString("N");
        var info = ServerProcess.StartInfo(["--urls", "http://127.0.0.1:0"], new Dictionary<string, string>
        {
            ["TenantsFile"] = tenants.Path,
            [tenants.GlobexSecretVariable] = TenantFile.GlobexSecret,
            ["Tenants__2__Id"] = "envtenant",
            ["Tenants__2__HaloUrl"] = "https://env.halopsa.com",
            ["Tenants__2__ClientId"] = "env-client",
            ["Tenants__2__ClientSecretEnv"] = secretVariable,
            [secretVariable] = "env-secret",
            ["Tenants__2__ApiKeyHashes__0"] = ApiKeyHash.Compute(envKey),
        });
        using var process = Process.Start(info)!;
        try
        {
            var baseUrl = await ListeningUrl(process);

            Assert.Equal("envtenant", await TenantOf(baseUrl, envKey));
            Assert.Equal("acme", await TenantOf(baseUrl, TenantFile.AcmeKey));
            Assert.Equal("globex", await TenantOf(baseUrl, TenantFile.GlobexKey));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<Uri> ListeningUrl(Process process)
    {
        const string marker = "Now listening on: ";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var at = line.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                // Keep draining so the child never blocks on a full pipe.
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
                return new Uri(line[(at + marker.Length)..].Trim());
            }
        }

        throw new InvalidOperationException("The server exited before listening: " + await process.StandardError.ReadToEndAsync(timeout.Token));
    }

    private static async Task<string> TenantOf(Uri baseUrl, string key)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(baseUrl, "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + key },
        });
        await using var client = await McpClient.CreateAsync(transport);
        var result = await client.CallToolAsync("halopsa_get_connection");
        return result.StructuredContent!.Value.GetProperty("tenant_id").GetString()!;
    }
}
