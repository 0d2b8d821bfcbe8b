using System.Web;
using HaloMcp.HaloSim;
using Microsoft.Playwright;

namespace HaloMcp.Api.Tests.OAuth;

/// <summary>
/// A real browser (Debian's chromium, driven by Playwright) on the consent page, both ways: the tenant's API key (a
/// wrong one first), and the person's own HaloPSA sign-in through the simulator's login page. The client's redirect
/// URI is answered inside the browser, where the code is read as a client would.
/// </summary>
public sealed class ConsentPageBrowserTests(OAuthHostFixture fixture) : IClassFixture<OAuthHostFixture>, IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    private OAuthHost Host => fixture.Host;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing; .ci/run installs Debian's chromium package.");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox"] });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Fact]
    public async Task A_person_signs_in_with_the_tenant_key_in_a_browser_after_a_wrong_one()
    {
        using var http = Host.Browser();
        var clientId = (await http.RegisterAsync(name: "Claude (browser test)"))["client_id"]!.GetValue<string>();
        var (verifier, challenge) = OAuthBrowser.NewPkce();
        await using var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var callback = await CatchCallbackAsync(context);

        var opened = await page.GotoAsync(new Uri(Host.BaseUrl, OAuthBrowser.AuthorizeUrl(clientId, challenge, resource: Host.McpUrl.ToString())).ToString());
        Assert.Equal(200, opened!.Status);
        Assert.Equal("DENY", await opened.HeaderValueAsync("x-frame-options"));
        Assert.Contains("Claude (browser test)", await page.Locator("#client").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:4711", await page.Locator("#redirect-host").InnerTextAsync(), StringComparison.Ordinal);

        await page.Locator("#api-key").FillAsync("hmk_not-the-key-000000000000000000000000000");
        await page.Locator("#sign-in-key").ClickAsync();
        Assert.Contains("not valid", await page.Locator("#consent-error").InnerTextAsync(), StringComparison.Ordinal);

        await page.Locator("#api-key").FillAsync(OAuthHost.AlphaKey);
        await page.Locator("#sign-in-key").ClickAsync();
        var back = await callback.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var query = HttpUtility.ParseQueryString(back.Query);
        Assert.Equal("state-1", query["state"]);
        Assert.Equal(Host.Issuer, query["iss"]);

        var tokens = await http.ExchangeAsync(clientId, query["code"]!, verifier);
        await using var client = await Host.ConnectAsync(tokens.Access);
        var ticket = await client.CallToolAsync("halopsa_get_ticket", new Dictionary<string, object?> { ["ticket_id"] = 4 });
        Assert.NotEqual(true, ticket.IsError);
    }

    [Fact]
    public async Task A_person_signs_in_to_their_own_HaloPSA_in_a_browser_and_the_session_acts_as_them()
    {
        using var http = Host.Browser();
        var clientId = (await http.RegisterAsync(name: "Claude Desktop (browser test)"))["client_id"]!.GetValue<string>();
        var (verifier, challenge) = OAuthBrowser.NewPkce();
        var agent = Host.Alpha.AgentLogins.First(l => l.AgentId == 3);
        await using var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var callback = await CatchCallbackAsync(context);

        await page.GotoAsync(new Uri(Host.BaseUrl, OAuthBrowser.AuthorizeUrl(clientId, challenge, resource: Host.McpUrl.ToString())).ToString());
        await page.Locator("#tenant").FillAsync("alpha");
        await page.Locator("#sign-in-halopsa").ClickAsync();

        // HaloPSA's own login page (the simulator's), then back through HaloMcp to the client.
        await page.GetByLabel("Username").FillAsync(agent.Username);
        await page.GetByLabel("Password").FillAsync(agent.Password);
        await page.Locator("#login-submit").ClickAsync();
        var back = await callback.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var query = HttpUtility.ParseQueryString(back.Query);
        Assert.Null(query["error"]);

        var tokens = await http.ExchangeAsync(clientId, query["code"]!, verifier);
        var note = "Browser-signed note " + Guid.NewGuid().ToString("N");
        await using var client = await Host.ConnectAsync(tokens.Access);
        var added = await client.CallToolAsync("halopsa_add_ticket_action", new Dictionary<string, object?> { ["ticket_id"] = 8, ["note"] = note });
        Assert.NotEqual(true, added.IsError);
        var action = Assert.Single(Host.Alpha.Data.Where(SimEntityKind.Action, a => EndToEnd.E2e.Str(a, "note") == note));
        Assert.Equal(3, EndToEnd.E2e.Int(action, "who_agentid"));
    }

    [Fact]
    public async Task A_page_of_another_site_cannot_submit_the_consent_form_even_knowing_its_fields()
    {
        using var http = Host.Browser();
        var clientId = (await http.RegisterAsync(name: "Victim's client"))["client_id"]!.GetValue<string>();
        var (_, challenge) = OAuthBrowser.NewPkce();
        await using var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var callback = await CatchCallbackAsync(context);
        await page.GotoAsync(new Uri(Host.BaseUrl, OAuthBrowser.AuthorizeUrl(clientId, challenge, resource: Host.McpUrl.ToString())).ToString());
        var consent = await page.Locator("input[name=consent]").GetAttributeAsync("value");
        var formToken = await page.Locator("input[name=form_token]").GetAttributeAsync("value");

        // The worst case: the other site knows the page's fields and the key, and its form is posted from the victim's
        // browser, which holds the page's cookie.
        await using var attacker = await MetadataDocumentServer.StartAsync();
        attacker.ServeHtml("/attack.html",
            $"<form id=\"f\" method=\"post\" action=\"{Host.Issuer}/oauth/authorize\"><input name=\"consent\" value=\"{consent}\"><input name=\"form_token\" value=\"{formToken}\">"
            + $"<input name=\"action\" value=\"api_key\"><input name=\"api_key\" value=\"{OAuthHost.AlphaKey}\"><button id=\"go\">go</button></form>");
        var attack = await context.NewPageAsync();
        await attack.GotoAsync(attacker.Url("/attack.html"));
        await attack.Locator("#go").ClickAsync();
        Assert.Equal("access_denied", await attack.Locator("#authorize-error").GetAttributeAsync("data-error"));
        Assert.False(callback.Task.IsCompleted);

        // Nothing was answered: the consent is still waiting for its own page (OAuthSecurityTests shows it then works).
        var record = await Host.Grains.GetGrain<HaloMcp.Grains.OAuth.IConsentGrain>(consent!).GetAsync(CancellationToken.None);
        Assert.Equal(HaloMcp.Grains.OAuth.ConsentStage.Pending, record!.Stage);
        Assert.Equal(0, record.FailedAttempts);
    }

    /// <summary>Answers the client's redirect URI inside the browser and hands over the URL it was sent to.</summary>
    private static async Task<TaskCompletionSource<Uri>> CatchCallbackAsync(IBrowserContext context)
    {
        var arrived = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        await context.RouteAsync("http://127.0.0.1:4711/**", async route =>
        {
            arrived.TrySetResult(new Uri(route.Request.Url));
            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html", Body = "<p>Signed in; you may close this window.</p>" });
        });
        return arrived;
    }
}
