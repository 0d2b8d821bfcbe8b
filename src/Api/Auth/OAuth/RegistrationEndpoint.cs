using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HaloMcp.Grains.OAuth;
using Microsoft.AspNetCore.Http;
using Orleans;

namespace HaloMcp.Api.Auth.OAuth;

/// <summary>
/// Dynamic client registration (RFC 7591): <c>POST /oauth/register</c> with the client's metadata as JSON. Public
/// clients (<c>token_endpoint_auth_method: none</c>, what MCP clients register) get a client id; confidential ones also
/// a secret, stored only as its hash. Bounded per address by <see cref="RegistrationThrottle"/>.
/// </summary>
internal sealed class RegistrationEndpoint(IGrainFactory grains, RegistrationThrottle throttle, TimeProvider time)
{
    private const int MaxBodyBytes = 16 * 1024;
    private static readonly string[] AuthMethods = ["none", "client_secret_post", "client_secret_basic"];

    public async Task HandleAsync(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!throttle.TryRegister(address, out var wait))
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await OAuthResults.ErrorAsync(context, StatusCodes.Status429TooManyRequests, "too_many_requests", "Too many registrations from this address; try again later.");
            return;
        }

        if (context.Request.ContentLength > MaxBodyBytes || context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            await OAuthResults.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_client_metadata", "Send the client metadata as a JSON object (Content-Type: application/json, at most 16 KB).");
            return;
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            await OAuthResults.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_client_metadata", "The body is not valid JSON.");
            return;
        }

        using (document)
        {
            var metadata = document.RootElement;
            if (metadata.ValueKind != JsonValueKind.Object)
            {
                await OAuthResults.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_client_metadata", "The client metadata must be a JSON object.");
                return;
            }

            var (uris, uriProblem) = ClientRegistrationRules.RedirectUris(metadata);
            if (uriProblem is not null)
            {
                await OAuthResults.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_redirect_uri", uriProblem);
                return;
            }

            var method = String(metadata, "token_endpoint_auth_method") ?? "client_secret_basic";
            var problem = !AuthMethods.Contains(method, StringComparer.Ordinal)
                    ? $"token_endpoint_auth_method '{method}' is not supported; use none, client_secret_post or client_secret_basic."
                : Strings(metadata, "grant_types") is { } grants && grants.Any(g => g is not ("authorization_code" or "refresh_token"))
                    ? "grant_types may only name authorization_code and refresh_token."
                : Strings(metadata, "response_types") is { } responses && responses.Any(r => r != "code")
                    ? "response_types may only name code."
                : null;
            if (problem is not null)
            {
                await OAuthResults.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_client_metadata", problem);
                return;
            }

            var name = ClientRegistrationRules.Name(String(metadata, "client_name"));
            var clientId = OAuthClients.ClientIdPrefix + OAuthTokens.Random(16);
            var secret = method == "none" ? null : OAuthTokens.Random(32);
            var now = time.GetUtcNow();
            var registration = new OAuthClientRegistration(clientId, name, uris!, method, secret is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(secret)), now);
            if (!await grains.GetGrain<IOAuthClientGrain>(clientId).RegisterAsync(registration, context.RequestAborted))
            {
                await OAuthResults.ErrorAsync(context, StatusCodes.Status500InternalServerError, "server_error", "The registration could not be stored; try again.");
                return;
            }

            context.Response.Headers.Location = clientId;
            await OAuthResults.JsonAsync(
                context,
                StatusCodes.Status201Created,
                new ClientRegistrationResponse(clientId, now.ToUnixTimeSeconds(), secret, secret is null ? null : 0, name, uris!,
                    ["authorization_code", "refresh_token"], ["code"], method, OAuthScopes.All),
                OAuthJsonContext.Default.ClientRegistrationResponse);
        }
    }

    private static string? String(JsonElement metadata, string name) =>
        metadata.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string[]? Strings(JsonElement metadata, string name) =>
        metadata.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() ?? string.Empty : string.Empty)]
            : null;
}
