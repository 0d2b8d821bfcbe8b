using System.Net;
using System.Text.Json.Nodes;
using HaloMcp.Api.Auth;
using HaloMcp.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HaloMcp.Api.Tests.Auth;

/// <summary>Guessing keys is slowed down per client address; keys shorter than the minimum are never accepted.</summary>
public sealed class AuthFailureThrottleTests : IAsyncLifetime
{
    private const string WrongKey = "hmk_wrong-key-that-is-long-enough-000000000000";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private McpTestServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await McpTestServer.StartAsync(null, services => services.AddSingleton<TimeProvider>(_clock),
            "--Mcp:AuthFailureLimit=10", "--Mcp:AuthFailureWindowSeconds=60");
        _http = _server.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task After_ten_wrong_keys_an_address_waits_out_the_window_whatever_key_it_sends()
    {
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusOf(WrongKey));
        }

        using var refused = await _http.SendAsync(RawMcp.Post(RawMcp.ListTools, apiKey: WrongKey));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("retry after 60 s", (await RawMcp.ErrorOf(refused)).GetProperty("message").GetString(), StringComparison.Ordinal);

        // While it waits, the right key is not looked at either: a throttle that still said "right key" at full
        // speed would not slow a guesser down.
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusOf(TenantFile.AcmeKey));
        var burst = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => StatusOf(WrongKey)));
        Assert.All(burst, s => Assert.Equal(HttpStatusCode.TooManyRequests, s));

        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusOf(TenantFile.AcmeKey));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, await StatusOf(TenantFile.AcmeKey));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOf(WrongKey));
    }

    [Fact]
    public async Task Right_keys_and_missing_keys_are_not_counted_as_failures()
    {
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await StatusOf(TenantFile.AcmeKey));
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusOf(null));
        }

        for (var i = 0; i < 9; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusOf(WrongKey));
        }

        Assert.Equal(HttpStatusCode.OK, await StatusOf(TenantFile.AcmeKey));
    }

    [Fact]
    public void Failures_count_per_address()
    {
        var throttle = _server.App.Services.GetRequiredService<AuthFailureThrottle>();
        for (var i = 0; i < 10; i++)
        {
            throttle.RecordFailure("192.0.2.1");
        }

        Assert.True(throttle.IsThrottled("192.0.2.1", out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(60), retryAfter);
        Assert.False(throttle.IsThrottled("192.0.2.2", out _));
    }

    [Fact]
    public async Task A_key_shorter_than_the_minimum_is_refused_even_when_its_hash_is_configured()
    {
        using var tenants = new TenantFile();
        var list = tenants.DefaultTenants();
        list[0]!["ApiKeyHashes"] = new JsonArray(ApiKeyHash.Compute("x"), ApiKeyHash.Compute(TenantFile.AcmeKey));
        tenants.Write(list);
        await using var server = await McpTestServer.StartAsync(tenants);
        using var http = server.CreateHttpClient();

        using var shortKey = await http.SendAsync(RawMcp.Post(RawMcp.ListTools, apiKey: "x"));
        using var longKey = await http.SendAsync(RawMcp.Post(RawMcp.ListTools, apiKey: TenantFile.AcmeKey));

        Assert.Equal(HttpStatusCode.Unauthorized, shortKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, longKey.StatusCode);
    }

    private async Task<HttpStatusCode> StatusOf(string? key)
    {
        using var response = await _http.SendAsync(RawMcp.Post(RawMcp.ListTools, apiKey: key));
        return response.StatusCode;
    }
}
