using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;

namespace HaloMcp.Api.Tools;

/// <summary>
/// How tools read their arguments and write their results: HaloPSA's snake_case, dates as ISO 8601 UTC with a
/// <c>Z</c>, search entities as the words the input takes. Fields HaloPSA left unset are left out rather than sent as
/// null: results are sized for a model's context (output schemas say so, see <see cref="Mcp.ToolSchemaShaping"/>).
/// A result's flag (a <c>bool</c> that is never null) is written only when true: an absent flag is false, as in the
/// input schemas, and most flags of most rows are false (on hold, closed, billable, inactive, more pages). Time logged
/// (<c>time_taken_*</c>) is likewise left out when none was.
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
            TypeInfoResolver = JsonTypeInfoResolver.Combine(McpJsonUtilities.DefaultOptions.TypeInfoResolver, new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(FlagsOnlyWhenTrue),
        };
        // Ahead of the SDK's own converters, which would otherwise write enums by their C# names.
        options.Converters.Insert(0, new SearchEntityJsonConverter());
        options.Converters.Insert(0, new UtcDateTimeOffsetJsonConverter());
        options.MakeReadOnly();
        return options;
    }

    // Our own result types only: the protocol's types are the SDK's to write.
    private static void FlagsOnlyWhenTrue(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || type.Type.Namespace?.StartsWith("HaloMcp.", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var property in type.Properties)
        {
            if (property.PropertyType == typeof(bool))
            {
                property.ShouldSerialize = static (_, value) => value is true;
            }
            else if (property.PropertyType == typeof(double) && property.Name.StartsWith("time_taken_", StringComparison.Ordinal))
            {
                property.ShouldSerialize = static (_, value) => value is not 0.0;
            }
        }
    }
}
