using System.Net;
using System.Text.Json;
using HaloMcp.Api.Tests.Support;
using Microsoft.Extensions.Options;

namespace HaloMcp.Api.Tests;

public sealed class HostOptionsTests
{
    [Fact]
    public async Task Public_base_url_and_path_shape_the_challenge_and_the_metadata()
    {
        await using var server = await McpTestServer.StartAsync(null, "--Mcp:PublicBaseUrl=https://mcp.example.com", "--Mcp:Path=/tenant-mcp");
        using var http = server.CreateHttpClient();
        var request = RawMcp.Post(RawMcp.ListTools, apiKey: null);
        request.RequestUri = new Uri("/tenant-mcp", UriKind.Relative);

        using var unauthorized = await http.SendAsync(request);
        using var metadata = await http.GetAsync(new Uri("/.well-known/oauth-protected-resource/tenant-mcp", UriKind.Relative));
        using var oldPath = await http.SendAsync(RawMcp.Post(RawMcp.ListTools));

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/tenant-mcp\"", unauthorized.Headers.WwwAuthenticate.Single().Parameter);
        using var document = JsonDocument.Parse(await metadata.Content.ReadAsStringAsync());
        Assert.Equal("https://mcp.example.com/tenant-mcp", document.RootElement.GetProperty("resource").GetString());
        Assert.Equal(HttpStatusCode.NotFound, oldPath.StatusCode);
    }

    [Fact]
    public async Task Gateway_mode_without_a_gateway_key_hash_does_not_start()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => McpTestServer.StartAsync(null, "--Mcp:GatewayMode=true"));

        Assert.Contains(error.Failures, f => f.Contains("Mcp:GatewayKeyHashes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_relative_path_does_not_start()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => McpTestServer.StartAsync(null, "--Mcp:Path=mcp"));

        Assert.Contains(error.Failures, f => f.Contains("Mcp:Path", StringComparison.Ordinal));
    }
}
