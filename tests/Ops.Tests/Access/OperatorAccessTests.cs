using System.Net;
using System.Net.Http.Headers;
using System.Text;
using HaloMcp.Api.Ops;
using HaloMcp.Ops.Tests.Support;

namespace HaloMcp.Ops.Tests.Access;

/// <summary>Who gets into the operations pages and the scrape endpoint, over plain HTTP.</summary>
public sealed class OperatorAccessTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    private OpsHost Host => fixture.Host;

    [Fact]
    public async Task The_login_cookie_is_http_only_and_same_site_strict()
    {
        using var client = Host.Client();
        using var response = await OpsHost.LogInAsync(client, OpsHost.OperatorName, OpsHost.OperatorPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(OpsEndpoints.PagePath, response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(OpsAuthentication.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_login_without_the_form_s_anti_forgery_token_is_refused_even_with_the_right_password()
    {
        using var client = Host.Client();
        using var response = await client.PostAsync(OpsLogin.LoginPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = OpsHost.OperatorName,
            ["password"] = OpsHost.OperatorPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith(OpsAuthentication.CookieName + "=", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("//evil.example/ops", "/ops")]
    [InlineData("https://evil.example/ops", "/ops")]
    [InlineData("/\\evil.example", "/ops")]
    [InlineData("/dashboard/", "/dashboard/")]
    public async Task After_login_the_browser_goes_only_to_a_path_on_this_server(string returnUrl, string expected)
    {
        using var client = Host.Client();
        using var response = await OpsHost.LogInAsync(client, OpsHost.OperatorName, OpsHost.OperatorPassword, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_operator_s_login_opens_no_mcp_tool()
    {
        using var client = await Host.LoggedInClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(OpsEndpoints.PagePath)).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"halopsa_list_statuses","arguments":{}}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Add("MCP-Protocol-Version", "2025-06-18");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("New", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenant_s_api_key_opens_no_page_no_dashboard_data_and_no_metrics()
    {
        await Host.CallToolAsync(OpsHost.AcmeKey, "halopsa_list_statuses");
        using var client = Host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OpsHost.AcmeKey);

        using var page = await client.GetAsync(OpsEndpoints.PagePath);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith(OpsLogin.LoginPath, page.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        foreach (var path in new[] { "/dashboard/DashboardCounters", "/dashboard/GrainTypes", "/dashboard/GrainState?grainId=acme&grainType=HaloMcp.Grains.Tenancy.TenantGrain", OpsEndpoints.MetricsPath })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("", await response.Content.ReadAsStringAsync());
        }

        // Nor as a scrape key.
        client.DefaultRequestHeaders.Authorization = OpsHost.ScrapeAuthorization(OpsHost.AcmeKey);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(OpsEndpoints.MetricsPath)).StatusCode);
    }

    [Fact]
    public async Task Prometheus_scrapes_with_the_scrape_key_or_an_operator_login_and_sees_per_tenant_counters()
    {
        await Host.CallToolAsync(OpsHost.AcmeKey, "halopsa_list_tickets", """{"page":2}""");
        using var anonymous = Host.Client();
        using var refused = await anonymous.GetAsync(OpsEndpoints.MetricsPath);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("Basic", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        anonymous.DefaultRequestHeaders.Authorization = OpsHost.ScrapeAuthorization("hmk_not-the-scrape-key-000000000000000000000");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(OpsEndpoints.MetricsPath)).StatusCode);

        using var scraper = Host.Client();
        scraper.DefaultRequestHeaders.Authorization = OpsHost.ScrapeAuthorization(OpsHost.ScrapeKey);
        var exposition = await scraper.GetStringAsync(OpsEndpoints.MetricsPath);
        Assert.Contains("halomcp_budget_permits_total{", exposition, StringComparison.Ordinal);
        Assert.Contains("tenant=\"acme\"", exposition, StringComparison.Ordinal);
        Assert.Contains("http_client_request_duration_seconds_bucket{", exposition, StringComparison.Ordinal);
        Assert.DoesNotContain(OpsHost.AcmeSecret, exposition, StringComparison.Ordinal);

        using var operatorClient = await Host.LoggedInClientAsync();
        Assert.Contains("halomcp_budget_permits_total{", await operatorClient.GetStringAsync(OpsEndpoints.MetricsPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_s_log_stream_is_off()
    {
        using var client = await Host.LoggedInClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard/version")).StatusCode);

        using var trace = await client.GetAsync("/dashboard/Trace", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.Forbidden, trace.StatusCode);
    }

    [Fact]
    public async Task The_ops_page_sends_no_script_and_forbids_framing_and_caching()
    {
        using var client = await Host.LoggedInClientAsync();
        using var response = await client.GetAsync(OpsEndpoints.PagePath);
        var html = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Logging_out_ends_the_login()
    {
        using var client = await Host.LoggedInClientAsync();
        var page = await client.GetStringAsync(OpsEndpoints.PagePath);
        var token = WebUtility.HtmlDecode(OpsHost.Between(page, "name=\"__form\" value=\"", "\""));

        using var logout = await client.PostAsync(OpsLogin.LogoutPath, new FormUrlEncodedContent(new Dictionary<string, string> { ["__form"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        using var after = await client.GetAsync(OpsEndpoints.PagePath);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith(OpsLogin.LoginPath, after.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }
}
