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

    /// <summary>
    /// Replaces the <c>demo</c> instance's webhook profiles: one posting every change to <paramref name="url"/> with the
    /// tenant's Basic credential, or none when <paramref name="url"/> is null. Webhook faults are cleared.
    /// </summary>
    public async Task ConfigureWebhooksAsync(Uri? url, BenchTenant tenant, CancellationToken cancellationToken)
    {
        var profiles = url is null
            ? new JsonArray()
            : new JsonArray(new JsonObject
            {
                ["name"] = "HaloMcp", ["url"] = url.ToString(), ["authentication_type"] = 1,
                ["basic_username"] = tenant.WebhookUser, ["basic_password"] = tenant.WebhookPassword,
            });
        await PostJsonAsync("/_sim/webhooks/demo", new JsonObject { ["webhooks"] = profiles, ["faults"] = new JsonObject { ["reset"] = true } }, cancellationToken);
        using var cleared = await _http.DeleteAsync("/_sim/webhooks/demo/deliveries", cancellationToken);
        cleared.EnsureSuccessStatusCode();
    }

    /// <summary>The <c>demo</c> instance's webhook deliveries so far: each one's state and the ids of the records it carried.</summary>
    public async Task<IReadOnlyList<(string State, IReadOnlyList<int> EntityIds)>> DeliveriesAsync(CancellationToken cancellationToken)
    {
        var log = JsonNode.Parse(await _http.GetStringAsync("/_sim/webhooks/demo/deliveries", cancellationToken))!;
        return [.. log["deliveries"]!.AsArray().Select(d => ((string)d!["state"]!, (IReadOnlyList<int>)[.. d["entity_ids"]!.AsArray().Select(i => (int)i!)]))];
    }

    /// <summary>A technician in HaloPSA's UI changes fields of a ticket (no API request, no budget).</summary>
    public Task UiEditTicketAsync(int ticketId, JsonObject fields, CancellationToken cancellationToken) =>
        PostJsonAsync($"/_sim/ui/demo/tickets/{ticketId}", fields, cancellationToken);

    /// <summary>A technician in HaloPSA's UI adds a note to a ticket; answers the action's id.</summary>
    public async Task<int> UiAddNoteAsync(int ticketId, string note, CancellationToken cancellationToken)
    {
        var saved = await PostJsonAsync($"/_sim/ui/demo/tickets/{ticketId}/actions", new JsonObject { ["outcome"] = "Private Note", ["note"] = note }, cancellationToken);
        return (int)saved!["id"]!;
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonNode?> PostJsonAsync(string path, JsonNode body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(path, content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The simulator refused {path} ({(int)response.StatusCode}): {text}");
        }

        return text.Length == 0 ? null : JsonNode.Parse(text);
    }
}
