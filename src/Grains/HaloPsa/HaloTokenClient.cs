using System.Net;
using System.Text.Json;
using HaloMcp.Grains.HaloPsa.Errors;
using HaloMcp.Grains.HaloPsa.Json;
using Microsoft.Extensions.Logging;

namespace HaloMcp.Grains.HaloPsa;

/// <summary>
/// Requests client-credentials tokens from HaloPSA's authorisation server (<c>POST {auth}/token</c>, form-encoded).
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

    /// <summary>Requests a new token.</summary>
    /// <exception cref="HaloAuthenticationException">Bad credentials, refused scope or grant.</exception>
    /// <exception cref="HaloTransientException">The authorisation server failed or could not be reached.</exception>
    public async Task<HaloAccessToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var tokenUri = connection.TokenUri;
        var path = tokenUri.AbsolutePath;
        HaloApiClientLog.RequestingToken(logger, connection.ClientId, tokenUri.Host);
        using var form = new FormUrlEncodedContent(
        [
            new("grant_type", "client_credentials"),
            new("client_id", connection.ClientId),
            new("client_secret", connection.ClientSecret),
            new("scope", connection.Scope),
        ]);
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
            return new HaloAccessToken(parsed.AccessToken, timeProvider.GetUtcNow() + lifetime, parsed.Scope ?? connection.Scope);
        }

        HaloApiClientLog.TokenRequestFailed(logger, connection.ClientId, (int)status, parsed?.Error);
        throw Failure(status, parsed?.Error, path);
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
