using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HaloMcp.HaloSim;
using HaloMcp.HaloSim.Auth;

namespace HaloMcp.HaloSim.Tests;

/// <summary>Agents sign in with the authorization-code grant and PKCE (halopsa-api §11.3); their tokens act as them.</summary>
public sealed partial class AgentSignInTests
{
    private const string ClientId = "halomcp-agents";
    private const string Redirect = "https://mcp.example/oauth/halopsa";

    private static SimInstanceOptions WithSignIn(string name = "demo", Action<SimApplicationOptions>? configure = null) =>
        SimTestHost.Instance(name, configure: o =>
        {
            var app = new SimApplicationOptions { Name = "HaloMcp", ClientId = ClientId, RedirectUris = [Redirect, "http://127.0.0.1/callback"] };
            configure?.Invoke(app);
            o.Applications = [app];
        });

    private static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(48));
        return (verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string AuthorizeUrl(string challenge, string instance = "demo", string redirect = Redirect, string clientId = ClientId,
        string responseType = "code", string method = "S256", string state = "st-123", string scope = "all offline_access") =>
        $"{instance}/auth/authorize?response_type={responseType}&client_id={Uri.EscapeDataString(clientId)}&redirect_uri={Uri.EscapeDataString(redirect)}" +
        $"&code_challenge={challenge}&code_challenge_method={method}&scope={Uri.EscapeDataString(scope)}&state={Uri.EscapeDataString(state)}";

    private sealed class Browser : IDisposable
    {
        public Browser(SimTestHost sim) => Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = sim.Host.BaseAddress };

        public HttpClient Http { get; }

        public void Dispose() => Http.Dispose();
    }

    private static async Task<HttpResponseMessage> SignInAsync(Browser browser, string authorizeUrl, string username, string password) =>
        await browser.Http.PostAsync(authorizeUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = username, ["password"] = password }));

    private static Dictionary<string, string> QueryOf(Uri location) =>
        location.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));

    /// <summary>Signs agent <paramref name="agentId"/> in and returns the code from the redirect.</summary>
    private static async Task<string> CodeAsync(SimTestHost sim, string challenge, int agentId = 2, string instance = "demo", string redirect = Redirect)
    {
        using var browser = new Browser(sim);
        var login = sim.Host.Instance(instance).AgentLogins.Single(l => l.AgentId == agentId);
        using var response = await SignInAsync(browser, AuthorizeUrl(challenge, instance, redirect), login.Username, login.Password);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(redirect + "?", location.ToString(), StringComparison.Ordinal);
        var query = QueryOf(location);
        Assert.Equal("st-123", query["state"]);
        return query["code"];
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> TokenAsync(SimTestHost sim, Dictionary<string, string> form, string instance = "demo", string? basic = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{instance}/auth/token") { Content = new FormUrlEncodedContent(form) };
        if (basic is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(basic)));
        }

        using var response = await sim.Http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private static Dictionary<string, string> Exchange(string code, string verifier, string redirect = Redirect, string clientId = ClientId) => new()
    {
        ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["code"] = code, ["redirect_uri"] = redirect, ["code_verifier"] = verifier,
    };

    private static Dictionary<string, string> Refresh(string refreshToken, string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["client_id"] = ClientId, ["refresh_token"] = refreshToken };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        return form;
    }

    [Fact]
    public async Task An_agent_signs_in_on_the_login_page_and_the_token_acts_as_that_agent()
    {
        await using var sim = await SimTestHost.StartAsync(WithSignIn());
        var (verifier, challenge) = Pkce();
        using var browser = new Browser(sim);
        using (var page = await browser.Http.GetAsync(AuthorizeUrl(challenge)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
            var html = await page.Content.ReadAsStringAsync();
            foreach (var id in new[] { "login-form", "username", "password", "login-submit" })
            {
                Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
            }

            Assert.Contains("<label for=\"username\">Username</label>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("login-error", html, StringComparison.Ordinal);
        }

        var code = await CodeAsync(sim, challenge, agentId: 2);
        var (status, tokens) = await TokenAsync(sim, Exchange(code, verifier));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("Bearer", 3600, "all offline_access"), (tokens.Str("token_type"), tokens.Int("expires_in"), tokens.Str("scope")));
        Assert.False(string.IsNullOrEmpty(tokens.Str("refresh_token")));
        var access = tokens.Str("access_token");

        var agent = sim.Demo.Data.Get(SimEntityKind.Agent, 2)!;
        Assert.Equal(agent.Str("name"), (await sim.GetJsonAsync("api/Agent/me", access)).Str("name"));
        var ticket = sim.Demo.Data.All(SimEntityKind.Ticket)[0].Field("id");
        var (created, action) = await sim.PostJsonAsync("api/Actions", $$"""[{"ticket_id":{{ticket}},"outcome":"Private Note","note":"mine","who_agentid":5,"who":"Someone Else"}]""", access);
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal((2, agent.Str("name"), 2), (action.Int("who_agentid"), action.Str("who"), action.Int("actionby_agent_id")));

        // An application's own token still writes as its API agent, or as the agent the body names.
        var (_, appAction) = await sim.PostJsonAsync("api/Actions", $$"""[{"ticket_id":{{ticket}},"outcome":"Private Note","note":"app","who_agentid":5}]""");
        Assert.Equal(5, appAction.Int("who_agentid"));

        // The request log says who acted.
        var entries = sim.Demo.Requests.Entries;
        Assert.All(entries.Where(e => e.Path.StartsWith("/api/", StringComparison.Ordinal) && e.StatusCode < 400).Take(2), e => Assert.Equal((ClientId, (int?)2), (e.ClientId, e.AgentId)));
        Assert.Equal((ClientId, (int?)2), entries.Where(e => e.Path == "/auth/token").Select(e => (e.ClientId, e.AgentId)).First());
        Assert.Contains(entries, e => e.ClientId == "demo-client" && e.AgentId is null && e.Path == "/api/Actions");
        using var log = await sim.Http.GetAsync("_sim/requests/demo");
        var wire = JsonNode.Parse(await log.Content.ReadAsStringAsync())!.Items("requests");
        Assert.Contains(wire, r => r.Str("path") == "/api/Agent/me" && r.Int("agent_id") == 2 && r.Str("client_id") == ClientId);
    }

    [Fact]
    public async Task A_wrong_password_or_a_disabled_agent_gets_the_page_again_and_no_code()
    {
        await using var sim = await SimTestHost.StartAsync(WithSignIn());
        var (_, challenge) = Pkce();
        using var browser = new Browser(sim);
        var login = sim.Demo.AgentLogins.First(l => !l.Disabled);
        foreach (var (user, password) in new[] { (login.Username, "wrong"), ("nobody@msp.example", login.Password), (login.Username, "") })
        {
            using var refused = await SignInAsync(browser, AuthorizeUrl(challenge), user, password);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Null(refused.Headers.Location);
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Contains("id=\"login-error\"", html, StringComparison.Ordinal);
            Assert.Contains("The username or password is incorrect.", html, StringComparison.Ordinal);
        }

        var disabled = sim.Demo.AgentLogins.Single(l => l.Disabled);
        using var blocked = await SignInAsync(browser, AuthorizeUrl(challenge), disabled.Username, disabled.Password);
        Assert.Null(blocked.Headers.Location);
        Assert.Contains("disabled", await blocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Usernames are case-insensitive, passwords are not.
        using var shouting = await SignInAsync(browser, AuthorizeUrl(challenge), login.Username.ToUpperInvariant(), login.Password);
        Assert.Equal(HttpStatusCode.Found, shouting.StatusCode);
        using var wrongCase = await SignInAsync(browser, AuthorizeUrl(challenge), login.Username, login.Password.ToUpperInvariant());
        Assert.Null(wrongCase.Headers.Location);
    }

    [Fact]
    public async Task The_page_encodes_everything_it_reflects()
    {
        await using var sim = await SimTestHost.StartAsync(WithSignIn());
        var (_, challenge) = Pkce();
        using var browser = new Browser(sim);
        using var response = await SignInAsync(browser, AuthorizeUrl(challenge, state: "\"><script>alert(1)</script>"), "<img src=x onerror=alert(2)>", "x");
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", html, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Contains("frame-ancestors 'none'", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown-client", Redirect, "invalid_client")]
    [InlineData(ClientId, "https://evil.example/steal", "invalid_request")]
    [InlineData(ClientId, "https://mcp.example/oauth/halopsa/../other", "invalid_request")]
    [InlineData(ClientId, "https://mcp.example:8443/oauth/halopsa", "invalid_request")]
    [InlineData("demo-client", Redirect, "invalid_request")]
    public async Task Authorize_refuses_on_a_page_never_redirecting_when_client_or_redirect_uri_is_wrong(string clientId, string redirect, string error)
    {
        await using var sim = await SimTestHost.StartAsync(WithSignIn());
        var (_, challenge) = Pkce();
        using var browser = new Browser(sim);
        using var response = await browser.Http.GetAsync(AuthorizeUrl(challenge, redirect: redirect, clientId: clientId));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains($"id=\"authorize-error\" data-error=\"{error}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await SignInAsync(browser, AuthorizeUrl(challenge, redirect: redirect, clientId: clientId), "x", "y")).Headers.Location);
    }

    [Fact]
    public async Task Other_authorize_errors_go_back_to_the_redirect_uri_with_the_state()
    {
        await using var sim = await SimTestHost.StartAsync(WithSignIn(configure: a => a.AllowedScopes = ["all"]));
        var (_, challenge) = Pkce();
        using var browser = new Browser(sim);
        foreach (var (url, error) in new[]
        {
            (AuthorizeUrl(challenge, responseType: "token"), "unsupported_response_type"),
            (AuthorizeUrl(""), "invalid_request"),
            (AuthorizeUrl(challenge, method: "plain"), "invalid_request"),
            (AuthorizeUrl("too-short"), "invalid_request"),
            (AuthorizeUrl(challenge, scope: "edit:tickets"), "invalid_scope"),
        })
        {
            using var response = await browser.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            var location = response.Headers.Location!;
            Assert.StartsWith(Redirect + "?", location.ToString(), StringComparison.Ordinal);
            var query = QueryOf(location);
            Assert.Equal((error, "st-123"), (query["error"], query["state"]));
            Assert.False(query.ContainsKey("code"));
        }
    }

    [Fact]
    public async Task A_loopback_redirect_uri_matches_on_any_port_and_nothing_else_is_loosened()
    {
        await using var sim = await SimTestHost.StartAsync(WithSignIn());
        var (verifier, challenge) = Pkce();
        var code = await CodeAsync(sim, challenge, redirect: "http://127.0.0.1:53124/callback");
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(sim, Exchange(code, verifier, redirect: "http://127.0.0.1:53124/callback"))).Status);
        using var browser = new Browser(sim);
        foreach (var wrong in new[] { "http://127.0.0.1:53124/other", "https://127.0.0.1:53124/callback", "http://127.0.0.2:53124/callback" })
        {
            using var response = await browser.Http.GetAsync(AuthorizeUrl(challenge, redirect: wrong));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_code_is_bound_to_its_verifier_redirect_uri_and_client_and_any_failed_use_spends_it()
    {
        await using var sim = await SimTestHost.StartAsync(SimTestHost.Instance(configure: o => o.Applications =
        [
            new SimApplicationOptions { ClientId = ClientId, RedirectUris = [Redirect] },
            new SimApplicationOptions { ClientId = "other-app", RedirectUris = [Redirect] },
        ]));
        var (verifier, challenge) = Pkce();
        var (otherVerifier, _) = Pkce();

        foreach (var (form, reason) in new[]
        {
            (Exchange("{code}", otherVerifier), "code_verifier"),
            (Exchange("{code}", verifier, redirect: Redirect + "/elsewhere"), "redirect_uri"),
            (Exchange("{code}", verifier, clientId: "other-app"), "not valid for this client"),
        })
        {
            var code = await CodeAsync(sim, challenge);
            form["code"] = code;
            var (status, body) = await TokenAsync(sim, form);
            Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (status, body.Str("error")));
            Assert.Contains(reason, body.Str("error_description"), StringComparison.Ordinal);
            if (form["client_id"] == ClientId)
            {
                // The failed attempt spent the code: the right verifier no longer helps.
                Assert.Equal("invalid_grant", (await TokenAsync(sim, Exchange(code, verifier))).Body.Str("error"));
            }
        }

        var (missingStatus, missing) = await TokenAsync(sim, new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["client_id"] = ClientId, ["code"] = "x", ["redirect_uri"] = Redirect });
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_request"), (missingStatus, missing.Str("error")));
        Assert.Contains("code_verifier", missing.Str("error_description"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_expires_on_the_clock_and_a_reused_code_revokes_what_it_gave()
    {
        await using var sim = await SimTestHost.StartAsync(WithSignIn());
        var (verifier, challenge) = Pkce();
        var late = await CodeAsync(sim, challenge);
        sim.Clock.Advance(TimeSpan.FromSeconds(60));
        var (_, expired) = await TokenAsync(sim, Exchange(late, verifier));
        Assert.Equal("invalid_grant", expired.Str("error"));
        Assert.Contains("expired", expired.Str("error_description"), StringComparison.Ordinal);

        var code = await CodeAsync(sim, challenge);
        sim.Clock.Advance(TimeSpan.FromSeconds(59));
        var (ok, tokens) = await TokenAsync(sim, Exchange(code, verifier));
        Assert.Equal(HttpStatusCode.OK, ok);
        using (var works = await sim.SendAsync(HttpMethod.Get, "api/Status", tokens.Str("access_token")))
        {
            Assert.Equal(HttpStatusCode.OK, works.StatusCode);
        }

        var (replayStatus, replay) = await TokenAsync(sim, Exchange(code, verifier));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (replayStatus, replay.Str("error")));
        using (var revoked = await sim.SendAsync(HttpMethod.Get, "api/Status", tokens.Str("access_token")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        }

        Assert.Equal("invalid_grant", (await TokenAsync(sim, Refresh(tokens.Str("refresh_token")))).Body.Str("error"));
    }

    [Fact]
    public async Task Refresh_tokens_rotate_and_a_retired_one_revokes_the_whole_sign_in()
    {
        await using var sim = await SimTestHost.StartAsync(WithSignIn());
        var (verifier, challenge) = Pkce();
        var (_, first) = await TokenAsync(sim, Exchange(await CodeAsync(sim, challenge, agentId: 3), verifier));

        // The access token lives its hour on the clock; a refresh gives a new pair acting as the same agent.
        sim.Clock.Advance(TimeSpan.FromSeconds(3600));
        using (var expired = await sim.SendAsync(HttpMethod.Get, "api/Status", first.Str("access_token")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        }

        var (refreshed, second) = await TokenAsync(sim, Refresh(first.Str("refresh_token")));
        Assert.Equal(HttpStatusCode.OK, refreshed);
        Assert.NotEqual(first.Str("refresh_token"), second.Str("refresh_token"));
        Assert.Equal(3, (await sim.GetJsonAsync("api/Agent/me", second.Str("access_token"))).Int("id"));

        // Narrowing is allowed, widening is not.
        var (narrowed, third) = await TokenAsync(sim, Refresh(second.Str("refresh_token"), "all"));
        Assert.Equal((HttpStatusCode.OK, "all"), (narrowed, third.Str("scope")));
        var (wider, widerBody) = await TokenAsync(sim, Refresh(third.Str("refresh_token"), "all admin"));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_scope"), (wider, widerBody.Str("error")));

        // Presenting a retired refresh token (as a thief would) fails and ends the sign-in.
        var (replayed, replay) = await TokenAsync(sim, Refresh(first.Str("refresh_token")));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (replayed, replay.Str("error")));
        using (var killed = await sim.SendAsync(HttpMethod.Get, "api/Status", third.Str("access_token")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, killed.StatusCode);
        }

        Assert.Equal("invalid_grant", (await TokenAsync(sim, Refresh(third.Str("refresh_token")))).Body.Str("error"));
    }

    [Fact]
    public async Task A_refresh_token_expires_unused_and_revocation_ends_every_sign_in()
    {
        await using var sim = await SimTestHost.StartAsync(WithSignIn());
        var (verifier, challenge) = Pkce();
        var (_, idle) = await TokenAsync(sim, Exchange(await CodeAsync(sim, challenge), verifier));
        sim.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Contains("expired", (await TokenAsync(sim, Refresh(idle.Str("refresh_token")))).Body.Str("error_description"), StringComparison.Ordinal);

        var (_, live) = await TokenAsync(sim, Exchange(await CodeAsync(sim, challenge), verifier));
        sim.Demo.RevokeTokens();
        Assert.Equal("invalid_grant", (await TokenAsync(sim, Refresh(live.Str("refresh_token")))).Body.Str("error"));
    }

    [Fact]
    public async Task A_confidential_application_must_also_send_its_secret()
    {
        await using var sim = await SimTestHost.StartAsync(WithSignIn(configure: a => a.ClientSecret = "app-secret"));
        var (verifier, challenge) = Pkce();
        var code = await CodeAsync(sim, challenge);
        var (without, body) = await TokenAsync(sim, Exchange(code, verifier));
        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_client"), (without, body.Str("error")));
        var (withBasic, tokens) = await TokenAsync(sim, Exchange(code, verifier), basic: $"{ClientId}:app-secret");
        Assert.Equal(HttpStatusCode.OK, withBasic);
        var form = Refresh(tokens.Str("refresh_token"));
        form["client_secret"] = "app-secret";
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(sim, form)).Status);
    }

    [Fact]
    public async Task Each_application_uses_only_its_own_grant()
    {
        await using var sim = await SimTestHost.StartAsync(WithSignIn());
        var (verifier, challenge) = Pkce();
        var code = await CodeAsync(sim, challenge);
        var (asApp, appBody) = await TokenAsync(sim, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = "demo-client", ["client_secret"] = "demo-secret", ["code"] = code,
            ["redirect_uri"] = Redirect, ["code_verifier"] = verifier,
        });
        Assert.Equal((HttpStatusCode.BadRequest, "unauthorized_client"), (asApp, appBody.Str("error")));
        var (asAgents, agentsBody) = await TokenAsync(sim, new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = ClientId, ["scope"] = "all" });
        Assert.Equal((HttpStatusCode.BadRequest, "unauthorized_client"), (asAgents, agentsBody.Str("error")));
        var (password, passwordBody) = await TokenAsync(sim, new Dictionary<string, string> { ["grant_type"] = "password", ["client_id"] = ClientId });
        Assert.Equal((HttpStatusCode.BadRequest, "unsupported_grant_type"), (password, passwordBody.Str("error")));
    }

    [Fact]
    public async Task A_sign_in_belongs_to_its_instance()
    {
        await using var sim = await SimTestHost.StartAsync(WithSignIn("demo"), WithSignIn("acme"));
        var (verifier, challenge) = Pkce();
        var acmeLogin = sim.Host.Instance("acme").AgentLogins.First(l => !l.Disabled);
        Assert.NotEqual(sim.Demo.AgentLogins.First(l => l.AgentId == acmeLogin.AgentId).Password, acmeLogin.Password);

        // Hosted style: the tenant query on the root authorize URL picks the instance.
        using var browser = new Browser(sim);
        using var demoPassword = await SignInAsync(browser, AuthorizeUrl(challenge, instance: "").TrimStart('/') + "&tenant=acme",
            acmeLogin.Username, sim.Demo.AgentLogins.First(l => l.AgentId == acmeLogin.AgentId).Password);
        Assert.Null(demoPassword.Headers.Location);
        using var signedIn = await SignInAsync(browser, AuthorizeUrl(challenge, instance: "").TrimStart('/') + "&tenant=acme", acmeLogin.Username, acmeLogin.Password);
        var code = QueryOf(signedIn.Headers.Location!)["code"];
        Assert.Equal("invalid_grant", (await TokenAsync(sim, Exchange(code, verifier), instance: "demo")).Body.Str("error"));
        var code2 = await CodeAsync(sim, challenge, acmeLogin.AgentId, instance: "acme");
        var (_, tokens) = await TokenAsync(sim, Exchange(code2, verifier), instance: "acme");
        using var own = await sim.SendAsync(HttpMethod.Get, "acme/api/Status", tokens.Str("access_token"));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        using var foreign = await sim.SendAsync(HttpMethod.Get, "demo/api/Status", tokens.Str("access_token"));
        Assert.Equal(HttpStatusCode.Unauthorized, foreign.StatusCode);
    }

    [Fact]
    public async Task Agents_sign_in_details_are_listed_for_tests()
    {
        await using var sim = await SimTestHost.StartAsync(WithSignIn());
        using var response = await sim.Http.GetAsync("_sim/agents/demo");
        var listed = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.Items("agents");
        Assert.Equal(sim.Demo.Data.Count(SimEntityKind.Agent), listed.Count);
        foreach (var login in sim.Demo.AgentLogins)
        {
            var row = listed.Single(a => a.Field("agent_id") == login.AgentId);
            Assert.Equal((login.Username, login.Password, login.Disabled), (row.Str("username"), row.Str("password"), row.Bool("disabled")));
            Assert.Equal(sim.Demo.Data.Get(SimEntityKind.Agent, login.AgentId)!.Str("email"), login.Username);
            Assert.Matches(PasswordRule(), login.Password);
        }
    }

    [Fact]
    public async Task A_misconfigured_application_stops_the_start()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => SimTestHost.StartAsync(
            SimTestHost.Instance(configure: o => o.Applications = [new SimApplicationOptions { ClientId = "no-redirect" }])));
        await Assert.ThrowsAsync<InvalidOperationException>(() => SimTestHost.StartAsync(
            SimTestHost.Instance(configure: o => o.Applications = [new SimApplicationOptions { ClientId = "demo-client", RedirectUris = [Redirect] }])));
    }

    [GeneratedRegex("^demo-agent-[0-9]+$")]
    private static partial Regex PasswordRule();
}
