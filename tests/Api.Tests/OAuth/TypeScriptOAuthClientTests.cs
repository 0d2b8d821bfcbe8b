using HaloMcp.Api.Tests.Support;
using HaloMcp.HaloSim;
using static HaloMcp.Api.Tests.EndToEnd.E2e;

namespace HaloMcp.Api.Tests.OAuth;

/// <summary>
/// The official MCP TypeScript SDK's OAuth client (npm <c>@modelcontextprotocol/sdk</c>, under node) against HaloMcp
/// end to end: discovery, dynamic registration, the authorization request, the consent page answered with the tenant's
/// key, the code exchange, tool calls with the token, a refresh, and the replayed refresh token refused.
/// </summary>
public sealed class TypeScriptOAuthClientTests(OAuthHostFixture fixture) : IClassFixture<OAuthHostFixture>
{
    [Fact]
    public async Task The_typescript_sdk_signs_in_calls_tools_and_refreshes()
    {
        var host = fixture.Host;
        using var report = await TypeScriptClients.RunAsync("oauth-client.mjs", host.McpUrl.ToString(), OAuthHost.AlphaKey);
        var root = report.RootElement;

        Assert.Equal("unauthorized", root.GetProperty("firstConnect").GetString());
        Assert.Equal(host.Issuer, root.GetProperty("discovery").GetProperty("authorizationServer").GetString()!.TrimEnd('/'));
        Assert.Equal(host.Issuer, root.GetProperty("discovery").GetProperty("issuer").GetString());
        Assert.StartsWith("hmcl_", root.GetProperty("registeredClientId").GetString(), StringComparison.Ordinal);

        var request = root.GetProperty("authorizationRequest");
        Assert.Equal("code", request.GetProperty("response_type").GetString());
        Assert.Equal("S256", request.GetProperty("code_challenge_method").GetString());
        Assert.Equal(host.McpUrl.ToString(), request.GetProperty("resource").GetString());
        Assert.Equal("halopsa:read halopsa:write", request.GetProperty("scope").GetString());

        Assert.True(root.GetProperty("redirect").GetProperty("stateEchoed").GetBoolean());
        Assert.Equal(host.Issuer, root.GetProperty("redirect").GetProperty("iss").GetString());
        var tokens = root.GetProperty("tokens");
        Assert.Equal("halopsa:read halopsa:write", tokens.GetProperty("scope").GetString());
        Assert.True(tokens.GetProperty("hasRefresh").GetBoolean());

        Assert.True(root.GetProperty("toolCount").GetInt32() >= 36);
        Assert.Equal("alpha", root.GetProperty("tenant").GetString());
        Assert.False(root.GetProperty("ticket").GetProperty("isError").GetBoolean());
        Assert.Equal(host.Alpha.Data.Get(SimEntityKind.Ticket, 5)!.Str("summary"), root.GetProperty("ticket").GetProperty("summary").GetString());

        Assert.Equal("AUTHORIZED", root.GetProperty("refresh").GetString());
        Assert.True(root.GetProperty("rotated").GetProperty("access").GetBoolean());
        Assert.True(root.GetProperty("rotated").GetProperty("refresh").GetBoolean());
        Assert.False(root.GetProperty("afterRefresh").GetProperty("isError").GetBoolean());
        Assert.Equal(6, root.GetProperty("afterRefresh").GetProperty("id").GetInt32());

        Assert.Equal("invalid_grant", root.GetProperty("replay").GetString());
        Assert.Equal(401, root.GetProperty("afterReplay").GetProperty("status").GetInt32());
        Assert.Contains("invalid_token", root.GetProperty("afterReplay").GetProperty("challenge").GetString(), StringComparison.Ordinal);
    }
}
