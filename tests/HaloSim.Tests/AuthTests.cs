using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace HaloMcp.HaloSim.Tests;

public sealed class AuthTests
{
    [Fact]
    public async Task Token_has_the_oauth_shape_and_the_configured_lifetime()
    {
        await using var sim = await SimTestHost.StartAsync(SimTestHost.Instance(configure: o => o.TokenLifetimeSeconds = 1234));
        using var response = await sim.RequestTokenAsync(scope: "all");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.False(string.IsNullOrEmpty(body.Str("access_token")));
        Assert.Equal("Bearer", body.Str("token_type"));
        Assert.Equal(1234, body.Int("expires_in"));
        Assert.Equal("all", body.Str("scope"));
    }

    [Fact]
    public async Task Bad_credentials_get_401_invalid_client()
    {
        await using var sim = await SimTestHost.StartAsync();
        using var response = await sim.RequestTokenAsync(secret: "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", JsonNode.Parse(await response.Content.ReadAsStringAsync()).Str("error"));
    }

    [Fact]
    public async Task Unsupported_grant_and_non_form_body_get_400()
    {
        await using var sim = await SimTestHost.StartAsync();
        using var grant = await sim.Http.PostAsync("auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "demo-client", ["client_secret"] = "demo-secret", ["scope"] = "all",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, grant.StatusCode);
        Assert.Equal("unsupported_grant_type", JsonNode.Parse(await grant.Content.ReadAsStringAsync()).Str("error"));

        using var json = await sim.Http.PostAsync("auth/token", new StringContent("{\"grant_type\":\"client_credentials\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
    }

    [Fact]
    public async Task Api_without_token_or_with_garbage_token_is_401()
    {
        await using var sim = await SimTestHost.StartAsync();
        using var none = await sim.SendAsync(HttpMethod.Get, "api/Tickets", token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        using var garbage = await sim.SendAsync(HttpMethod.Get, "api/Tickets", token: "nope");
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
    }

    [Fact]
    public async Task Token_without_scope_fails_every_api_call_with_403()
    {
        await using var sim = await SimTestHost.StartAsync();
        using var response = await sim.RequestTokenAsync(scope: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync()).Str("access_token");
        foreach (var path in new[] { "api/Tickets", "api/Status", "api/Client", "api/InstanceInfo" })
        {
            using var call = await sim.SendAsync(HttpMethod.Get, path, token);
            Assert.Equal(HttpStatusCode.Forbidden, call.StatusCode);
        }
    }

    [Fact]
    public async Task Read_scope_allows_get_only_and_edit_scope_allows_writes_in_its_area()
    {
        await using var sim = await SimTestHost.StartAsync();
        var read = await sim.TokenAsync(scope: "read:tickets");
        using (var get = await sim.SendAsync(HttpMethod.Get, "api/Tickets", read))
        {
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        }

        using (var post = await sim.SendAsync(HttpMethod.Post, "api/Tickets", read, "[{\"id\":1,\"summary\":\"x\"}]"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
            Assert.Contains("edit:tickets", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var other = await sim.SendAsync(HttpMethod.Get, "api/Client", read))
        {
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
            Assert.Contains("read:customers", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var edit = await sim.TokenAsync(scope: "edit:customers read:invoices");
        var (status, _) = await sim.PostJsonAsync("api/Client", "[{\"name\":\"Scoped Ltd\"}]", edit);
        Assert.Equal(HttpStatusCode.OK, status);
        using (var invoices = await sim.SendAsync(HttpMethod.Get, "api/Invoice", edit))
        {
            Assert.Equal(HttpStatusCode.OK, invoices.StatusCode);
        }

        using (var assets = await sim.SendAsync(HttpMethod.Get, "api/Asset", edit))
        {
            Assert.Equal(HttpStatusCode.Forbidden, assets.StatusCode);
        }
    }

    [Fact]
    public async Task Instance_can_restrict_which_scopes_its_app_gets()
    {
        await using var sim = await SimTestHost.StartAsync(SimTestHost.Instance(configure: o => o.AllowedScopes = ["read:tickets"]));
        using var refused = await sim.RequestTokenAsync(scope: "all");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("invalid_scope", JsonNode.Parse(await refused.Content.ReadAsStringAsync()).Str("error"));
        using var allowed = await sim.RequestTokenAsync(scope: "read:tickets");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Token_expires_on_the_manual_clock()
    {
        await using var sim = await SimTestHost.StartAsync(SimTestHost.Instance(configure: o => o.TokenLifetimeSeconds = 600));
        var token = await sim.TokenAsync();
        sim.Clock.Advance(TimeSpan.FromSeconds(599));
        using (var ok = await sim.SendAsync(HttpMethod.Get, "api/Status", token))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        sim.Clock.Advance(TimeSpan.FromSeconds(1));
        using var expired = await sim.SendAsync(HttpMethod.Get, "api/Status", token);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task Revoked_tokens_are_401_and_new_tokens_work()
    {
        await using var sim = await SimTestHost.StartAsync();
        var token = await sim.TokenAsync();
        sim.Demo.RevokeTokens();
        using (var revoked = await sim.SendAsync(HttpMethod.Get, "api/Status", token))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        }

        using var fresh = await sim.SendAsync(HttpMethod.Get, "api/Status", await sim.TokenAsync());
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task Token_from_another_instance_is_401()
    {
        await using var sim = await SimTestHost.StartAsync(SimTestHost.Instance("demo"), SimTestHost.Instance("acme", seed: 2));
        var acmeToken = await sim.TokenAsync("acme");
        using (var foreign = await sim.SendAsync(HttpMethod.Get, "demo/api/Status", acmeToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, foreign.StatusCode);
        }

        using (var rootForeign = await sim.SendAsync(HttpMethod.Get, "api/Status", acmeToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, rootForeign.StatusCode);
        }

        using var own = await sim.SendAsync(HttpMethod.Get, "acme/api/Status", acmeToken);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task Hosted_style_tenant_query_selects_the_instance_and_a_mismatch_is_400()
    {
        await using var sim = await SimTestHost.StartAsync(SimTestHost.Instance("demo"), SimTestHost.Instance("acme", seed: 2));
        using var hosted = await sim.RequestTokenAsync("acme", tenantQuery: "acme");
        Assert.Equal(HttpStatusCode.OK, hosted.StatusCode);
        var token = JsonNode.Parse(await hosted.Content.ReadAsStringAsync()).Str("access_token");
        using (var call = await sim.SendAsync(HttpMethod.Get, "acme/api/Status", token))
        {
            Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        }

        using var mismatch = await sim.Http.PostAsync("demo/auth/token?tenant=acme", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "demo-client", ["client_secret"] = "demo-secret", ["scope"] = "all",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
    }

    [Fact]
    public async Task Authinfo_is_anonymous_and_instance_info_names_the_product()
    {
        await using var sim = await SimTestHost.StartAsync(SimTestHost.Instance("demo"), SimTestHost.Instance("acme", seed: 2));
        using var response = await sim.Http.GetAsync("acme/api/authinfo");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var info = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("acme", info.Str("tenant_id"));
        Assert.Equal(new Uri(sim.Host.InstanceUrl("acme") + "/auth"), new Uri(info.Str("auth_url")));

        var instance = await sim.GetJsonAsync("api/InstanceInfo");
        Assert.Equal("Halo PSA", instance.Str("app_name"));
    }

    [Fact]
    public async Task Routing_is_case_insensitive()
    {
        await using var sim = await SimTestHost.StartAsync();
        var token = await sim.TokenAsync();
        var lower = await sim.GetJsonAsync("api/tickets?pageinate=true&page_size=3", token);
        var upper = await sim.GetJsonAsync("API/TICKETS?pageinate=true&page_size=3", token);
        Assert.Equal(lower.ToJsonString(), upper.ToJsonString());
        using var tokenUpper = await sim.Http.PostAsync("AUTH/Token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "demo-client", ["client_secret"] = "demo-secret", ["scope"] = "all",
        }));
        Assert.Equal(HttpStatusCode.OK, tokenUpper.StatusCode);
    }
}
