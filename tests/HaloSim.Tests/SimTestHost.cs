using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using HaloMcp.HaloSim;
using Microsoft.Extensions.Time.Testing;

namespace HaloMcp.HaloSim.Tests;

/// <summary>A small simulator on a real Kestrel port, a manual clock, and helpers to call it over HTTP.</summary>
public sealed class SimTestHost : IAsyncDisposable
{
    private SimTestHost(HaloSimHost host, FakeTimeProvider clock)
    {
        Host = host;
        Clock = clock;
        Http = new HttpClient { BaseAddress = host.BaseAddress };
    }

    /// <summary>Where every test clock starts: a Monday morning, so "today" and "this week" mean something.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    public HaloSimHost Host { get; }

    public FakeTimeProvider Clock { get; }

    public HttpClient Http { get; }

    public SimInstance Demo => Host.Instance("demo");

    public static SimSizeOptions SmallSizes() => SimSizeOptions.Small();

    public static SimInstanceOptions Instance(string name = "demo", int seed = 1, Action<SimInstanceOptions>? configure = null)
    {
        var options = new SimInstanceOptions
        {
            Name = name, ClientId = $"{name}-client", ClientSecret = $"{name}-secret", Seed = seed, Sizes = SmallSizes(),
        };
        configure?.Invoke(options);
        return options;
    }

    public static Task<SimTestHost> StartAsync(params SimInstanceOptions[] instances) => StartAsync(Start, instances);

    public static async Task<SimTestHost> StartAsync(DateTimeOffset start, params SimInstanceOptions[] instances)
    {
        var options = new HaloSimOptions();
        options.Instances.AddRange(instances.Length == 0 ? [Instance()] : instances);
        var clock = new FakeTimeProvider(start);
        var host = await HaloSimHost.StartAsync(options, clock);
        return new SimTestHost(host, clock);
    }

    public async Task<HttpResponseMessage> RequestTokenAsync(string? instance = null, string? scope = "all", string? secret = null, string? tenantQuery = null)
    {
        var name = instance ?? "demo";
        var inst = Host.Instance(name);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "client_credentials"), new("client_id", inst.ClientId), new("client_secret", secret ?? inst.ClientSecret),
        };
        if (scope is not null)
        {
            fields.Add(new("scope", scope));
        }

        var url = tenantQuery is not null ? $"auth/token?tenant={tenantQuery}" : $"{name}/auth/token";
        return await Http.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public async Task<string> TokenAsync(string? instance = null, string scope = "all")
    {
        using var response = await RequestTokenAsync(instance, scope);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["access_token"]!.GetValue<string>();
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? token, string? jsonBody = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        }

        return await Http.SendAsync(request);
    }

    /// <summary>GET with a fresh all-scope token for the default instance unless one is given; asserts 200; parses JSON.</summary>
    public async Task<JsonNode> GetJsonAsync(string url, string? token = null)
    {
        token ??= await TokenAsync();
        using var response = await SendAsync(HttpMethod.Get, url, token);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} -> {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public async Task<(HttpStatusCode Status, JsonNode? Body)> PostJsonAsync(string url, string json, string? token = null)
    {
        token ??= await TokenAsync();
        using var response = await SendAsync(HttpMethod.Post, url, token, json);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
