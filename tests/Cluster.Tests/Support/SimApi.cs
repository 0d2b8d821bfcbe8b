using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace HaloMcp.Cluster.Tests.Support;

/// <summary>The simulator's control surface (request log, faults) and its API as a checker reads it directly.</summary>
internal sealed class SimApi(Uri baseUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

    public Uri BaseUrl => baseUrl;

    public Uri InstanceUrl(SimInstance instance) => new(baseUrl, "/" + instance.Name);

    public async Task<IReadOnlyList<SimRequest>> RequestsAsync(SimInstance instance)
    {
        var log = JsonNode.Parse(await _http.GetStringAsync($"/_sim/requests/{instance.Name}"))!;
        return [.. log["requests"]!.AsArray().Select(r => new SimRequest(
            (string)r!["method"]!, (string)r["path"]!, (int)r["status"]!, (long)r["started_us"]!, (string?)r["client_id"]))];
    }

    /// <summary>Upstream API requests (not token requests).</summary>
    public async Task<IReadOnlyList<SimRequest>> ApiRequestsAsync(SimInstance instance) =>
        [.. (await RequestsAsync(instance)).Where(r => r.Path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))];

    public async Task<int> TokenRequestsAsync(SimInstance instance) =>
        (await RequestsAsync(instance)).Count(r => r.Path.StartsWith("/auth/token", StringComparison.OrdinalIgnoreCase));

    /// <summary>Every answer of the instance takes <paramref name="milliseconds"/> longer.</summary>
    public async Task SetLatencyAsync(SimInstance instance, int milliseconds)
    {
        using var body = new StringContent($"{{\"latency_ms\":{milliseconds}}}", Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync($"/_sim/faults/{instance.Name}", body);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The most requests any rolling window of <paramref name="window"/> holds.</summary>
    public static int MostInAnyWindow(IReadOnlyList<SimRequest> requests, TimeSpan window)
    {
        var starts = requests.Select(r => r.StartedMicroseconds).Order().ToArray();
        var micros = (long)window.TotalMicroseconds;
        var most = 0;
        for (int first = 0, last = 0; last < starts.Length; last++)
        {
            while (starts[first] <= starts[last] - micros)
            {
                first++;
            }

            most = Math.Max(most, last - first + 1);
        }

        return most;
    }

    /// <summary>Reads the instance's API as its own application (a checker's requests, after the invariants are checked).</summary>
    public async Task<JsonNode> GetAsync(SimInstance instance, string pathAndQuery)
    {
        using var token = await _http.PostAsync($"/{instance.Name}/auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = instance.ClientId,
            ["client_secret"] = instance.Secret,
            ["scope"] = "all",
        }));
        token.EnsureSuccessStatusCode();
        var bearer = (string)JsonNode.Parse(await token.Content.ReadAsStringAsync())!["access_token"]!;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/{instance.Name}/api/{pathAndQuery}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public void Dispose() => _http.Dispose();
}
