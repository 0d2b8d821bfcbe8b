using System.Text.Json.Nodes;

namespace HaloMcp.Api.Tools;

/// <summary>
/// One argument of a tool, declared once: the input schema a model reads and the validation a call passes are both
/// derived from it, so they cannot drift apart.
/// </summary>
public sealed record ToolArgument
{
    /// <summary>The argument's name in snake_case.</summary>
    public required string Name { get; init; }

    /// <summary>What the argument means, for the model.</summary>
    public required string Description { get; init; }

    /// <summary>Its JSON type.</summary>
    public required ToolArgumentType Type { get; init; }

    /// <summary>Whether a call must give it.</summary>
    public bool Required { get; init; }

    /// <summary>Smallest allowed value (integers and numbers).</summary>
    public double? Minimum { get; init; }

    /// <summary>Largest allowed value (integers and numbers).</summary>
    public double? Maximum { get; init; }

    /// <summary>Shortest allowed text.</summary>
    public int? MinLength { get; init; }

    /// <summary>Longest allowed text.</summary>
    public int? MaxLength { get; init; }

    /// <summary>The allowed values of an enum argument.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>The value used when the call does not give one (shown in the schema).</summary>
    public JsonNode? Default { get; init; }

    /// <summary>The JSON schema of this argument.</summary>
    public JsonObject ToSchema()
    {
        var schema = new JsonObject();
        switch (Type)
        {
            case ToolArgumentType.Integer:
                schema["type"] = "integer";
                break;
            case ToolArgumentType.Number:
                schema["type"] = "number";
                break;
            case ToolArgumentType.Boolean:
                schema["type"] = "boolean";
                break;
            case ToolArgumentType.String:
                schema["type"] = "string";
                break;
            case ToolArgumentType.Date:
                schema["type"] = "string";
                schema["format"] = "date-time";
                break;
            case ToolArgumentType.Enum:
                schema["type"] = "string";
                schema["enum"] = new JsonArray([.. Values!.Select(v => (JsonNode)JsonValue.Create(v))]);
                break;
            case ToolArgumentType.IntegerOrString:
                schema["type"] = new JsonArray("integer", "string");
                break;
        }

        schema["description"] = Description;
        if (Minimum is { } min)
        {
            schema["minimum"] = Type == ToolArgumentType.Integer ? JsonValue.Create((long)min) : JsonValue.Create(min);
        }

        if (Maximum is { } max)
        {
            schema["maximum"] = Type == ToolArgumentType.Integer ? JsonValue.Create((long)max) : JsonValue.Create(max);
        }

        if (MinLength is { } minLength)
        {
            schema["minLength"] = minLength;
        }

        if (MaxLength is { } maxLength)
        {
            schema["maxLength"] = maxLength;
        }

        if (Default is not null)
        {
            schema["default"] = Default.DeepClone();
        }

        return schema;
    }
}
