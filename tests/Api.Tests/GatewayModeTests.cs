using System.Net;
using HaloMcp.Api.Auth;
using HaloMcp.Api.Tests.Support;
using HaloMcp.Grains.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace HaloMcp.Api.Tests;

public sealed class GatewayModeTests : IAsyncLifetime
{
    private const string GatewayKey = "hmk_gateway-shared-key-44444444444444444";
    private McpTestServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await McpTestServer.StartAsync(null, "--Mcp:GatewayMode=true", "--Mcp:GatewayKeyHashes:0=" + ApiKeyHash.Compute(GatewayKey));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Credentials_in_headers_make_a_derived_tenant()
    {
        var first = await ConnectionOf(Headers("https://one.halopsa.com", "client-1", "secret-1", "one"));
        var again = await ConnectionOf(Headers("https://one.halopsa.com/", "client-1", "secret-1", "one"));
        var otherSecret = await ConnectionOf(Headers("https://one.halopsa.com", "client-1", "secret-2", "one"));
        var otherInstance = await ConnectionOf(Headers("https://two.halopsa.com", "client-1", "secret-1", null));

        Assert.StartsWith("gw-", first.TenantId, StringComparison.Ordinal);
        Assert.Equal(first.TenantId, again.TenantId);
        Assert.NotEqual(first.TenantId, otherSecret.TenantId);
        Assert.NotEqual(first.TenantId, otherInstance.TenantId);
        Assert.Equal("https://one.halopsa.com", first.HaloUrl);
        var settings = _server.App.Services.GetRequiredService<ITenantDirectory>().Find(first.TenantId);
        Assert.NotNull(settings);
        Assert.Equal("secret-1", settings.ClientSecret);
        Assert.Equal("one", settings.HaloTenant);
    }

    [Fact]
    public async Task Configured_tenant_keys_still_work_in_gateway_mode()
    {
        var connection = await ConnectionOf(new Dictionary<string, string>(), TenantFile.AcmeKey);

        Assert.Equal("acme", connection.TenantId);
    }

    [Fact]
    public async Task Headers_without_the_gateway_key_are_not_an_open_proxy()
    {
        using var http = _server.CreateHttpClient();
        var request = RawMcp.Post(RawMcp.ListTools, apiKey: "hmk_someone-else");
        foreach (var (name, value) in Headers("https://one.halopsa.com", "client-1", "secret-1", null))
        {
            request.Headers.Add(name, value);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Gateway_key_without_credentials_is_a_clear_400()
    {
        using var http = _server.CreateHttpClient();

        using var response = await http.SendAsync(RawMcp.Post(RawMcp.ListTools, apiKey: GatewayKey));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("X-Halo-Url", (await RawMcp.ErrorOf(response)).GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Headers(string url, string clientId, string secret, string? tenant)
    {
        var headers = new Dictionary<string, string>
        {
            ["X-Halo-Url"] = url,
            ["X-Halo-Client-Id"] = clientId,
            ["X-Halo-Client-Secret"] = secret,
        };
        if (tenant is not null)
        {
            headers["X-Halo-Tenant"] = tenant;
        }

        return headers;
    }

    private async Task<(string TenantId, string HaloUrl)> ConnectionOf(Dictionary<string, string> headers, string key = GatewayKey)
    {
        await using var client = await _server.ConnectAsync(key, headers: headers);
        var result = await client.CallToolAsync("halopsa_get_connection");
        var structured = result.StructuredContent!.Value;
        return (structured.GetProperty("tenant_id").GetString()!, structured.GetProperty("halo_url").GetString()!);
    }
}
