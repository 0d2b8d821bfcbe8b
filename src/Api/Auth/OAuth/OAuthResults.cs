using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace HaloMcp.Api.Auth.OAuth;

/// <summary>How the JSON endpoints answer: never cached, errors in the standard's shape.</summary>
internal static class OAuthResults
{
    public static Task JsonAsync<T>(HttpContext context, int status, T value, JsonTypeInfo<T> type)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        return context.Response.WriteAsJsonAsync(value, type, cancellationToken: context.RequestAborted);
    }

    public static Task ErrorAsync(HttpContext context, int status, string error, string? description) =>
        JsonAsync(context, status, new OAuthErrorResponse(error, description), OAuthJsonContext.Default.OAuthErrorResponse);
}
