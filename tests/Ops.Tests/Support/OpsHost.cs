using System.Net;
using System.Net.Http.Headers;
using System.Text;
using HaloMcp.Api.Auth;
using HaloMcp.Api.Hosting;
using HaloMcp.Api.Ops;
using HaloMcp.HaloSim;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace HaloMcp.Ops.Tests.Support;

/// <summary>
/// The HaloPSA simulator (instances <c>acme</c> and <c>globex</c>) and the real server on Kestrel at 127.0.0.1 with
/// tenants of the same names, one operator and one scrape key. The operations pages are on, the dashboard's log stream
/// is off (the default).
/// </summary>
public sealed class OpsHost : IAsyncDisposable
{
    public const string AcmeKey = "hmk_ops-acme-key-7c1e2d3f4a5b6c7d8e9f0a1b2c";
    public const string GlobexKey = "hmk_ops-globex-key-0f9e8d7c6b5a4f3e2d1c0b9a8f";
    public const string AcmeSecret = "acme-halo-secret-ops-5be1c0";
    public const string GlobexSecret = "globex-halo-secret-ops-93a7d2";
    public const string OperatorName = "ops-admin";
    public const string OperatorPassword = "correct horse battery staple";
    public const string ScrapeKey = "hmk_ops-scrape-key-4d3c2b1a0f9e8d7c6b5a4f3e2d";

    /// <summary>acme's budget: 300 requests per rolling 5 minutes (HaloPSA's evidenced figure).</summary>
    public const int AcmeBudget = 300;

    // Hashing is slow on purpose (PBKDF2): once per test run.
    private static readonly Lazy<string> OperatorHash = new(() => Api.Ops.OperatorPassword.Hash(OperatorPassword));

    private OpsHost(HaloSimHost sim, WebApplication app, Uri baseUrl)
    {
        Sim = sim;
        App = app;
        BaseUrl = baseUrl;
    }

    public HaloSimHost Sim { get; }

    public WebApplication App { get; }

    public Uri BaseUrl { get; }

    public static async Task<OpsHost> StartAsync(params string[] extraArgs)
    {
        var sim = await HaloSimHost.StartAsync(
            new HaloSimOptions { Instances = [Instance("acme", AcmeSecret, 31), Instance("globex", GlobexSecret, 32)] },
            loggerFactory: NullLoggerFactory.Instance);
        try
        {
            string[] args =
            [
                "--urls", "http://127.0.0.1:0",
                "--Logging:Console:LogLevel:Default=None",
                .. Tenant(0, "acme", sim.InstanceUrl("acme"), AcmeSecret, AcmeKey, AcmeBudget, 300),
                .. Tenant(1, "globex", sim.InstanceUrl("globex"), GlobexSecret, GlobexKey, 500, 180),
                "--Ops:Operators:0:Name=" + OperatorName,
                "--Ops:Operators:0:PasswordHash=" + OperatorHash.Value,
                "--Ops:ScrapeKeyHashes:0=" + ApiKeyHash.Compute(ScrapeKey),
                "--Ops:RefreshSeconds=0",
                .. extraArgs,
            ];
            var app = HaloMcpHost.BuildWebApplication(HostCommandLine.Parse(args));
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            return new OpsHost(sim, app, new Uri(address));
        }
        catch
        {
            await sim.DisposeAsync();
            throw;
        }
    }

    /// <summary>An HTTP client that follows no redirects and keeps cookies (as a browser would).</summary>
    public HttpClient Client(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer(), UseCookies = true })
        {
            BaseAddress = BaseUrl,
        };

    /// <summary>Logs in through the form (anti-forgery token included) and returns a client carrying the login cookie.</summary>
    public async Task<HttpClient> LoggedInClientAsync()
    {
        var client = Client();
        using var response = await LogInAsync(client, OperatorName, OperatorPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> LogInAsync(HttpClient client, string name, string password, string? returnUrl = null)
    {
        var form = await client.GetStringAsync(OpsLogin.LoginPath);
        var token = Between(form, "name=\"__form\" value=\"", "\"");
        return await client.PostAsync(OpsLogin.LoginPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__form"] = WebUtility.HtmlDecode(token),
            ["name"] = name,
            ["password"] = password,
            ["returnUrl"] = returnUrl ?? OpsEndpoints.PagePath,
        }));
    }

    /// <summary>Calls a tool over MCP as the tenant whose key this is; returns the JSON-RPC answer.</summary>
    public async Task<string> CallToolAsync(string apiKey, string tool, string arguments = "{}")
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = new StringContent(
                $$"""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"{{tool}}","arguments":""" + arguments + "}}",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Add("MCP-Protocol-Version", "2025-06-18");
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return body;
    }

    public static AuthenticationHeaderValue ScrapeAuthorization(string key) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("prometheus:" + key)));

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Sim.DisposeAsync();
    }

    internal static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' not found in: {text}");
        from += start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }

    private static SimInstanceOptions Instance(string name, string secret, int seed) => new()
    {
        Name = name,
        ClientId = name + "-client",
        ClientSecret = secret,
        Seed = seed,
        Sizes = SimSizeOptions.Small(),
        Budget = new SimBudgetOptions { Requests = 1_000_000, WindowSeconds = 60 },
    };

    private static string[] Tenant(int index, string id, Uri haloUrl, string secret, string apiKey, int requests, int windowSeconds)
    {
        var prefix = $"--Tenants:{index}:";
        return
        [
            prefix + "Id=" + id,
            prefix + "HaloUrl=" + haloUrl.ToString().TrimEnd('/'),
            prefix + "ClientId=" + id + "-client",
            prefix + "ClientSecret=" + secret,
            prefix + "Budget:Requests=" + requests,
            prefix + "Budget:WindowSeconds=" + windowSeconds,
            prefix + "ApiKeyHashes:0=" + ApiKeyHash.Compute(apiKey),
        ];
    }
}
