using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace HaloMcp.Api.Mcp;

/// <summary>
/// Reads and checks a POST's body before the SDK parses it: at most <see cref="McpHttpOptions.MaxRequestBodyBytes"/>
/// (413), one JSON-RPC message (a batch is 400), strict JSON (no duplicate keys, no unpaired surrogates), and params
/// of the shape <c>initialize</c> and <c>tools/call</c> need, naming a tool that exists. The SDK answers such mistakes
/// with HTTP 500, or -32603 and a stack trace in the log (an unknown tool: -32602, logged as an unhandled exception);
/// here they get -32602 naming the problem, logged as one warning line.
/// </summary>
internal sealed partial class JsonRpcRequestGuard(
    IOptionsMonitor<McpHttpOptions> options,
    IEnumerable<McpServerTool> tools,
    ILogger<JsonRpcRequestGuard> logger) : IEndpointFilter
{
    // The SDK answers an unknown tool with -32602 too, but logs it as an unhandled exception with its stack trace.
    private readonly HashSet<string> _toolNames = [.. tools.Select(t => t.ProtocolTool.Name)];

    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 64 };
    private static readonly JsonDocumentOptions Lenient = new() { MaxDepth = 64 };

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var body = await ReadBodyAsync(context);
        if (body is null)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, McpErrorCode.InvalidRequest, null,
                $"Payload Too Large: the limit is {options.CurrentValue.MaxRequestBodyBytes} bytes.");
            return Results.Empty;
        }

        var (status, code, id, problem) = Check(body, _toolNames);
        if (problem is not null)
        {
            await RefuseAsync(context, status, code, id, problem);
            return Results.Empty;
        }

        context.Request.Body = new MemoryStream(body, writable: false);
        context.Request.ContentLength = body.Length;
        return await next(invocation);
    }

    private static (int Status, McpErrorCode Code, RequestId? Id, string? Problem) Check(byte[] body, HashSet<string> toolNames)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Strict);
        }
        catch (JsonException)
        {
            return Unparsable(body);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                return (400, McpErrorCode.InvalidRequest, null, "Invalid Request: JSON-RPC batches are not supported; send one message per request.");
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                return (400, McpErrorCode.InvalidRequest, null, "Invalid Request: the body is not a JSON-RPC message.");
            }

            RequestId? id = null;
            if (root.TryGetProperty("id", out var idElement))
            {
                if (idElement.ValueKind == JsonValueKind.String && IsText(idElement))
                {
                    id = new RequestId(idElement.GetString()!);
                }
                else if (idElement.ValueKind == JsonValueKind.Number && idElement.TryGetInt64(out var number))
                {
                    id = new RequestId(number);
                }
                else
                {
                    return (400, McpErrorCode.InvalidRequest, null, "Invalid Request: 'id' must be a string or an integer.");
                }
            }

            if (FirstInvalidText(root, "$") is { } path)
            {
                return path.StartsWith("$.params", StringComparison.Ordinal) && id is not null
                    ? (200, McpErrorCode.InvalidParams, id, $"Invalid params: the text at {path} holds an unpaired surrogate (not valid Unicode).")
                    : (400, McpErrorCode.InvalidRequest, id, $"Invalid Request: the text at {path} holds an unpaired surrogate (not valid Unicode).");
            }

            var method = root.TryGetProperty("method", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            var parameters = root.TryGetProperty("params", out var p) ? p : default;
            if (ParamsProblem(method, parameters) is { } problem)
            {
                return (id is null ? 400 : 200, McpErrorCode.InvalidParams, id, "Invalid params: " + problem);
            }

            if (method == RequestMethods.ToolsCall && parameters.GetProperty("name").GetString() is { } tool && !toolNames.Contains(tool))
            {
                return (id is null ? 400 : 200, McpErrorCode.InvalidParams, id, $"Unknown tool: '{ArgumentValidator.Quote(tool)}'; tools/list names the tools.");
            }

            return (200, default, id, null);
        }
    }

    /// <summary>What is wrong with <paramref name="parameters"/> for <paramref name="method"/>, or null.</summary>
    private static string? ParamsProblem(string? method, JsonElement parameters)
    {
        if (parameters.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return method switch
            {
                RequestMethods.Initialize => "initialize needs params with protocolVersion, capabilities and clientInfo.",
                RequestMethods.ToolsCall => "tools/call needs params with the tool's name.",
                _ => null,
            };
        }

        if (parameters.ValueKind != JsonValueKind.Object)
        {
            return $"params must be an object, not {Kind(parameters)}.";
        }

        if (parameters.TryGetProperty("_meta", out var meta) && meta.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            return $"'_meta' must be an object, not {Kind(meta)}.";
        }

        if (meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty("progressToken", out var token)
            && !(token.ValueKind == JsonValueKind.String || (token.ValueKind == JsonValueKind.Number && token.TryGetInt64(out _))))
        {
            return $"'_meta.progressToken' must be a string or an integer, not {Kind(token)}.";
        }

        if (method is RequestMethods.ToolsList or RequestMethods.PromptsList or RequestMethods.ResourcesList or RequestMethods.ResourcesTemplatesList
            && parameters.TryGetProperty("cursor", out var cursor) && cursor.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            return $"'cursor' must be the text a previous page gave as nextCursor, not {Kind(cursor)}.";
        }

        switch (method)
        {
            case RequestMethods.Initialize:
                if (!parameters.TryGetProperty("protocolVersion", out var version) || version.ValueKind != JsonValueKind.String)
                {
                    return $"'protocolVersion' must be a protocol revision such as \"2025-11-25\", not {Kind(version)}.";
                }

                if (!parameters.TryGetProperty("capabilities", out var capabilities) || capabilities.ValueKind != JsonValueKind.Object)
                {
                    return $"'capabilities' must be an object, not {Kind(capabilities)}.";
                }

                if (!parameters.TryGetProperty("clientInfo", out var client) || client.ValueKind != JsonValueKind.Object)
                {
                    return $"'clientInfo' must be an object with 'name' and 'version', not {Kind(client)}.";
                }

                foreach (var field in new[] { "name", "version" })
                {
                    if (!client.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.String)
                    {
                        return $"'clientInfo.{field}' must be text, not {Kind(value)}.";
                    }
                }

                return null;
            case RequestMethods.ToolsCall:
                if (!parameters.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || name.GetString()!.Length == 0)
                {
                    return $"'name' must be the tool's name as text, not {Kind(name)}.";
                }

                if (parameters.TryGetProperty("arguments", out var arguments) && arguments.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                {
                    return $"'arguments' must be an object of argument names and values, not {Kind(arguments)}.";
                }

                return null;
            default:
                return null;
        }
    }

    private static (int, McpErrorCode, RequestId?, string?) Unparsable(byte[] body)
    {
        // Valid JSON with a key given twice: a parser that keeps the last value would act on what the sender did
        // not mean, so it is refused, naming where.
        try
        {
            using var lenient = JsonDocument.Parse(body, Lenient);
            var root = lenient.RootElement;
            RequestId? id = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var i)
                ? i.ValueKind == JsonValueKind.String ? new RequestId(i.GetString()!) : i.TryGetInt64(out var n) ? new RequestId(n) : null
                : null;
            var where = FirstDuplicateKey(root, "$") ?? "$";
            return where.StartsWith("$.params", StringComparison.Ordinal) && id is not null
                ? (200, McpErrorCode.InvalidParams, id, $"Invalid params: {where} appears twice; send each key once.")
                : (400, McpErrorCode.InvalidRequest, id, $"Invalid Request: {where} appears twice; send each key once.");
        }
        catch (Exception inner) when (inner is JsonException or InvalidOperationException)
        {
            return (400, McpErrorCode.ParseError, null, "Parse error: the body is not valid JSON.");
        }
    }

    /// <summary>The JSON path of the first key an object holds twice.</summary>
    private static string? FirstDuplicateKey(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var name = ArgumentValidator.Quote(property.Name);
                    if (!seen.Add(property.Name))
                    {
                        return $"{path}.{name}";
                    }

                    if (FirstDuplicateKey(property.Value, $"{path}.{name}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstDuplicateKey(item, $"{path}[{index++}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>The JSON path of the first string or key that is not valid UTF-16 once unescaped (e.g. <c>"\ud800"</c>).</summary>
    private static string? FirstInvalidText(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return IsText(element) ? null : path;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return path;
                    }

                    if (FirstInvalidText(property.Value, $"{path}.{ArgumentValidator.Quote(name)}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstInvalidText(item, $"{path}[{index++}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool IsText(JsonElement element)
    {
        try
        {
            _ = element.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Undefined => "missing",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        var limit = options.CurrentValue.MaxRequestBodyBytes;
        var declared = context.Request.ContentLength;
        if (declared > limit)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        try
        {
            if (declared is { } length)
            {
                // The usual case: read exactly what the client announced, into the one array the SDK will read again.
                var body = new byte[length];
                await context.Request.Body.ReadExactlyAsync(body, context.RequestAborted);
                return body;
            }

            using var buffer = new MemoryStream();
            var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                int read;
                while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
                {
                    if (buffer.Length + read > limit)
                    {
                        return null;
                    }

                    buffer.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            return buffer.ToArray();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }

    private Task RefuseAsync(HttpContext context, int status, McpErrorCode code, RequestId? id, string problem)
    {
        LogRefused(logger, status, (int)code, problem);
        return JsonRpcErrorResponse.WriteAsync(context, status, code, problem, id);
    }

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Refused a request ({StatusCode}, {ErrorCode}): {Problem}")]
    private static partial void LogRefused(ILogger logger, int statusCode, int errorCode, string problem);
}
