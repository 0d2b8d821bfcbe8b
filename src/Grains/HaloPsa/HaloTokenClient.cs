using System.Net;
using System.Text.Json;
using HaloMcp.Grains.HaloPsa.Errors;
using HaloMcp.Grains.HaloPsa.Json;
using Microsoft.Extensions.Logging;

namespace HaloMcp.Grains.HaloPsa;

/// <summary>
/// Requests tokens from HaloPSA's authorisation server (client credentials, and agents' authorization code and refresh token) (<c>POST {auth}/token</c>, form-encoded).
/// Failures become <see cref="HaloApiException"/> subtypes whose messages never contain the secret or a token.
/// </summary>
/// <param name="httpClient">The HTTP client.</param>
/// <param name="connection">Which instance and credentials.</param>
/// <param name="timeProvider">Stamps the token's expiry.</param>
/// <param name="logger">Logs token requests (client id and host only).</param>
public sealed class HaloTokenClient(HttpClient httpClient, HaloConnection connection, TimeProvider timeProvider, ILogger<HaloTokenClient> logger)
{
    private const string CredentialsAdvice = "HaloPSA rejected the API credentials; check the client id and secret.";

    /// <summary>The connection this client requests tokens for.</summary>
    public HaloConnection Connection => connection;

    /// <summary>Requests a new client-credentials token.</summary>
    /// <exception cref="HaloAuthenticationException">Bad credentials, refused scope or grant.</exception>
    /// <exception cref="HaloTransientException">The authorisation server failed or could not be reached.</exception>
    public async Task<HaloAccessToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        HaloApiClientLog.RequestingToken(logger, connection.ClientId, connection.TokenUri.Host);
        var (token, _) = await PostAsync(
            connection.ClientId,
            [
                new("grant_type", "client_credentials"),
                new("client_id", connection.ClientId),
                new("client_secret", connection.ClientSecret),
                new("scope", connection.Scope),
            ],
            agent: false,
            cancellationToken);
        return token;
    }

    /// <summary>
    /// Redeems an agent's authorization code (authorization code + PKCE, halopsa-api §11.3) for the sign-in application
    /// <paramref name="clientId"/> (with <paramref name="clientSecret"/> when it is confidential).
    /// </summary>
    /// <exception cref="HaloAuthenticationException">HaloPSA refused the code.</exception>
    /// <exception cref="HaloTransientException">The authorisation server failed or could not be reached.</exception>
    public async Task<HaloAgentTokens> RedeemAgentCodeAsync(
        string clientId, string? clientSecret, string code, string codeVerifier, Uri redirectUri, CancellationToken cancellationToken)
    {
        List<KeyValuePair<string, string>> form =
        [
            new("grant_type", "authorization_code"),
            new("client_id", clientId),
            new("code", code),
            new("code_verifier", codeVerifier),
            new("redirect_uri", redirectUri.ToString()),
        ];
        if (clientSecret is not null)
        {
            form.Add(new("client_secret", clientSecret));
        }

        var (token, refresh) = await PostAsync(clientId, form, agent: true, cancellationToken);
        return new HaloAgentTokens(token, refresh);
    }

    /// <summary>Refreshes an agent's tokens; HaloPSA retires <paramref name="refreshToken"/> and answers a new one.</summary>
    /// <exception cref="HaloAuthenticationException">HaloPSA no longer accepts the refresh token.</exception>
    /// <exception cref="HaloTransientException">The authorisation server failed or could not be reached.</exception>
    public async Task<HaloAgentTokens> RefreshAgentAsync(string clientId, string? clientSecret, string refreshToken, CancellationToken cancellationToken)
    {
        List<KeyValuePair<string, string>> form =
        [
            new("grant_type", "refresh_token"),
            new("client_id", clientId),
            new("refresh_token", refreshToken),
        ];
        if (clientSecret is not null)
        {
            form.Add(new("client_secret", clientSecret));
        }

        var (token, refresh) = await PostAsync(clientId, form, agent: true, cancellationToken);
        return new HaloAgentTokens(token, refresh);
    }

    private async Task<(HaloAccessToken Token, string? RefreshToken)> PostAsync(
        string clientId, List<KeyValuePair<string, string>> fields, bool agent, CancellationToken cancellationToken)
    {
        var tokenUri = connection.TokenUri;
        var path = tokenUri.AbsolutePath;
        using var form = new FormUrlEncodedContent(fields);
        HttpStatusCode status;
        byte[] body;
        try
        {
            using var response = await httpClient.PostAsync(tokenUri, form, cancellationToken);
            status = response.StatusCode;
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new HaloTransientException($"Could not reach HaloPSA's authorisation server at {tokenUri.Host}.", null, path, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HaloTransientException($"HaloPSA's authorisation server at {tokenUri.Host} did not answer in time.", null, path, ex);
        }

        var parsed = TryParse(body);
        if ((int)status is >= 200 and < 300 && !string.IsNullOrEmpty(parsed?.AccessToken))
        {
            var lifetime = TimeSpan.FromSeconds(parsed.ExpiresIn > 0 ? parsed.ExpiresIn : 3600);
            return (new HaloAccessToken(parsed.AccessToken, timeProvider.GetUtcNow() + lifetime, parsed.Scope ?? connection.Scope), parsed.RefreshToken);
        }

        HaloApiClientLog.TokenRequestFailed(logger, clientId, (int)status, parsed?.Error);
        throw agent && (int)status is >= 400 and < 500 and not 429 && parsed?.Error is "invalid_grant" or "invalid_client" or "unauthorized_client" or "invalid_scope"
            ? new HaloAuthenticationException("HaloPSA no longer accepts this agent sign-in; sign in again.", status, path)
            : Failure(status, parsed?.Error, path);
    }

    private HaloApiException Failure(HttpStatusCode status, string? error, string path)
    {
        if ((int)status >= 500 || status == HttpStatusCode.TooManyRequests)
        {
            return new HaloTransientException(
                $"HaloPSA's authorisation server failed (HTTP {(int)status}); try again later.", status, path);
        }

        return error switch
        {
            "invalid_client" or "unauthorized_client" or "invalid_grant" => new HaloAuthenticationException(CredentialsAdvice, status, path),
            "invalid_scope" => new HaloAuthenticationException(
                $"HaloPSA refused the requested scope '{connection.Scope}'; grant it to the API application or request fewer scopes.", status, path),
            "unsupported_grant_type" => new HaloAuthenticationException(
                "HaloPSA's API application does not allow the client-credentials grant; set its authentication method to client ID and secret.", status, path),
            _ when status == HttpStatusCode.NotFound => new HaloAuthenticationException(
                "HaloPSA's token endpoint was not found; check the HaloPSA URL, auth URL and tenant.", status, path),
            _ when status is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden =>
                new HaloAuthenticationException(CredentialsAdvice, status, path),
            _ => new HaloAuthenticationException(
                $"HaloPSA's token endpoint answered HTTP {(int)status} without a token; check the HaloPSA URL and tenant.", status, path),
        };
    }

    private static HaloTokenResponse? TryParse(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, HaloJsonContext.Default.HaloTokenResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
