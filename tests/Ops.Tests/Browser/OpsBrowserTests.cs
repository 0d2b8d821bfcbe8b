using System.Globalization;
using HaloMcp.Api.Ops;
using HaloMcp.Ops.Tests.Support;
using Microsoft.Playwright;

namespace HaloMcp.Ops.Tests.Browser;

/// <summary>The operations pages in a real browser (Debian's chromium), as an operator and as strangers see them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OpsBrowserTests(BrowserFixture fixture)
{
    private OpsHost Host => fixture.Host;

    [Fact]
    public async Task An_anonymous_browser_gets_the_login_page_and_no_data()
    {
        await Host.CallToolAsync(OpsHost.AcmeKey, "halopsa_list_statuses");
        await using var context = await fixture.Chromium.NewContextAsync(Host.BaseUrl);
        var page = await context.NewPageAsync();

        foreach (var path in new[] { OpsEndpoints.PagePath, OpsEndpoints.DashboardPath + "/" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            Assert.EndsWith(OpsLogin.LoginPath, new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
            var text = await page.InnerTextAsync("body");
            Assert.Contains("Log in", text, StringComparison.Ordinal);
            Assert.DoesNotContain("acme", text, StringComparison.Ordinal);
            Assert.DoesNotContain("TenantGrain", await page.ContentAsync(), StringComparison.Ordinal);
        }

        await Chromium.ScreenshotAsync(page, "login");

        // The dashboard's JSON and the scrape endpoint answer 401 to the browser's anonymous requests, with no data.
        foreach (var path in new[] { "/dashboard/DashboardCounters", "/dashboard/GrainTypes", "/dashboard/ClusterStats", OpsEndpoints.MetricsPath })
        {
            var answer = await context.APIRequest.GetAsync(path, new APIRequestContextOptions { MaxRedirects = 0 });
            Assert.Equal(401, answer.Status);
            Assert.Empty(await answer.BodyAsync());
        }
    }

    [Fact]
    public async Task An_operator_logs_in_and_the_dashboard_lists_our_grain_types()
    {
        await Host.CallToolAsync(OpsHost.AcmeKey, "halopsa_list_statuses");
        await Host.CallToolAsync(OpsHost.AcmeKey, "halopsa_get_ticket", """{"ticket_id":3}""");
        await using var context = await fixture.Chromium.NewContextAsync(Host.BaseUrl);
        var page = await LogInAsync(context, OpsEndpoints.DashboardPath + "/");
        Assert.Equal(OpsEndpoints.DashboardPath + "/", new Uri(page.Url).AbsolutePath);

        await page.GotoAsync(OpsEndpoints.DashboardPath + "/#/grains");
        foreach (var grainType in new[] { "TenantGrain", "TicketGrain", "ServiceDeskGrain" })
        {
            await GrainLink(page, grainType).WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        }

        await Chromium.ScreenshotAsync(page, "dashboard-grains");

        // Looking at the dashboard turns its profiler on: calls made now show per method on the grain's page.
        for (var i = 0; i < 5; i++)
        {
            await Host.CallToolAsync(OpsHost.AcmeKey, "halopsa_list_tickets", """{"page":1}""");
        }

        await page.GotoAsync(OpsEndpoints.DashboardPath + "/#/grain/HaloMcp.Grains.Tenancy.TenantGrain");
        await page.GetByText("AdmitAsync").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await Chromium.ScreenshotAsync(page, "dashboard-tenant-grain");

        await page.GotoAsync(OpsEndpoints.DashboardPath + "/#/");
        await page.GetByText("TOTAL ACTIVATIONS", new PageGetByTextOptions { Exact = false }).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await Chromium.ScreenshotAsync(page, "dashboard-overview");
    }

    [Fact]
    public async Task After_tool_calls_for_a_tenant_the_ops_page_shows_its_budget_use_moving()
    {
        await Host.CallToolAsync(OpsHost.GlobexKey, "halopsa_list_statuses");
        await Host.CallToolAsync(OpsHost.AcmeKey, "halopsa_list_statuses");
        await Host.CallToolAsync(OpsHost.AcmeKey, "halopsa_list_statuses");
        await using var context = await fixture.Chromium.NewContextAsync(Host.BaseUrl);
        var page = await LogInAsync(context, OpsEndpoints.PagePath);
        var before = await InWindowAsync(page, "acme");
        var globexBefore = await InWindowAsync(page, "globex");

        // Ticket lists are not cached: each call is one upstream request, one permit of acme's budget.
        const int calls = 6;
        for (var i = 1; i <= calls; i++)
        {
            await Host.CallToolAsync(OpsHost.AcmeKey, "halopsa_list_tickets", $$"""{"page":{{i}}}""");
        }

        await page.ReloadAsync();
        var after = await InWindowAsync(page, "acme");
        Assert.True(after >= before + calls, $"acme's window went from {before} to {after} after {calls} uncached calls");
        Assert.Equal(globexBefore, await InWindowAsync(page, "globex"));

        var row = page.Locator("tr[data-tenant='acme']");
        Assert.Contains($"/ {OpsHost.AcmeBudget}", await row.Locator("td[data-field='budget']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(long.Parse(await row.Locator("td[data-field='token-requests']").InnerTextAsync(), CultureInfo.InvariantCulture) >= 1);
        Assert.Matches(@"^\d[\d.,]* ms / \d[\d.,]* ms$", await row.Locator("td[data-field='latency']").InnerTextAsync());
        Assert.Matches(@"statuses \d+ %", await row.Locator("td[data-field='caches']").InnerTextAsync());

        // The hour's chart for acme ends above zero.
        var chart = page.Locator("svg[data-chart-tenant='acme']");
        Assert.True(double.Parse((await chart.GetAttributeAsync("data-peak"))!, CultureInfo.InvariantCulture) > 0);

        // The cluster section lists this process's silo and our grain types, linked into the dashboard.
        Assert.Equal(1, await page.Locator("#silos tbody tr").CountAsync());
        var tenantGrain = page.Locator("#grain-types tr[data-grain-type='TenantGrain'] a");
        Assert.Equal(OpsEndpoints.DashboardPath + "/#/grain/HaloMcp.Grains.Tenancy.TenantGrain", await tenantGrain.GetAttributeAsync("href"));
        await Chromium.ScreenshotAsync(page, "ops");

        await tenantGrain.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/dashboard/#/grain/HaloMcp.Grains.Tenancy.TenantGrain", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Grain Details" }).WaitForAsync();
    }

    [Fact]
    public async Task A_tenant_s_api_key_opens_neither_page()
    {
        var headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + OpsHost.AcmeKey };
        await using var context = await fixture.Chromium.NewContextAsync(Host.BaseUrl, headers);
        var page = await context.NewPageAsync();

        foreach (var path in new[] { OpsEndpoints.PagePath, OpsEndpoints.DashboardPath + "/" })
        {
            await page.GotoAsync(path);
            Assert.EndsWith(OpsLogin.LoginPath, new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
            Assert.DoesNotContain("globex", await page.ContentAsync(), StringComparison.Ordinal);
        }

        foreach (var path in new[] { "/dashboard/GrainTypes", "/dashboard/GrainState?grainId=acme&grainType=HaloMcp.Grains.Tenancy.TenantGrain", OpsEndpoints.MetricsPath })
        {
            var answer = await context.APIRequest.GetAsync(path, new APIRequestContextOptions { MaxRedirects = 0 });
            Assert.Equal(401, answer.Status);
        }
    }

    [Fact]
    public async Task A_wrong_password_leaves_the_browser_on_the_login_page_with_a_message()
    {
        await using var context = await fixture.Chromium.NewContextAsync(Host.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync(OpsLogin.LoginPath);
        await page.FillAsync("#name", OpsHost.OperatorName);
        await page.FillAsync("#password", "not the password");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync("button[type=submit]"), r => r.Request.Method == "POST" && r.Url.EndsWith(OpsLogin.LoginPath, StringComparison.Ordinal));

        Assert.Equal(401, response.Status);
        Assert.Contains("Wrong name or password.", await page.InnerTextAsync("[role=alert]"), StringComparison.Ordinal);
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == OpsAuthentication.CookieName);
    }

    private static async Task<IPage> LogInAsync(IBrowserContext context, string target)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(target);
        Assert.EndsWith(OpsLogin.LoginPath, new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.FillAsync("#name", OpsHost.OperatorName);
        await page.FillAsync("#password", OpsHost.OperatorPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == target);

        var cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == OpsAuthentication.CookieName);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        return page;
    }

    private static ILocator GrainLink(IPage page, string grainType) =>
        page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = grainType, Exact = true });

    private static async Task<int> InWindowAsync(IPage page, string tenant)
    {
        var cell = page.Locator($"tr[data-tenant='{tenant}'] [data-in-window]");
        return await cell.CountAsync() == 0 ? 0 : int.Parse((await cell.GetAttributeAsync("data-in-window"))!, CultureInfo.InvariantCulture);
    }
}
