using System.Net;
using System.Text.Json.Nodes;
using HaloMcp.HaloSim;
using static HaloMcp.Api.Tests.EndToEnd.E2e;

namespace HaloMcp.Api.Tests.OAuth;

/// <summary>
/// The authorization server's happy paths over real HTTP: discovery documents, registration, consent with the tenant's
/// API key, the code exchange, tool calls with the access token, refresh rotation and revocation.
/// </summary>
public sealed class OAuthFlowTests(OAuthHostFixture fixture) : IClassFixture<OAuthHostFixture>
{
    private OAuthHost Host => fixture.Host;

    [Fact]
    public async Task The_protected_resource_metadata_names_HaloMcp_as_its_authorization_server_and_that_server_describes_itself()
    {
        using var browser = Host.Browser();
        var prm = JsonNode.Parse(await browser.Http.GetStringAsync("/.well-known/oauth-protected-resource/mcp"))!;
        Assert.Equal(Host.McpUrl.ToString(), prm["resource"]!.GetValue<string>());
        Assert.Equal([Host.Issuer], prm["authorization_servers"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(["halopsa:read", "halopsa:write"], prm["scopes_supported"]!.AsArray().Select(a => a!.GetValue<string>()));

        var metadata = JsonNode.Parse(await browser.Http.GetStringAsync("/.well-known/oauth-authorization-server"))!;
        Assert.Equal(Host.Issuer, metadata["issuer"]!.GetValue<string>());
        Assert.Equal(Host.Issuer + "/oauth/authorize", metadata["authorization_endpoint"]!.GetValue<string>());
        Assert.Equal(Host.Issuer + "/oauth/token", metadata["token_endpoint"]!.GetValue<string>());
        Assert.Equal(Host.Issuer + "/oauth/register", metadata["registration_endpoint"]!.GetValue<string>());
        Assert.Equal(Host.Issuer + "/oauth/revoke", metadata["revocation_endpoint"]!.GetValue<string>());
        Assert.Equal(["S256"], metadata["code_challenge_methods_supported"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(["code"], metadata["response_types_supported"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.True(metadata["client_id_metadata_document_supported"]!.GetValue<bool>());

        using var unauthenticated = await browser.Http.PostAsync("/mcp", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Contains($"resource_metadata=\"{Host.Issuer}/.well-known/oauth-protected-resource/mcp\"", unauthenticated.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_registered_and_signed_in_with_the_tenant_key_calls_tools_as_that_tenant()
    {
        using var browser = Host.Browser();
        var (_, tokens) = await browser.SignInWithKeyAsync(OAuthHost.AlphaKey);
        Assert.StartsWith("hma_", tokens.Access, StringComparison.Ordinal);
        Assert.StartsWith("hmr_", tokens.Refresh, StringComparison.Ordinal);
        Assert.Equal("halopsa:read halopsa:write", tokens.Scope);
        Assert.Equal(900, tokens.ExpiresIn);

        await using var client = await Host.ConnectAsync(tokens.Access);
        var tools = await client.ListToolsAsync();
        Assert.Contains(tools, t => t.Name == "halopsa_create_ticket");
        var connection = await client.CallToolAsync("halopsa_get_connection", new Dictionary<string, object?>());
        Assert.Equal("alpha", connection.StructuredContent!.Value.Str("tenant_id"));
        var ticket = await client.CallToolAsync("halopsa_get_ticket", new Dictionary<string, object?> { ["ticket_id"] = 7 });
        Assert.NotEqual(true, ticket.IsError);
        Assert.Equal(Host.Alpha.Data.Get(SimEntityKind.Ticket, 7)!.Str("summary"), ticket.StructuredContent!.Value.Str("summary"));
    }

    [Fact]
    public async Task A_refresh_rotates_the_refresh_token_and_a_rotated_out_one_ends_the_grant()
    {
        using var browser = Host.Browser();
        var (clientId, first) = await browser.SignInWithKeyAsync(OAuthHost.AlphaKey);
        var second = await browser.RefreshAsync(clientId, first.Refresh);
        Assert.NotEqual(first.Refresh, second.Refresh);
        Assert.NotEqual(first.Access, second.Access);
        await using (var client = await Host.ConnectAsync(second.Access))
        {
            Assert.NotEmpty(await client.ListToolsAsync());
        }

        using var replay = await browser.TokenAsync(("grant_type", "refresh_token"), ("client_id", clientId), ("refresh_token", first.Refresh));
        Assert.Equal((400, "invalid_grant"), await OAuthBrowser.ErrorOfAsync(replay));

        // The replay ended the grant: the newest tokens stop working too.
        using var after = await browser.TokenAsync(("grant_type", "refresh_token"), ("client_id", clientId), ("refresh_token", second.Refresh));
        Assert.Equal((400, "invalid_grant"), await OAuthBrowser.ErrorOfAsync(after));
        await AssertRefusedAsync(second.Access);
    }

    [Fact]
    public async Task Revoking_the_refresh_token_signs_the_client_out()
    {
        using var browser = Host.Browser();
        var (clientId, tokens) = await browser.SignInWithKeyAsync(OAuthHost.BetaKey);
        using var revoked = await browser.RevokeAsync(clientId, tokens.Refresh);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        await AssertRefusedAsync(tokens.Access);
        using var refresh = await browser.TokenAsync(("grant_type", "refresh_token"), ("client_id", clientId), ("refresh_token", tokens.Refresh));
        Assert.Equal((400, "invalid_grant"), await OAuthBrowser.ErrorOfAsync(refresh));

        // Revoking what is already revoked, or what never existed, is answered the same (RFC 7009 §2.2).
        using var again = await browser.RevokeAsync(clientId, tokens.Refresh);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var unknown = await browser.RevokeAsync(clientId, "hmr_nothing.atall");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
    }

    [Fact]
    public async Task A_confidential_client_must_prove_its_secret_at_the_token_endpoint()
    {
        using var browser = Host.Browser();
        var registration = await browser.RegisterAsync(method: "client_secret_post");
        var clientId = registration["client_id"]!.GetValue<string>();
        var secret = registration["client_secret"]!.GetValue<string>();
        var (verifier, challenge) = OAuthBrowser.NewPkce();
        var code = await browser.CodeWithKeyAsync(clientId, challenge, OAuthHost.AlphaKey);

        using var without = await browser.TokenAsync(("grant_type", "authorization_code"), ("client_id", clientId), ("code", code),
            ("redirect_uri", OAuthBrowser.RedirectUri), ("code_verifier", verifier));
        Assert.Equal((401, "invalid_client"), await OAuthBrowser.ErrorOfAsync(without));
        using var wrong = await browser.TokenAsync(("grant_type", "authorization_code"), ("client_id", clientId), ("client_secret", secret + "x"), ("code", code),
            ("redirect_uri", OAuthBrowser.RedirectUri), ("code_verifier", verifier));
        Assert.Equal((401, "invalid_client"), await OAuthBrowser.ErrorOfAsync(wrong));

        using var right = await browser.TokenAsync(("grant_type", "authorization_code"), ("client_id", clientId), ("client_secret", secret), ("code", code),
            ("redirect_uri", OAuthBrowser.RedirectUri), ("code_verifier", verifier));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task A_client_identified_by_a_metadata_document_signs_in_without_registering()
    {
        await using var documents = await MetadataDocumentServer.StartAsync();
        var clientId = documents.Url("/client.json");
        documents.Serve("/client.json", new JsonObject
        {
            ["client_id"] = clientId,
            ["client_name"] = "Document client",
            ["redirect_uris"] = new JsonArray(OAuthBrowser.RedirectUri),
            ["token_endpoint_auth_method"] = "none",
        });
        using var browser = Host.Browser();
        var (verifier, challenge) = OAuthBrowser.NewPkce();
        var form = await browser.OpenConsentAsync(clientId, challenge);
        Assert.Contains("Document client", form.Html, StringComparison.Ordinal);
        using var consented = await browser.SubmitAsync(form, ("action", "api_key"), ("api_key", OAuthHost.AlphaKey));
        var tokens = await browser.ExchangeAsync(clientId, OAuthBrowser.ReadRedirect(consented).Code!, verifier);
        await using var client = await Host.ConnectAsync(tokens.Access);
        Assert.NotEmpty(await client.ListToolsAsync());

        // A document that does not name itself, or names a secret, describes no client.
        var liar = documents.Url("/liar.json");
        documents.Serve("/liar.json", new JsonObject { ["client_id"] = clientId, ["redirect_uris"] = new JsonArray(OAuthBrowser.RedirectUri) });
        using var refused = await browser.GetAsync(OAuthBrowser.AuthorizeUrl(liar, challenge));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Null(refused.Headers.Location);
    }

    [Fact]
    public async Task Registration_refuses_redirect_uris_that_could_leak_codes()
    {
        using var browser = Host.Browser();
        foreach (var uri in new[] { "http://example.com/callback", "javascript:alert(1)", "https://client.example/cb#frag", "customscheme:/cb", "relative/path" })
        {
            using var response = await browser.Http.PostAsync("/oauth/register", JsonContent(new JsonObject { ["redirect_uris"] = new JsonArray(uri), ["token_endpoint_auth_method"] = "none" }));
            Assert.Equal((400, "invalid_redirect_uri"), await OAuthBrowser.ErrorOfAsync(response));
        }

        using var noUris = await browser.Http.PostAsync("/oauth/register", JsonContent(new JsonObject { ["client_name"] = "x" }));
        Assert.Equal((400, "invalid_redirect_uri"), await OAuthBrowser.ErrorOfAsync(noUris));
        using var badMethod = await browser.Http.PostAsync("/oauth/register", JsonContent(new JsonObject
        {
            ["redirect_uris"] = new JsonArray("https://client.example/cb"),
            ["token_endpoint_auth_method"] = "private_key_jwt",
        }));
        Assert.Equal((400, "invalid_client_metadata"), await OAuthBrowser.ErrorOfAsync(badMethod));
    }

    private async Task AssertRefusedAsync(string accessToken)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Host.McpUrl) { Content = new StringContent("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", accessToken);
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    private static StringContent JsonContent(JsonObject body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
