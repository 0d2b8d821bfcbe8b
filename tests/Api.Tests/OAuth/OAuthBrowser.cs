using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Web;

namespace HaloMcp.Api.Tests.OAuth;

/// <summary>
/// What a browser and an MCP client do against the authorization server, by hand over HTTP: cookies kept, redirects
/// not followed, so every answer can be looked at.
/// </summary>
public sealed partial class OAuthBrowser(OAuthHost host) : IDisposable
{
    public const string RedirectUri = "http://127.0.0.1:4711/callback";

    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        BaseAddress = host.BaseUrl,
    };

    public HttpClient Http => _http;

    public static (string Verifier, string Challenge) NewPkce()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public async Task<JsonObject> RegisterAsync(string method = "none", string name = "Test client", params string[] redirectUris)
    {
        var body = new JsonObject
        {
            ["client_name"] = name,
            ["redirect_uris"] = new JsonArray([.. (redirectUris.Length == 0 ? [RedirectUri] : redirectUris).Select(u => (JsonNode)u)]),
            ["token_endpoint_auth_method"] = method,
            ["grant_types"] = new JsonArray("authorization_code", "refresh_token"),
        };
        using var response = await _http.PostAsJsonAsync("/oauth/register", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public static string AuthorizeUrl(string clientId, string challenge, string redirectUri = RedirectUri, string? scope = null, string? resource = null, string state = "state-1", string method = "S256")
    {
        var query = HttpUtility.ParseQueryString(string.Empty);
        query["response_type"] = "code";
        query["client_id"] = clientId;
        query["redirect_uri"] = redirectUri;
        query["code_challenge"] = challenge;
        query["code_challenge_method"] = method;
        query["state"] = state;
        if (scope is not null)
        {
            query["scope"] = scope;
        }

        if (resource is not null)
        {
            query["resource"] = resource;
        }

        return "/oauth/authorize?" + query;
    }

    public Task<HttpResponseMessage> GetAsync(string url) => _http.GetAsync(url);

    /// <summary>Opens the consent page and reads its form.</summary>
    public async Task<ConsentForm> OpenConsentAsync(string clientId, string challenge, string? scope = null, string redirectUri = RedirectUri)
    {
        using var response = await _http.GetAsync(AuthorizeUrl(clientId, challenge, redirectUri, scope, host.McpUrl.ToString()));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"authorize answered {(int)response.StatusCode}: {html}");
        return new ConsentForm(Hidden(html, "consent"), Hidden(html, "form_token"), html);
    }

    public Task<HttpResponseMessage> SubmitAsync(ConsentForm form, params (string Name, string Value)[] fields) => SubmitAsync(form, null, fields);

    public async Task<HttpResponseMessage> SubmitAsync(ConsentForm form, string? origin, params (string Name, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/authorize")
        {
            Content = new FormUrlEncodedContent([new("consent", form.ConsentId), new("form_token", form.FormToken), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await _http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> TokenAsync(params (string Name, string Value)[] fields)
    {
        using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await _http.PostAsync("/oauth/token", content);
    }

    public async Task<HttpResponseMessage> RevokeAsync(string clientId, string token)
    {
        using var content = new FormUrlEncodedContent([new("client_id", clientId), new("token", token)]);
        return await _http.PostAsync("/oauth/revoke", content);
    }

    /// <summary>The code and state a redirect back to the client carries (or its error).</summary>
    public static Redirect ReadRedirect(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!;
        var query = HttpUtility.ParseQueryString(location.Query);
        return new Redirect(location, query["code"], query["error"], query["state"], query["iss"]);
    }

    public async Task<string> CodeWithKeyAsync(string clientId, string challenge, string apiKey, string? scope = null, bool readOnly = false)
    {
        var form = await OpenConsentAsync(clientId, challenge, scope);
        (string, string)[] fields = readOnly ? [("action", "api_key"), ("api_key", apiKey), ("read_only", "true")] : [("action", "api_key"), ("api_key", apiKey)];
        using var response = await SubmitAsync(form, fields);
        var redirect = ReadRedirect(response);
        Assert.Null(redirect.Error);
        return redirect.Code!;
    }

    /// <summary>Goes through the consent page's HaloPSA way: the simulator's login page as <paramref name="agentId"/>, back to HaloMcp.</summary>
    public async Task<HttpResponseMessage> SignInWithHaloAsync(string clientId, string challenge, string tenant, int agentId, bool readOnly = false)
    {
        var form = await OpenConsentAsync(clientId, challenge);
        (string, string)[] fields = readOnly ? [("action", "halopsa"), ("tenant", tenant), ("read_only", "true")] : [("action", "halopsa"), ("tenant", tenant)];
        using var toHalo = await SubmitAsync(form, fields);
        Assert.Equal(HttpStatusCode.Found, toHalo.StatusCode);
        var login = toHalo.Headers.Location!;
        var instance = host.Sim.Instance(tenant);
        var agent = instance.AgentLogins.Single(l => l.AgentId == agentId);
        using var content = new FormUrlEncodedContent([new("username", agent.Username), new("password", agent.Password)]);
        using var signedIn = await _http.PostAsync(login, content);
        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        var callback = signedIn.Headers.Location!;
        Assert.StartsWith(host.Issuer + "/oauth/halopsa/callback", callback.ToString(), StringComparison.Ordinal);
        return await _http.GetAsync(callback);
    }

    public async Task<Tokens> ExchangeAsync(string clientId, string code, string verifier)
    {
        using var response = await TokenAsync(("grant_type", "authorization_code"), ("client_id", clientId), ("code", code), ("redirect_uri", RedirectUri),
            ("code_verifier", verifier), ("resource", host.McpUrl.ToString()));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"token answered {(int)response.StatusCode}: {body}");
        var json = JsonNode.Parse(body)!;
        return new Tokens(json["access_token"]!.GetValue<string>(), json["refresh_token"]!.GetValue<string>(), json["scope"]!.GetValue<string>(), json["expires_in"]!.GetValue<int>());
    }

    public async Task<Tokens> RefreshAsync(string clientId, string refreshToken)
    {
        using var response = await TokenAsync(("grant_type", "refresh_token"), ("client_id", clientId), ("refresh_token", refreshToken));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"refresh answered {(int)response.StatusCode}: {body}");
        var json = JsonNode.Parse(body)!;
        return new Tokens(json["access_token"]!.GetValue<string>(), json["refresh_token"]!.GetValue<string>(), json["scope"]!.GetValue<string>(), json["expires_in"]!.GetValue<int>());
    }

    /// <summary>A public client registered, consented with <paramref name="apiKey"/>, its code exchanged.</summary>
    public async Task<(string ClientId, Tokens Tokens)> SignInWithKeyAsync(string apiKey, bool readOnly = false)
    {
        var clientId = (await RegisterAsync())["client_id"]!.GetValue<string>();
        var (verifier, challenge) = NewPkce();
        var code = await CodeWithKeyAsync(clientId, challenge, apiKey, readOnly: readOnly);
        return (clientId, await ExchangeAsync(clientId, code, verifier));
    }

    public static async Task<(int Status, string? Error)> ErrorOfAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, body.Length > 0 && body.TrimStart().StartsWith('{') ? JsonNode.Parse(body)!["error"]?.GetValue<string>() : null);
    }

    public void Dispose() => _http.Dispose();

    private static string Hidden(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{name}\" value=\"([^\"]+)\"");
        Assert.True(match.Success, $"the consent page has no {name} field: {html}");
        return HttpUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public sealed record ConsentForm(string ConsentId, string FormToken, string Html);

    public sealed record Redirect(Uri Location, string? Code, string? Error, string? State, string? Iss);

    public sealed record Tokens(string Access, string Refresh, string Scope, int ExpiresIn);
}
