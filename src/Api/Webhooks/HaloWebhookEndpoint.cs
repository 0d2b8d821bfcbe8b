using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using HaloMcp.Api.Tenancy;
using HaloMcp.Grains;
using HaloMcp.Grains.Errors;
using HaloMcp.Grains.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;

namespace HaloMcp.Api.Webhooks;

/// <summary>
/// Receives a tenant's HaloPSA webhooks at <c>POST /webhooks/halopsa/{tenant}</c> (PUT and PATCH too: a profile may
/// use either). A delivery proves itself with the tenant's webhook credential, as HaloPSA sends it (Basic); one
/// without, with another tenant's or with a wrong one gets 401, one that is not JSON 415, one too big 413, and none of
/// them reaches a grain. The tenant's webhook grain applies an accepted delivery to the caches at once (answer 200,
/// with what it changed) or refuses it as malformed without changing anything (400). Nothing here or there asks HaloPSA.
/// </summary>
internal sealed partial class HaloWebhookEndpoint(TenantCatalog catalog, IGrainFactory grains, IOptionsMonitor<WebhookOptions> options, ILogger<HaloWebhookEndpoint> logger)
{
    /// <summary>The route, one per tenant.</summary>
    public const string RoutePattern = "/webhooks/halopsa/{tenant}";

    /// <summary>The methods a HaloPSA webhook profile can use.</summary>
    public static readonly string[] Methods = ["POST", "PUT", "PATCH"];

    // Compared against when the tenant has no credential, so that an unknown tenant takes as long to refuse as a wrong password.
    private static readonly WebhookCredential Nobody = new("\0", SHA256.HashData("\0"u8));

    public async Task HandleAsync(HttpContext context, string tenant)
    {
        var credential = catalog.FindWebhookCredential(tenant);
        if (!Authenticates(context.Request, credential ?? Nobody) || credential is null)
        {
            LogRefused(logger, credential is null ? "(no such tenant with a webhook credential)" : tenant);
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"HaloMcp webhooks\", charset=\"UTF-8\"";
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, "The delivery does not carry this tenant's webhook credential (Basic).");
            return;
        }

        using var scope = logger.BeginScope(new TenantLogScope(tenant));
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) || !string.Equals(type.MediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            await RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType, "A delivery is JSON (Content-Type: application/json).");
            return;
        }

        var body = await ReadBodyAsync(context.Request, options.CurrentValue.MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, $"A delivery may hold at most {options.CurrentValue.MaxBodyBytes:N0} bytes.");
            return;
        }

        try
        {
            var receipt = await grains.GetGrain<IWebhookGrain>(tenant).ApplyAsync(new WebhookDelivery(body), context.RequestAborted);
            LogApplied(logger, receipt.Occurrences, receipt.Applied);
            await context.Response.WriteAsJsonAsync(receipt, WebhookJsonContext.Default.WebhookReceipt, cancellationToken: context.RequestAborted);
        }
        catch (HaloOperationException ex) when (ex.Kind == HaloFailureKind.Validation)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, ex.Message);
        }
    }

    /// <summary>Whether the request's Basic credential is <paramref name="credential"/>: the password is compared as its digest, in constant time.</summary>
    private static bool Authenticates(HttpRequest request, WebhookCredential credential)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Basic ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[scheme.Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        var username = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(decoded[..colon]), Encoding.UTF8.GetBytes(credential.Username));
        var password = CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(decoded[(colon + 1)..])), credential.PasswordDigest);
        return username & password;
    }

    /// <summary>The whole body, or null when it is longer than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Task RefuseAsync(HttpContext context, int status, string error)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new WebhookRefusal(error), WebhookJsonContext.Default.WebhookRefusal, cancellationToken: context.RequestAborted);
    }

    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "A webhook delivery for tenant {TenantId} was refused: it does not carry the tenant's webhook credential")]
    private static partial void LogRefused(ILogger logger, string tenantId);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Debug, Message = "A webhook delivery of {Occurrences} occurrences was applied ({Applied} changed a cached copy)")]
    private static partial void LogApplied(ILogger logger, int occurrences, int applied);
}
