using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Server;

namespace HaloMcp.Api.Mcp;

/// <summary>
/// Makes a tool's published schemas say what it does in as few bytes as <c>tools/list</c> can afford: every
/// conversation pays for the whole catalogue before its first call (36 tools, at most 25 KB).
/// </summary>
/// <remarks>
/// <para>Input schemas keep every rule the <see cref="ArgumentValidator"/> enforces (types, bounds, lengths, enums,
/// formats, required) and lose what says nothing: <c>null</c> in the types of optional arguments, <c>null</c> and
/// <c>false</c> defaults (an absent flag is false), and a <c>maximum</c> of 2147483647 (integers are 32-bit anyway).</para>
/// <para>Output schemas name every property a result can carry, nested objects (<c>properties</c>) and lists
/// (<c>items</c>) included, and leave out the value types and <c>required</c>: with them, the catalogue's output
/// schemas alone would take about 20 KB.
/// Results leave out what HaloPSA left unset, so no property is promised; a generated schema that still listed
/// nullable properties as required made strict clients reject results.</para>
/// <para>A tool without arguments has no empty <c>properties</c>; a tool's <see cref="ResultLeavesOutAttribute"/> removes
/// the result properties it never fills (a write's freshness and action list).</para>
/// <para><c>annotations.title</c> repeats the tool's <c>title</c> and goes.</para>
/// </remarks>
public static class ToolSchemaShaping
{
    /// <summary>
    /// Schema generation options for the catalogue: dates are written by our own converter, which the generator cannot
    /// see into, so they are declared as what it writes and reads (ISO 8601 text).
    /// </summary>
    public static AIJsonSchemaCreateOptions CreateOptions { get; } = new()
    {
        TransformSchemaNode = static (context, node) =>
            context.TypeInfo.Type == typeof(DateTimeOffset) || context.TypeInfo.Type == typeof(DateTimeOffset?)
                ? DateSchema(node, context.TypeInfo.Type == typeof(DateTimeOffset?))
                : (Nullable.GetUnderlyingType(context.TypeInfo.Type) ?? context.TypeInfo.Type).IsEnum ? EnumSchema(node) : node,
    };

    /// <summary>Rewrites <paramref name="tool"/>'s schemas in place and returns it; <paramref name="leftOut"/> names result properties it never carries.</summary>
    public static McpServerTool Shape(McpServerTool tool, IReadOnlyList<string>? leftOut = null)
    {
        var protocol = tool.ProtocolTool;
        protocol.InputSchema = Rewrite(protocol.InputSchema, ShapeInput);
        if (protocol.OutputSchema is { } output)
        {
            protocol.OutputSchema = Rewrite(output, schema =>
            {
                ShapeOutput(schema);
                if (leftOut is not null && schema["properties"] is JsonObject properties)
                {
                    foreach (var name in leftOut)
                    {
                        properties.Remove(name);
                    }
                }
            });
        }

        if (protocol.Annotations is { } annotations)
        {
            annotations.Title = null;
        }

        return tool;
    }

    private static JsonElement Rewrite(JsonElement schema, Action<JsonObject> shape)
    {
        var node = JsonNode.Parse(schema.GetRawText())!.AsObject();
        shape(node);
        return JsonSerializer.SerializeToElement<JsonNode>(node, ToolSchemaJsonContext.Default.JsonNode);
    }

    private static void ShapeInput(JsonObject schema)
    {
        if (schema["properties"] is not JsonObject properties)
        {
            return;
        }

        if (properties.Count == 0)
        {
            // A tool without arguments: "type": "object" says it all.
            schema.Remove("properties");
            return;
        }

        foreach (var (_, value) in properties)
        {
            if (value is not JsonObject argument)
            {
                continue;
            }

            if (argument["type"] is JsonArray types && types.Count == 2 && types.Any(IsNull))
            {
                argument["type"] = types.First(t => !IsNull(t))!.GetValue<string>();
            }

            if (argument.TryGetPropertyValue("default", out var defaultValue)
                && (defaultValue is null || (defaultValue is JsonValue v && v.GetValueKind() == JsonValueKind.False)))
            {
                argument.Remove("default");
            }

            if (argument["maximum"] is JsonValue max && max.GetValueKind() == JsonValueKind.Number && max.GetValue<double>() >= int.MaxValue)
            {
                argument.Remove("maximum");
            }
        }
    }

    private static void ShapeOutput(JsonObject schema)
    {
        schema.Remove("required");
        schema.Remove("description");
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var name in properties.Select(p => p.Key).ToList())
            {
                properties[name] = Named(properties[name]);
            }
        }
    }

    /// <summary>A property's schema reduced to its shape: a nested object or list keeps its members, a value says nothing.</summary>
    private static JsonObject Named(JsonNode? property)
    {
        // "properties" and "items" say object and list by themselves.
        if (property is JsonObject nested && nested["properties"] is JsonObject)
        {
            ShapeOutput(nested);
            nested.Remove("type");
            return nested;
        }

        if (property is JsonObject list && list["items"] is JsonObject items)
        {
            if (items["properties"] is not JsonObject)
            {
                return new JsonObject { ["type"] = "array" };
            }

            ShapeOutput(items);
            items.Remove("type");
            return new JsonObject { ["items"] = items.DeepClone() };
        }

        return [];
    }

    private static JsonNode DateSchema(JsonNode node, bool nullable)
    {
        var schema = new JsonObject
        {
            ["type"] = nullable ? new JsonArray("string", "null") : JsonValue.Create("string"),
            ["format"] = "date-time",
        };
        if (node is JsonObject original && original["description"] is { } description)
        {
            schema["description"] = description.DeepClone();
        }

        return schema;
    }

    // Enums are read and written in snake_case (Tools.ToolJson); the generator lists the C# names.
    private static JsonNode EnumSchema(JsonNode node)
    {
        if (node is JsonObject schema && schema["enum"] is JsonArray values)
        {
            schema["enum"] = new JsonArray([.. values.Select(v => (JsonNode?)(v is JsonValue value && value.TryGetValue<string>(out var name)
                ? JsonValue.Create(JsonNamingPolicy.SnakeCaseLower.ConvertName(name))
                : v?.DeepClone()))]);
        }

        return node;
    }

    private static bool IsNull(JsonNode? type) => type is JsonValue value && value.TryGetValue<string>(out var name) && name == "null";
}
