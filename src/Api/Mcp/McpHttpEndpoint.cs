using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HaloMcp.Api.Auth;
using HaloMcp.Api.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ModelContextProtocol;
using ModelContextProtocol.Authentication;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace HaloMcp.Api.Mcp;

/// <summary>
/// Stateless Streamable HTTP: each POST is authenticated to a tenant, checked against the transport rules, and
/// served by a fresh <see cref="StreamableHttpServerTransport"/> plus <see cref="McpServer"/> that use the
/// request's own DI scope, so the scoped <see cref="TenantContext"/> filled here is what the tools get.
/// </summary>
internal sealed partial class McpHttpEndpoint(
    IOptionsMonitor<McpHttpOptions> httpOptions,
    IOptionsFactory<McpServerOptions> serverOptionsFactory,
    TenantAuthenticator authenticator,
    OriginPolicy originPolicy,
    ILoggerFactory loggerFactory,
    ILogger<McpHttpEndpoint> logger)
{
    private static readonly MediaTypeHeaderValue ApplicationJson = new("application/json");
    private static readonly MediaTypeHeaderValue TextEventStream = new("text/event-stream");

    public async Task HandlePostAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        if (!originPolicy.IsAllowed(context.Request.Headers.Origin.ToString()))
        {
            LogOriginRejected(logger, context.Request.Headers.Origin.ToString());
            await WriteErrorAsync(context, StatusCodes.Status403Forbidden, -32000, "Forbidden: this Origin is not allowed.", cancellationToken: cancellationToken);
            return;
        }

        var authentication = authenticator.Authenticate(context.Request);
        if (authentication.Tenant is not { } tenant)
        {
            if (authentication.Failure == TenantAuthenticationFailure.InvalidGatewayHeaders)
            {
                await WriteErrorAsync(context, StatusCodes.Status400BadRequest, -32000, authentication.Message!, cancellationToken: cancellationToken);
                return;
            }

            LogUnauthenticated(logger, authentication.Message!);
            context.Response.Headers.WWWAuthenticate = $"Bearer resource_metadata=\"{ResourceMetadataUrl(context)}\"";
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, -32000, "Unauthorized: send 'Authorization: Bearer <API key>'.", cancellationToken: cancellationToken);
            return;
        }

        context.RequestServices.GetRequiredService<TenantContext>().Resolve(tenant);
        context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, tenant.TenantId)], "ApiKey"));
        using var scope = logger.BeginScope(new TenantLogScope(tenant.TenantId));
        await HandleAuthenticatedPostAsync(context, cancellationToken);
    }

    /// <summary>Stateless: there is no session to stream from or to delete.</summary>
    public static Task HandleUnsupportedMethodAsync(HttpContext context)
    {
        context.Response.Headers.Allow = "POST";
        return WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, -32000, "Method Not Allowed: this server is stateless; use POST.", cancellationToken: context.RequestAborted);
    }

    public Task HandleResourceMetadataAsync(HttpContext context)
    {
        var metadata = new ProtectedResourceMetadata
        {
            Resource = ResourceUrl(context),
            BearerMethodsSupported = ["header"],
            ResourceName = "HaloMcp (HaloPSA MCP server)",
        };
        return Results.Json(metadata, McpJsonUtilities.DefaultOptions.GetTypeInfo<ProtectedResourceMetadata>()).ExecuteAsync(context);
    }

    private async Task HandleAuthenticatedPostAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var version = context.Request.Headers[McpProtocol.ProtocolVersionHeader].ToString();
        if (version.Length > 0 && !McpProtocol.IsSupported(version))
        {
            var data = JsonSerializer.SerializeToElement(
                new UnsupportedProtocolVersionErrorData { Supported = [.. McpProtocol.SupportedVersions], Requested = version },
                McpJsonUtilities.DefaultOptions.GetTypeInfo<UnsupportedProtocolVersionErrorData>());
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, (int)McpErrorCode.UnsupportedProtocolVersion, $"Unsupported protocol version '{version}'.", data, cancellationToken: cancellationToken);
            return;
        }

        var accept = context.Request.GetTypedHeaders().Accept;
        if (!accept.Any(a => ApplicationJson.IsSubsetOf(a)) || !accept.Any(a => TextEventStream.IsSubsetOf(a)))
        {
            await WriteErrorAsync(context, StatusCodes.Status406NotAcceptable, -32000, "Not Acceptable: the client must accept both application/json and text/event-stream.", cancellationToken: cancellationToken);
            return;
        }

        var body = await ReadBodyAsync(context, cancellationToken);
        if (body is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, -32000, $"Payload Too Large: the limit is {httpOptions.CurrentValue.MaxRequestBodyBytes} bytes.", cancellationToken: cancellationToken);
            return;
        }

        var (message, parseError) = Parse(body);
        if (message is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, parseError.Code, parseError.Message, cancellationToken: cancellationToken);
            return;
        }

        if (version == McpProtocol.July2026 && CheckJuly2026Headers(context.Request, message) is { } mismatch)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, (int)McpErrorCode.HeaderMismatch, mismatch, id: (message as JsonRpcMessageWithId)?.Id, cancellationToken: cancellationToken);
            return;
        }

        message.Context ??= new JsonRpcMessageContext();
        message.Context.User = context.User;
        if (version.Length > 0)
        {
            message.Context.ProtocolVersion = version;
        }

        await ServeAsync(context, message, cancellationToken);
    }

    private async Task ServeAsync(HttpContext context, JsonRpcMessage message, CancellationToken cancellationToken)
    {
        var serverOptions = serverOptionsFactory.Create(Options.DefaultName);

        // The request's own scope already holds the resolved TenantContext; a new scope per MCP request would not.
        serverOptions.ScopeRequests = false;
        var transport = new StreamableHttpServerTransport(loggerFactory) { Stateless = true };
        var server = McpServer.Create(transport, serverOptions, loggerFactory, context.RequestServices);

        // The server reads the transport's channel, so it must run before the message is handed over. The request's
        // abort token is its lifetime: a client that drops the request cancels the tool.
        var run = server.RunAsync(cancellationToken);
        try
        {
            InitializeSseResponse(context);
            var wroteResponse = await transport.HandlePostRequestAsync(message, context.Response.Body, cancellationToken);
            if (!wroteResponse)
            {
                context.Response.Headers.ContentType = (string?)null;
                context.Response.StatusCode = StatusCodes.Status202Accepted;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogClientDisconnected(logger);
        }
        finally
        {
            // Transport first (completes the server's channel), then let the run loop finish, then the server.
            await transport.DisposeAsync();
            try
            {
                await run;
            }
            catch (OperationCanceledException)
            {
                // Expected when the client went away.
            }

            await server.DisposeAsync();
        }
    }

    private async Task<byte[]?> ReadBodyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var limit = httpOptions.CurrentValue.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }

    private static (JsonRpcMessage? Message, (int Code, string Message) Error) Parse(byte[] body)
    {
        var text = body.AsSpan().TrimStart(" \t\r\n"u8);
        if (text.Length > 0 && text[0] == (byte)'[')
        {
            return (null, ((int)McpErrorCode.InvalidRequest, "Invalid Request: JSON-RPC batches are not supported; send one message per request."));
        }

        try
        {
            var message = JsonSerializer.Deserialize(body, McpJsonUtilities.DefaultOptions.GetTypeInfo<JsonRpcMessage>());
            return message is null
                ? (null, ((int)McpErrorCode.InvalidRequest, "Invalid Request: the body is not a JSON-RPC message."))
                : (message, default);
        }
        catch (JsonException)
        {
            return IsJson(body)
                ? (null, ((int)McpErrorCode.InvalidRequest, "Invalid Request: the body is not a JSON-RPC message."))
                : (null, ((int)McpErrorCode.ParseError, "Parse error: the body is not valid JSON."));
        }
    }

    private static bool IsJson(byte[] body)
    {
        try
        {
            using var _ = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>2026-07-28 mirrors the method (and the tool, prompt or resource) in headers; they must agree with the body.</summary>
    private static string? CheckJuly2026Headers(HttpRequest request, JsonRpcMessage message)
    {
        var (method, parameters) = message switch
        {
            JsonRpcRequest r => (r.Method, r.Params),
            JsonRpcNotification n => (n.Method, n.Params),
            _ => (null, null),
        };
        if (method is null)
        {
            return null;
        }

        var methodHeader = DecodeHeader(request.Headers[McpProtocol.MethodHeader].ToString());
        if (methodHeader is null)
        {
            return $"Header mismatch: the {McpProtocol.MethodHeader} header is required.";
        }

        if (!string.Equals(methodHeader, method, StringComparison.Ordinal))
        {
            return $"Header mismatch: {McpProtocol.MethodHeader} does not match the body's method.";
        }

        var nameProperty = method switch
        {
            RequestMethods.ToolsCall or RequestMethods.PromptsGet => "name",
            RequestMethods.ResourcesRead => "uri",
            _ => null,
        };
        if (nameProperty is null)
        {
            return null;
        }

        var bodyName = parameters is JsonObject o && o[nameProperty] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var nameHeader = DecodeHeader(request.Headers[McpProtocol.NameHeader].ToString());
        if (nameHeader is null)
        {
            return $"Header mismatch: the {McpProtocol.NameHeader} header is required for {method}.";
        }

        return string.Equals(nameHeader, bodyName, StringComparison.Ordinal)
            ? null
            : $"Header mismatch: {McpProtocol.NameHeader} does not match the body's {nameProperty}.";
    }

    /// <summary>Header values outside visible ASCII travel as <c>=?base64?...?=</c>.</summary>
    private static string? DecodeHeader(string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        const string prefix = "=?base64?";
        const string suffix = "?=";
        if (!value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || !value.EndsWith(suffix, StringComparison.Ordinal))
        {
            return value;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(value[prefix.Length..^suffix.Length]));
        }
        catch (FormatException)
        {
            return "\0";
        }
    }

    private string ResourceUrl(HttpContext context) => BaseUrl(context) + httpOptions.CurrentValue.Path;

    private string ResourceMetadataUrl(HttpContext context) =>
        BaseUrl(context) + "/.well-known/oauth-protected-resource" + httpOptions.CurrentValue.Path;

    private string BaseUrl(HttpContext context) =>
        httpOptions.CurrentValue.PublicBaseUrl is { } configured
            ? configured.GetLeftPart(UriPartial.Authority)
            : $"{context.Request.Scheme}://{context.Request.Host}";

    private static void InitializeSseResponse(HttpContext context)
    {
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache,no-store";
        context.Response.Headers.ContentEncoding = "identity";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        context.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
    }

    private static Task WriteErrorAsync(
        HttpContext context,
        int statusCode,
        int code,
        string message,
        JsonElement? data = null,
        RequestId? id = null,
        CancellationToken cancellationToken = default)
    {
        var error = new JsonRpcError
        {
            Id = id ?? default,
            Error = new JsonRpcErrorDetail { Code = code, Message = message, Data = data },
        };
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(error, McpJsonUtilities.DefaultOptions.GetTypeInfo<JsonRpcError>(), cancellationToken: cancellationToken);
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Warning, Message = "Rejected a request from origin {Origin}")]
    private static partial void LogOriginRejected(ILogger logger, string origin);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Rejected an unauthenticated request: {Reason}")]
    private static partial void LogUnauthenticated(ILogger logger, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "The client disconnected before the response completed")]
    private static partial void LogClientDisconnected(ILogger logger);
}
