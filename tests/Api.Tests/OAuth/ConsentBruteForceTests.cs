using System.Net;

namespace HaloMcp.Api.Tests.OAuth;

/// <summary>
/// Guessing keys on the consent page: each page locks after 5 failures, and the address after 10 within a minute (the
/// same throttle as the MCP endpoint's), refused before any key is looked at, so even the right key waits.
/// </summary>
public sealed class ConsentBruteForceTests : IAsyncLifetime
{
    private OAuthHost _host = null!;

    public async Task InitializeAsync() => _host = await OAuthHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Wrong_keys_lock_the_page_then_the_address_and_no_code_is_issued_until_the_window_passes()
    {
        using var browser = _host.Browser();
        var clientId = (await browser.RegisterAsync())["client_id"]!.GetValue<string>();
        var (verifier, challenge) = OAuthBrowser.NewPkce();

        var page = await browser.OpenConsentAsync(clientId, challenge);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await browser.SubmitAsync(page, ("action", "api_key"), ("api_key", $"hmk_guess-{attempt}-000000000000000000000000000000"));
            Assert.Null(wrong.Headers.Location);
            var html = await wrong.Content.ReadAsStringAsync();
            if (attempt < 5)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
                Assert.Contains("id=\"consent-error\"", html, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
                Assert.Contains("no longer works", html, StringComparison.Ordinal);
            }
        }

        // The locked page refuses even the right key.
        using (var locked = await browser.SubmitAsync(page, ("action", "api_key"), ("api_key", OAuthHost.AlphaKey)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
            Assert.Null(locked.Headers.Location);
        }

        var second = await browser.OpenConsentAsync(clientId, challenge);
        for (var attempt = 6; attempt <= 10; attempt++)
        {
            using var wrong = await browser.SubmitAsync(attempt == 10 ? await browser.OpenConsentAsync(clientId, challenge) : second,
                ("action", attempt % 2 == 0 ? "halopsa" : "api_key"), ("tenant", "nobody"), ("api_key", "short"));
            Assert.Null(wrong.Headers.Location);
        }

        var third = await browser.OpenConsentAsync(clientId, challenge);
        using (var throttled = await browser.SubmitAsync(third, ("action", "api_key"), ("api_key", OAuthHost.AlphaKey)))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
            Assert.NotNull(throttled.Headers.RetryAfter);
            Assert.Null(throttled.Headers.Location);
        }

        // The MCP endpoint shares the throttle: a guesser gets no second door.
        using (var mcp = new HttpClient())
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _host.McpUrl) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new("Bearer", OAuthHost.AlphaKey);
            request.Headers.Accept.ParseAdd("application/json, text/event-stream");
            using var response = await mcp.SendAsync(request);
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        }

        _host.Clock.Advance(TimeSpan.FromSeconds(61));
        using var later = await browser.SubmitAsync(third, ("action", "api_key"), ("api_key", OAuthHost.AlphaKey));
        var code = OAuthBrowser.ReadRedirect(later).Code!;
        await browser.ExchangeAsync(clientId, code, verifier);
    }
}
