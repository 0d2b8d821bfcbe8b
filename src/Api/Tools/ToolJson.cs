using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;

namespace HaloMcp.Api.Tools;

/// <summary>
/// How tools read their arguments and write their results: HaloPSA's snake_case, dates as ISO 8601 UTC with a
/// <c>Z</c>, search entities as the words the input takes. Fields HaloPSA left unset are left out rather than sent as
/// null: results are sized for a model's context (output schemas say so, see <see cref="Mcp.ToolSchemaShaping"/>).
/// </summary>
public static class ToolJson
{
    /// <summary>The serializer options every catalogue tool is created with.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(McpJsonUtilities.DefaultOptions.TypeInfoResolver, new DefaultJsonTypeInfoResolver()),
        };
        // Ahead of the SDK's own converters, which would otherwise write enums by their C# names.
        options.Converters.Insert(0, new SearchEntityJsonConverter());
        options.Converters.Insert(0, new UtcDateTimeOffsetJsonConverter());
        options.MakeReadOnly();
        return options;
    }
}
