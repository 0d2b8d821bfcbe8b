using System.Net;
using HaloMcp.Grains.OAuth;
using HaloMcp.HaloSim;
using static HaloMcp.Api.Tests.EndToEnd.E2e;

namespace HaloMcp.Api.Tests.OAuth;

/// <summary>
/// The consent page's HaloPSA way: the person signs in to their own HaloPSA (the simulator's agent sign-in), and the
/// session then acts as that agent: HaloPSA requests carry the agent's token (the simulator's request log says which
/// agent), writes are the agent's, cached reads are never shared across identities, the agent's token is refreshed
/// once when it expires, and the tenant's budget counts it all.
/// </summary>
public sealed class AgentSignInTests(OAuthHostFixture fixture) : IClassFixture<OAuthHostFixture>
{
    private OAuthHost Host => fixture.Host;

    [Fact]
    public async Task A_session_signed_in_with_HaloPSA_writes_as_that_agent()
    {
        using var browser = Host.Browser();
        var (clientId, tokens) = await SignInAsAgentAsync(browser, agentId: 2);
        Assert.Equal("halopsa:read halopsa:write", tokens.Scope);
        var note = "Checked by the agent " + Guid.NewGuid().ToString("N");
        await using (var client = await Host.ConnectAsync(tokens.Access))
        {
            var added = await client.CallToolAsync("halopsa_add_ticket_action", new Dictionary<string, object?> { ["ticket_id"] = 5, ["note"] = note });
            Assert.NotEqual(true, added.IsError);
        }

        var action = Assert.Single(Host.Alpha.Data.Where(SimEntityKind.Action, a => a.Str("note") == note));
        Assert.Equal(2, action.Int("who_agentid"));
        var post = Host.Alpha.Requests.Entries.Last(e => e.Method == "POST" && e.Path.EndsWith("/Actions", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(2, post.AgentId);
        Assert.Equal(OAuthHost.SignInApp, post.ClientId);
        Assert.NotNull(clientId);
    }

    [Fact]
    public async Task The_same_note_from_the_tenant_key_and_from_an_agent_is_two_writes_not_a_repeat()
    {
        using var browser = Host.Browser();
        var (_, agent) = await SignInAsAgentAsync(browser, agentId: 3);
        var note = "Same words " + Guid.NewGuid().ToString("N");
        var arguments = new Dictionary<string, object?> { ["ticket_id"] = 6, ["note"] = note };
        await using (var asTenant = await Host.ConnectAsync(OAuthHost.AlphaKey))
        {
            Assert.NotEqual(true, (await asTenant.CallToolAsync("halopsa_add_ticket_action", arguments)).IsError);
        }

        await using (var asAgent = await Host.ConnectAsync(agent.Access))
        {
            Assert.NotEqual(true, (await asAgent.CallToolAsync("halopsa_add_ticket_action", arguments)).IsError);
            Assert.NotEqual(true, (await asAgent.CallToolAsync("halopsa_add_ticket_action", arguments)).IsError);
        }

        var written = Host.Alpha.Data.Where(SimEntityKind.Action, a => a.Str("note") == note).ToList();
        Assert.Equal(2, written.Count);
        Assert.Contains(written, a => a.Int("who_agentid") == 3);
    }

    [Fact]
    public async Task An_agent_is_never_served_reads_cached_for_the_tenant_or_for_another_agent()
    {
        const int ticket = 11;
        using var browser = Host.Browser();
        var (_, agent2) = await SignInAsAgentAsync(browser, agentId: 2);
        var (_, agent4) = await SignInAsAgentAsync(browser, agentId: 4);
        int Reads() => Host.Alpha.Requests.Entries.Count(e => e.Method == "GET" && e.Path.EndsWith($"/Tickets/{ticket}", StringComparison.OrdinalIgnoreCase));
        var before = Reads();

        await using var asTenant = await Host.ConnectAsync(OAuthHost.AlphaKey);
        await asTenant.CallToolAsync("halopsa_get_ticket", new Dictionary<string, object?> { ["ticket_id"] = ticket });
        await asTenant.CallToolAsync("halopsa_get_ticket", new Dictionary<string, object?> { ["ticket_id"] = ticket });
        Assert.Equal(before + 1, Reads());

        await using var asAgent2 = await Host.ConnectAsync(agent2.Access);
        var read = await asAgent2.CallToolAsync("halopsa_get_ticket", new Dictionary<string, object?> { ["ticket_id"] = ticket });
        Assert.NotEqual(true, read.IsError);
        Assert.Equal(before + 2, Reads());
        Assert.Equal(2, Host.Alpha.Requests.Entries.Last(e => e.Path.EndsWith($"/Tickets/{ticket}", StringComparison.OrdinalIgnoreCase)).AgentId);
        await asAgent2.CallToolAsync("halopsa_get_ticket", new Dictionary<string, object?> { ["ticket_id"] = ticket });
        Assert.Equal(before + 2, Reads());

        await using var asAgent4 = await Host.ConnectAsync(agent4.Access);
        await asAgent4.CallToolAsync("halopsa_get_ticket", new Dictionary<string, object?> { ["ticket_id"] = ticket });
        Assert.Equal(before + 3, Reads());
        Assert.Equal(4, Host.Alpha.Requests.Entries.Last(e => e.Path.EndsWith($"/Tickets/{ticket}", StringComparison.OrdinalIgnoreCase)).AgentId);
    }

    [Fact]
    public async Task An_expired_agent_token_is_refreshed_once_for_many_callers_and_the_session_goes_on_as_the_agent()
    {
        using var browser = Host.Browser();
        var (clientId, first) = await SignInAsAgentAsync(browser, agentId: 5);

        // Past HaloPSA's token lifetime (3600 s) and ours (900 s): the client refreshes ours, we refresh the agent's.
        Host.Clock.Advance(TimeSpan.FromSeconds(3700));
        var tokens = await browser.RefreshAsync(clientId, first.Refresh);
        int Refreshes() => Host.Alpha.Requests.Entries.Count(e => e.Path.EndsWith("/auth/token", StringComparison.OrdinalIgnoreCase) && e.ClientId == OAuthHost.SignInApp && e.StatusCode == 200);
        var before = Refreshes();
        var callsBefore = Host.Alpha.Requests.Entries.Count;
        await using var client = await Host.ConnectAsync(tokens.Access);
        var results = await Task.WhenAll(Enumerable.Range(20, 20).Select(id => client.CallToolAsync("halopsa_get_ticket", new Dictionary<string, object?> { ["ticket_id"] = id }).AsTask()));
        Assert.All(results, r => Assert.NotEqual(true, r.IsError));
        Assert.Equal(before + 1, Refreshes());
        Assert.All(Host.Alpha.Requests.Entries.Skip(callsBefore).Where(e => e.Path.Contains("/api/", StringComparison.OrdinalIgnoreCase)), e => Assert.Equal(5, e.AgentId));
    }

    [Fact]
    public async Task Revoking_an_agent_sign_in_forgets_the_agents_HaloPSA_tokens()
    {
        using var browser = Host.Browser();
        var (clientId, tokens) = await SignInAsAgentAsync(browser, agentId: 6);
        var grantId = tokens.Access[4..tokens.Access.IndexOf('.', StringComparison.Ordinal)];
        var stored = await Host.Grains.GetGrain<IAgentSessionGrain>(grantId).GetAsync(CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(6, stored!.AgentId);
        Assert.Equal("alpha", stored.TenantId);

        using var revoked = await browser.RevokeAsync(clientId, tokens.Refresh);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Null(await Host.Grains.GetGrain<IAgentSessionGrain>(grantId).GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_stored_sign_in_keeps_the_agents_tokens_only_encrypted_and_bound_to_the_sign_in()
    {
        using var browser = Host.Browser();
        var (_, tokens) = await SignInAsAgentAsync(browser, agentId: 7);
        var grantId = tokens.Access[4..tokens.Access.IndexOf('.', StringComparison.Ordinal)];
        var stored = (await Host.Grains.GetGrain<IAgentSessionGrain>(grantId).GetAsync(CancellationToken.None))!;
        var protector = (AgentTokenProtector)Host.App.Services.GetService(typeof(AgentTokenProtector))!;
        var access = protector.Unprotect(grantId, "halopsa-access", stored.ProtectedAccessToken)!;
        var refresh = protector.Unprotect(grantId, "halopsa-refresh", stored.ProtectedRefreshToken!)!;

        // What was stored opens HaloPSA as the agent, yet neither token is in the stored bytes.
        using (var http = new HttpClient())
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Host.Sim.InstanceUrl("alpha") + "/api/Agent/me");
            request.Headers.Authorization = new("Bearer", access);
            using var me = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            Assert.Equal(7, System.Text.Json.Nodes.JsonNode.Parse(await me.Content.ReadAsStringAsync())!["id"]!.GetValue<int>());
        }

        var raw = Convert.ToHexString(stored.ProtectedAccessToken) + Convert.ToHexString(stored.ProtectedRefreshToken!)
            + System.Text.Encoding.Latin1.GetString(stored.ProtectedAccessToken) + System.Text.Encoding.Latin1.GetString(stored.ProtectedRefreshToken!);
        Assert.DoesNotContain(access, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(refresh, raw, StringComparison.Ordinal);

        // Moved to another sign-in, or read as the other token, the ciphertext opens nothing.
        Assert.Null(protector.Unprotect("another-grant", "halopsa-access", stored.ProtectedAccessToken));
        Assert.Null(protector.Unprotect(grantId, "halopsa-refresh", stored.ProtectedAccessToken));
    }

    [Fact]
    public async Task A_HaloPSA_sign_in_consented_read_only_cannot_write()
    {
        using var browser = Host.Browser();
        var clientId = (await browser.RegisterAsync())["client_id"]!.GetValue<string>();
        var (verifier, challenge) = OAuthBrowser.NewPkce();
        using var back = await browser.SignInWithHaloAsync(clientId, challenge, "alpha", 2, readOnly: true);
        var tokens = await browser.ExchangeAsync(clientId, OAuthBrowser.ReadRedirect(back).Code!, verifier);
        Assert.Equal("halopsa:read", tokens.Scope);
        await AssertReadOnlyAsync(tokens.Access, Host.Alpha);
    }

    [Fact]
    public async Task A_key_sign_in_consented_read_only_cannot_write()
    {
        using var browser = Host.Browser();
        var (_, tokens) = await browser.SignInWithKeyAsync(OAuthHost.BetaKey, readOnly: true);
        Assert.Equal("halopsa:read", tokens.Scope);
        await AssertReadOnlyAsync(tokens.Access, Host.Beta);
    }

    [Fact]
    public async Task A_read_only_tenant_cannot_write_with_its_key_or_with_a_token_signed_in_with_it()
    {
        await AssertReadOnlyAsync(OAuthHost.FrozenKey, Host.Alpha);
        using var browser = Host.Browser();
        var (_, tokens) = await browser.SignInWithKeyAsync(OAuthHost.FrozenKey);
        Assert.Equal("halopsa:read", tokens.Scope);
        await AssertReadOnlyAsync(tokens.Access, Host.Alpha);
    }

    [Fact]
    public async Task HaloPSA_sign_in_is_offered_only_to_tenants_that_enable_it()
    {
        using var browser = Host.Browser();
        var clientId = (await browser.RegisterAsync())["client_id"]!.GetValue<string>();
        var (_, challenge) = OAuthBrowser.NewPkce();
        var form = await browser.OpenConsentAsync(clientId, challenge);
        Assert.Contains("id=\"sign-in-halopsa\"", form.Html, StringComparison.Ordinal);
        foreach (var tenant in new[] { "frozen", "no-such-tenant" })
        {
            using var refused = await browser.SubmitAsync(form, ("action", "halopsa"), ("tenant", tenant));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Null(refused.Headers.Location);
            Assert.Contains("not available for that organisation", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private async Task<(string ClientId, OAuthBrowser.Tokens Tokens)> SignInAsAgentAsync(OAuthBrowser browser, int agentId)
    {
        var clientId = (await browser.RegisterAsync())["client_id"]!.GetValue<string>();
        var (verifier, challenge) = OAuthBrowser.NewPkce();
        using var back = await browser.SignInWithHaloAsync(clientId, challenge, "alpha", agentId);
        var redirect = OAuthBrowser.ReadRedirect(back);
        Assert.Null(redirect.Error);
        Assert.StartsWith(OAuthBrowser.RedirectUri, redirect.Location.ToString(), StringComparison.Ordinal);
        return (clientId, await browser.ExchangeAsync(clientId, redirect.Code!, verifier));
    }

    private async Task AssertReadOnlyAsync(string bearer, SimInstance instance)
    {
        await using var client = await Host.ConnectAsync(bearer);
        var tools = await client.ListToolsAsync();
        Assert.NotEmpty(tools);
        Assert.All(tools, t => Assert.True(t.ProtocolTool.Annotations?.ReadOnlyHint == true, t.Name + " is not a read tool"));
        Assert.DoesNotContain(tools, t => t.Name == "halopsa_create_ticket");

        var posts = instance.Requests.Entries.Count(e => e.Method == "POST" && e.Path.Contains("/api/", StringComparison.OrdinalIgnoreCase));
        var before = instance.Requests.Entries.Count;
        var refused = await client.CallToolAsync("halopsa_create_ticket", new Dictionary<string, object?> { ["summary"] = "Should not exist", ["client_id"] = 1 });
        Assert.True(refused.IsError);
        Assert.Contains("read-only", string.Concat(refused.Content.OfType<ModelContextProtocol.Protocol.TextContentBlock>().Select(t => t.Text)), StringComparison.Ordinal);
        Assert.Equal(before, instance.Requests.Entries.Count);
        Assert.Equal(posts, instance.Requests.Entries.Count(e => e.Method == "POST" && e.Path.Contains("/api/", StringComparison.OrdinalIgnoreCase)));
        Assert.Empty(instance.Data.Where(SimEntityKind.Ticket, t => t.Str("summary") == "Should not exist"));

        var read = await client.CallToolAsync("halopsa_get_ticket", new Dictionary<string, object?> { ["ticket_id"] = 3 });
        Assert.NotEqual(true, read.IsError);
    }
}
