using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace HaloMcp.Bench.Scenarios;

/// <summary>The simulator's control surface, and HaloPSA's API called directly (what the server would send).</summary>
internal sealed class SimClient(Uri baseUrl) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, MaxConnectionsPerServer = 64 })
    {
        BaseAddress = baseUrl,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public async Task ResetStatsAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsync("/_sim/stats/reset", null, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task<SimStats> StatsAsync(CancellationToken cancellationToken)
    {
        var demo = JsonNode.Parse(await _http.GetStringAsync("/_sim/stats", cancellationToken))!["instances"]!["demo"]!;
        return new SimStats((int)demo["total"]!, (int)demo["budget_counted"]!, (int)demo["rate_limited"]!);
    }

    public async Task<IReadOnlyList<SimRequest>> RequestsAsync(CancellationToken cancellationToken)
    {
        var log = JsonNode.Parse(await _http.GetStringAsync("/_sim/requests/demo", cancellationToken))!;
        return [.. log["requests"]!.AsArray().Select(r => new SimRequest(
            (string)r!["method"]!, (string)r["path"]!, (string)r["query"]!, (int)r["status"]!,
            (long)r["started_us"]!, (long)r["ended_us"]!, (bool)r["budget_counted"]!))];
    }

    public async Task SetLatencyAsync(int milliseconds, CancellationToken cancellationToken)
    {
        using var body = new StringContent($"{{\"latency_ms\":{milliseconds}}}", Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync("/_sim/faults/demo", body, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "demo-client",
            ["client_secret"] = "demo-secret",
            ["scope"] = "all",
        });
        using var response = await _http.PostAsync("/demo/auth/token", form, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!["access_token"]!;
    }

    /// <summary>GETs an instance-relative path (e.g. <c>/api/Tickets/5?x=1</c>) with a token: body size and time to the last byte.</summary>
    public async Task<(int Bytes, double Milliseconds)> GetRawAsync(string pathAndQuery, string token, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/demo" + pathAndQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        response.EnsureSuccessStatusCode();
        return (bytes.Length, elapsed);
    }

    public void Dispose() => _http.Dispose();
}
