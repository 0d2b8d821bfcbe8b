using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using HaloMcp.Grains.HaloPsa.Errors;
using HaloMcp.Grains.HaloPsa.Json;
using HaloMcp.Grains.HaloPsa.Resilience;

namespace HaloMcp.Grains.HaloPsa;

/// <content>Turning HaloPSA answers into records or into the error types.</content>
public sealed partial class HaloApiClient
{
    private HaloResponse EnsureSuccess(HaloResponse response, HaloRequest request)
    {
        if (response.IsSuccess)
        {
            return response;
        }

        HaloApiClientLog.RequestFailed(logger, request.Method.Method, request.Path, (int)response.Status);
        var message = HaloErrorBody.ExtractMessage(response.Body);
        throw response.Status switch
        {
            HttpStatusCode.BadRequest => new HaloValidationException(message ?? "HaloPSA gave no reason.", request.Path),
            HttpStatusCode.Unauthorized => new HaloAuthenticationException(
                "HaloPSA rejected the access token even after a fresh one was issued; check the client id and secret and that the API application is enabled.",
                response.Status,
                request.Path),
            HttpStatusCode.Forbidden => Forbidden(message, request),
            HttpStatusCode.NotFound => new HaloNotFoundException(request.Entity, request.EntityId ?? "(list)", request.Path),
            HttpStatusCode.TooManyRequests => RateLimited(response, request),
            _ => new HaloApiException(
                $"HaloPSA answered HTTP {(int)response.Status}{(message is null ? "." : ": " + message)}", response.Status, request.Path),
        };
    }

    private static HaloPermissionException Forbidden(string? message, HaloRequest request)
    {
        var scope = message is null ? null : ScopePattern().Match(message) is { Success: true } m ? m.Value : null;
        var text = scope is not null
            ? $"The HaloPSA API application lacks permission {scope}."
            : "The HaloPSA API application (or its agent) lacks permission for this area" + (message is null ? "." : $": {message}");
        return new HaloPermissionException(text, scope, request.Path);
    }

    private static HaloRateLimitedException RateLimited(HaloResponse response, HaloRequest request)
    {
        if (response.RetryAfter is { } stated)
        {
            return new HaloRateLimitedException(stated, stated: true, request.Path);
        }

        // Never longer than the window HaloPSA's message names (a test instance may have a window of seconds).
        var window = HaloRetryAfter.FromMessage(HaloErrorBody.ExtractMessage(response.Body));
        var wait = window is { } w && w < HaloRetryAfter.Unstated ? w : HaloRetryAfter.Unstated;
        return new HaloRateLimitedException(wait, stated: false, request.Path);
    }

    private static T ParseSingle<T>(HaloResponse response, HaloRequest request, JsonTypeInfo<T> info, bool absentMeansNotFound)
    {
        return Parse(request, () =>
        {
            if (response.Body.Length == 0)
            {
                throw Absent();
            }

            using var document = JsonDocument.Parse(response.Body);
            // Some HaloPSA endpoints answer a missing record with an empty object whose id is 0.
            if (HaloListReader.FindSingle(document.RootElement) is not { } element || HaloListReader.TryGetInt(element, "id") is null or 0)
            {
                throw Absent();
            }

            return element.Deserialize(info)!;
        });

        HaloApiException Absent() => absentMeansNotFound
            ? new HaloNotFoundException(request.Entity, request.EntityId ?? "?", request.Path)
            : new HaloApiException($"HaloPSA accepted the {request.Entity} but returned no record.", response.Status, request.Path);
    }

    private static TResult Parse<TResult>(HaloRequest request, Func<TResult> parse)
    {
        try
        {
            return parse();
        }
        catch (JsonException ex)
        {
            throw new HaloApiException($"HaloPSA returned a {request.Entity} response that could not be read.", null, request.Path, ex);
        }
    }

    [GeneratedRegex(@"\b(?:read|edit|editMine|access):[A-Za-z]+\b|\ball(?::standard)?\b|\badmin\b", RegexOptions.CultureInvariant)]
    private static partial Regex ScopePattern();
}
