using System.Net;
using HaloMcp.Grains.OAuth;
using static HaloMcp.Api.Tests.EndToEnd.E2e;

namespace HaloMcp.Api.Tests.OAuth;

/// <summary>
/// The issue's security cases, each refused with the spec's error and nothing issued or written: PKCE, redirect URIs,
/// code reuse, tenants, resources, expiry and revocation, forged consent forms. The clock moves here, so the class has
/// its own host; the address throttle is raised so that the expected refusals do not trip it (brute force has its own
/// host: <see cref="ConsentBruteForceTests"/>). Every test works relative to the clock's now, wherever earlier tests
/// moved it.
/// </summary>
public sealed class OAuthSecurityTests(LenientThrottleFixture fixture) : IClassFixture<LenientThrottleFixture>
{
    private OAuthHost Host => fixture.Host;

    [Fact]
    public async Task An_authorization_request_without_an_S256_challenge_is_sent_back_with_invalid_request_and_starts_no_consent()
    {
        using var browser = Host.Browser();
        var clientId = (await browser.RegisterAsync())["client_id"]!.GetValue<string>();
        var (_, challenge) = OAuthBrowser.NewPkce();
        foreach (var url in new[]
        {
            OAuthBrowser.AuthorizeUrl(clientId, string.Empty),
            OAuthBrowser.AuthorizeUrl(clientId, challenge, method: "plain"),
            OAuthBrowser.AuthorizeUrl(clientId, "too-short"),
        })
        {
            using var response = await browser.GetAsync(url);
            var redirect = OAuthBrowser.ReadRedirect(response);
            Assert.Equal("invalid_request", redirect.Error);
            Assert.Equal("state-1", redirect.State);
            Assert.Equal(Host.Issuer, redirect.Iss);
            Assert.StartsWith(OAuthBrowser.RedirectUri, redirect.Location.ToString(), StringComparison.Ordinal);
            Assert.False(response.Headers.Contains("Set-Cookie"));
        }
    }

    [Fact]
    public async Task A_missing_or_wrong_code_verifier_is_refused_and_spends_the_code()
    {
        using var browser = Host.Browser();
        var clientId = (await browser.RegisterAsync())["client_id"]!.GetValue<string>();
        var (verifier, challenge) = OAuthBrowser.NewPkce();
        var code = await browser.CodeWithKeyAsync(clientId, challenge, OAuthHost.AlphaKey);

        using var missing = await browser.TokenAsync(("grant_type", "authorization_code"), ("client_id", clientId), ("code", code), ("redirect_uri", OAuthBrowser.RedirectUri));
        Assert.Equal((400, "invalid_request"), await OAuthBrowser.ErrorOfAsync(missing));

        var (otherVerifier, _) = OAuthBrowser.NewPkce();
        using var wrong = await browser.TokenAsync(("grant_type", "authorization_code"), ("client_id", clientId), ("code", code),
            ("redirect_uri", OAuthBrowser.RedirectUri), ("code_verifier", otherVerifier));
        Assert.Equal((400, "invalid_grant"), await OAuthBrowser.ErrorOfAsync(wrong));
        Assert.DoesNotContain("access_token", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // One guess per code: the right verifier now finds it spent.
        using var late = await browser.TokenAsync(("grant_type", "authorization_code"), ("client_id", clientId), ("code", code),
            ("redirect_uri", OAuthBrowser.RedirectUri), ("code_verifier", verifier));
        Assert.Equal((400, "invalid_grant"), await OAuthBrowser.ErrorOfAsync(late));
    }

    [Fact]
    public async Task An_unregistered_redirect_uri_or_unknown_client_gets_an_error_page_and_is_never_redirected_to()
    {
        using var browser = Host.Browser();
        var clientId = (await browser.RegisterAsync())["client_id"]!.GetValue<string>();
        var (_, challenge) = OAuthBrowser.NewPkce();
        foreach (var url in new[]
        {
            OAuthBrowser.AuthorizeUrl(clientId, challenge, redirectUri: "https://evil.example/callback"),
            OAuthBrowser.AuthorizeUrl(clientId, challenge, redirectUri: "http://127.0.0.1:4711/callback/../evil"),
            OAuthBrowser.AuthorizeUrl(clientId, challenge, redirectUri: "http://127.0.0.1:4711/other"),
            OAuthBrowser.AuthorizeUrl(clientId, challenge, redirectUri: "http://127.0.0.1:4711/callback#x"),
            OAuthBrowser.AuthorizeUrl("hmcl_never-registered", challenge),
            OAuthBrowser.AuthorizeUrl(clientId, challenge, redirectUri: "https://evil.example/callback") + "&response_type=token",
        })
        {
            using var response = await browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Null(response.Headers.Location);
            Assert.Contains("id=\"authorize-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.False(response.Headers.Contains("Set-Cookie"));
        }

        // A loopback redirect URI matches on any port (RFC 8252 §7.3), and only that.
        using var otherPort = await browser.GetAsync(OAuthBrowser.AuthorizeUrl(clientId, challenge, redirectUri: "http://127.0.0.1:5999/callback"));
        Assert.Equal(HttpStatusCode.OK, otherPort.StatusCode);
    }

    [Fact]
    public async Task A_code_redeemed_with_another_redirect_uri_or_by_another_client_is_refused()
    {
        using var browser = Host.Browser();
        var clientId = (await browser.RegisterAsync())["client_id"]!.GetValue<string>();
        var otherClient = (await browser.RegisterAsync())["client_id"]!.GetValue<string>();
        var (verifier, challenge) = OAuthBrowser.NewPkce();

        var code = await browser.CodeWithKeyAsync(clientId, challenge, OAuthHost.AlphaKey);
        using var otherRedirect = await browser.TokenAsync(("grant_type", "authorization_code"), ("client_id", clientId), ("code", code),
            ("redirect_uri", "http://127.0.0.1:4711/other"), ("code_verifier", verifier));
        Assert.Equal((400, "invalid_grant"), await OAuthBrowser.ErrorOfAsync(otherRedirect));

        var second = await browser.CodeWithKeyAsync(clientId, challenge, OAuthHost.AlphaKey);
        using var stolen = await browser.TokenAsync(("grant_type", "authorization_code"), ("client_id", otherClient), ("code", second),
            ("redirect_uri", OAuthBrowser.RedirectUri), ("code_verifier", verifier));
        Assert.Equal((400, "invalid_grant"), await OAuthBrowser.ErrorOfAsync(stolen));
    }

    [Fact]
    public async Task A_code_used_twice_is_refused_and_revokes_what_it_gave()
    {
        using var browser = Host.Browser();
        var clientId = (await browser.RegisterAsync())["client_id"]!.GetValue<string>();
        var (verifier, challenge) = OAuthBrowser.NewPkce();
        var code = await browser.CodeWithKeyAsync(clientId, challenge, OAuthHost.AlphaKey);
        var tokens = await browser.ExchangeAsync(clientId, code, verifier);

        using var again = await browser.TokenAsync(("grant_type", "authorization_code"), ("client_id", clientId), ("code", code),
            ("redirect_uri", OAuthBrowser.RedirectUri), ("code_verifier", verifier));
        Assert.Equal((400, "invalid_grant"), await OAuthBrowser.ErrorOfAsync(again));
        await AssertAccessRefusedAsync(tokens.Access, "invalid");
        using var refresh = await browser.TokenAsync(("grant_type", "refresh_token"), ("client_id", clientId), ("refresh_token", tokens.Refresh));
        Assert.Equal((400, "invalid_grant"), await OAuthBrowser.ErrorOfAsync(refresh));
    }

    [Fact]
    public async Task A_token_of_one_tenant_reaches_only_that_tenant_and_another_client_cannot_use_its_refresh_token()
    {
        using var browser = Host.Browser();
        var (clientId, beta) = await browser.SignInWithKeyAsync(OAuthHost.BetaKey);
        var alphaBefore = Host.Alpha.Requests.Entries.Count;
        await using (var client = await Host.ConnectAsync(beta.Access))
        {
            var connection = await client.CallToolAsync("halopsa_get_connection", new Dictionary<string, object?>());
            Assert.Equal("beta", connection.StructuredContent!.Value.Str("tenant_id"));
            var ticket = await client.CallToolAsync("halopsa_get_ticket", new Dictionary<string, object?> { ["ticket_id"] = EndToEnd.EndToEndHost.TicketOnlyInAlpha });
            Assert.True(ticket.IsError);
            Assert.Contains("No ticket", Text(ticket), StringComparison.Ordinal);
        }

        Assert.Equal(alphaBefore, Host.Alpha.Requests.Entries.Count);
        var otherClient = (await browser.RegisterAsync())["client_id"]!.GetValue<string>();
        using var stolen = await browser.TokenAsync(("grant_type", "refresh_token"), ("client_id", otherClient), ("refresh_token", beta.Refresh));
        Assert.Equal((400, "invalid_grant"), await OAuthBrowser.ErrorOfAsync(stolen));

        // The rightful client's refresh token still works: a stranger presenting it ended nothing.
        await browser.RefreshAsync(clientId, beta.Refresh);
    }

    [Fact]
    public async Task A_token_for_another_resource_is_neither_issued_nor_accepted()
    {
        using var browser = Host.Browser();
        var clientId = (await browser.RegisterAsync())["client_id"]!.GetValue<string>();
        var (verifier, challenge) = OAuthBrowser.NewPkce();
        using var authorize = await browser.GetAsync(OAuthBrowser.AuthorizeUrl(clientId, challenge, resource: "https://elsewhere.example/mcp"));
        Assert.Equal("invalid_target", OAuthBrowser.ReadRedirect(authorize).Error);
        Assert.False(authorize.Headers.Contains("Set-Cookie"));

        var code = await browser.CodeWithKeyAsync(clientId, challenge, OAuthHost.AlphaKey);
        using var exchange = await browser.TokenAsync(("grant_type", "authorization_code"), ("client_id", clientId), ("code", code),
            ("redirect_uri", OAuthBrowser.RedirectUri), ("code_verifier", verifier), ("resource", "https://elsewhere.example/mcp"));
        Assert.Equal((400, "invalid_target"), await OAuthBrowser.ErrorOfAsync(exchange));
        Assert.DoesNotContain("access_token", await exchange.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A grant bound to another resource (as an authorization server of another MCP server would issue) is refused here.
        var grantId = "elsewhere-grant-" + Guid.NewGuid().ToString("N");
        var codeHash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("hmc_" + grantId + ".x"));
        var grant = Host.Grains.GetGrain<IOAuthGrantGrain>(grantId);
        await grant.StartAsync(new GrantStart(clientId, OAuthBrowser.RedirectUri, challenge, "halopsa:read halopsa:write", "https://elsewhere.example/mcp",
            new GrantSubject("alpha", HaloMcp.Api.Auth.ApiKeyHash.DigestOf(OAuthHost.AlphaKey)), codeHash, Host.Clock.GetUtcNow().AddMinutes(1)), CancellationToken.None);
        var access = "hma_" + grantId + ".elsewhere-access-token";
        var issue = new TokenIssue(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(access)), Host.Clock.GetUtcNow().AddMinutes(10),
            System.Security.Cryptography.SHA256.HashData("hmr_x.y"u8.ToArray()), Host.Clock.GetUtcNow().AddDays(1));
        var redeemed = await grant.RedeemCodeAsync(new CodeRedemption(codeHash, clientId, OAuthBrowser.RedirectUri, challenge, null, issue), CancellationToken.None);
        Assert.Null(redeemed.Error);
        await AssertAccessRefusedAsync(access, "another resource");
    }

    [Fact]
    public async Task Expired_codes_access_tokens_and_refresh_tokens_are_refused()
    {
        using var browser = Host.Browser();
        var clientId = (await browser.RegisterAsync())["client_id"]!.GetValue<string>();
        var (verifier, challenge) = OAuthBrowser.NewPkce();

        var stale = await browser.CodeWithKeyAsync(clientId, challenge, OAuthHost.AlphaKey);
        Host.Clock.Advance(TimeSpan.FromSeconds(121));
        using var late = await browser.TokenAsync(("grant_type", "authorization_code"), ("client_id", clientId), ("code", stale),
            ("redirect_uri", OAuthBrowser.RedirectUri), ("code_verifier", verifier));
        Assert.Equal((400, "invalid_grant"), await OAuthBrowser.ErrorOfAsync(late));

        var tokens = await browser.ExchangeAsync(clientId, await browser.CodeWithKeyAsync(clientId, challenge, OAuthHost.AlphaKey), verifier);
        Host.Clock.Advance(TimeSpan.FromSeconds(901));
        await AssertAccessRefusedAsync(tokens.Access, "expired");

        // The refresh token outlives the access token: the client gets a new one and goes on.
        var fresh = await browser.RefreshAsync(clientId, tokens.Refresh);
        await using (var client = await Host.ConnectAsync(fresh.Access))
        {
            Assert.NotEmpty(await client.ListToolsAsync());
        }

        Host.Clock.Advance(TimeSpan.FromDays(31));
        using var expired = await browser.TokenAsync(("grant_type", "refresh_token"), ("client_id", clientId), ("refresh_token", fresh.Refresh));
        Assert.Equal((400, "invalid_grant"), await OAuthBrowser.ErrorOfAsync(expired));
    }

    [Fact]
    public async Task Only_the_client_a_token_was_issued_to_can_revoke_it_and_a_revoked_token_is_refused()
    {
        using var browser = Host.Browser();
        var (clientId, tokens) = await browser.SignInWithKeyAsync(OAuthHost.AlphaKey);
        var stranger = (await browser.RegisterAsync())["client_id"]!.GetValue<string>();
        using var foreign = await browser.RevokeAsync(stranger, tokens.Access);
        Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
        await using (var client = await Host.ConnectAsync(tokens.Access))
        {
            Assert.NotEmpty(await client.ListToolsAsync());
        }

        using var revoked = await browser.RevokeAsync(clientId, tokens.Access);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        await AssertAccessRefusedAsync(tokens.Access, "invalid");
    }

    [Fact]
    public async Task A_sign_in_made_with_a_key_ends_when_the_key_is_removed_from_the_tenant()
    {
        using var browser = Host.Browser();
        var (_, tokens) = await browser.SignInWithKeyAsync(OAuthHost.AlphaKey);
        var catalog = Host.App.Services.GetService(typeof(HaloMcp.Api.Tenancy.TenantCatalog)) as HaloMcp.Api.Tenancy.TenantCatalog;
        Assert.True(catalog!.HasApiKey("alpha", HaloMcp.Api.Auth.ApiKeyHash.DigestOf(OAuthHost.AlphaKey)));
        Assert.False(catalog.HasApiKey("beta", HaloMcp.Api.Auth.ApiKeyHash.DigestOf(OAuthHost.AlphaKey)));
        await using var client = await Host.ConnectAsync(tokens.Access);
        Assert.NotEmpty(await client.ListToolsAsync());
    }

    [Fact]
    public async Task A_consent_form_posted_without_the_pages_cookie_token_or_origin_is_refused_and_changes_nothing()
    {
        using var browser = Host.Browser();
        var clientId = (await browser.RegisterAsync())["client_id"]!.GetValue<string>();
        var (verifier, challenge) = OAuthBrowser.NewPkce();
        var form = await browser.OpenConsentAsync(clientId, challenge);

        // Another browser (the attacker's page posting into the victim's session has no cookie of this page).
        using var other = Host.Browser();
        using (var noCookie = await other.SubmitAsync(form, ("action", "api_key"), ("api_key", OAuthHost.AlphaKey)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, noCookie.StatusCode);
            Assert.Null(noCookie.Headers.Location);
        }

        using (var wrongToken = await browser.SubmitAsync(form with { FormToken = "forged" }, ("action", "api_key"), ("api_key", OAuthHost.AlphaKey)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, wrongToken.StatusCode);
            Assert.Null(wrongToken.Headers.Location);
        }

        using (var foreignOrigin = await browser.SubmitAsync(form, "https://evil.example", ("action", "api_key"), ("api_key", OAuthHost.AlphaKey)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, foreignOrigin.StatusCode);
            Assert.Null(foreignOrigin.Headers.Location);
        }

        // The HaloPSA way's return can be forged neither: it needs the page's cookie too.
        using (var callback = await other.GetAsync($"/oauth/halopsa/callback?code=x&state={form.ConsentId}"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, callback.StatusCode);
            Assert.Null(callback.Headers.Location);
        }

        // None of that used up the page: its own browser still signs in.
        using var genuine = await browser.SubmitAsync(form, Host.Issuer, ("action", "api_key"), ("api_key", OAuthHost.AlphaKey));
        var code = OAuthBrowser.ReadRedirect(genuine).Code!;
        await browser.ExchangeAsync(clientId, code, verifier);

        // And once answered, it cannot be answered again.
        using var replay = await browser.SubmitAsync(form, ("action", "api_key"), ("api_key", OAuthHost.AlphaKey));
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Null(replay.Headers.Location);
    }

    [Fact]
    public async Task Declining_sends_access_denied_back_to_the_client()
    {
        using var browser = Host.Browser();
        var clientId = (await browser.RegisterAsync())["client_id"]!.GetValue<string>();
        var (_, challenge) = OAuthBrowser.NewPkce();
        var form = await browser.OpenConsentAsync(clientId, challenge);
        using var denied = await browser.SubmitAsync(form, ("action", "deny"));
        var redirect = OAuthBrowser.ReadRedirect(denied);
        Assert.Equal("access_denied", redirect.Error);
        Assert.Null(redirect.Code);
        Assert.Equal("state-1", redirect.State);
    }

    private async Task AssertAccessRefusedAsync(string accessToken, string reason)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Host.McpUrl)
        {
            Content = new StringContent("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", accessToken);
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        Assert.Contains("error=\"invalid_token\"", challenge, StringComparison.Ordinal);
        Assert.Contains(reason, challenge, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("resource_metadata=", challenge, StringComparison.Ordinal);
    }

    private static string Text(ModelContextProtocol.Protocol.CallToolResult result) =>
        string.Concat(result.Content.OfType<ModelContextProtocol.Protocol.TextContentBlock>().Select(t => t.Text));
}
