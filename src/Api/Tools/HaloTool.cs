using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using HaloMcp.Api.Mcp;
using HaloMcp.Grains.Errors;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace HaloMcp.Api.Tools;

/// <summary>
/// A tool of the HaloPSA catalogue. It validates every argument against its declaration before any grain is called,
/// answers with <c>structuredContent</c> (schema published as <c>outputSchema</c>) plus a compact text rendering,
/// and turns grain failures into tool errors whose messages say what to do.
/// </summary>
/// <typeparam name="TResult">The structured result.</typeparam>
public abstract class HaloTool<TResult> : McpServerTool
    where TResult : class
{
    private readonly JsonTypeInfo<TResult> _resultType;

    /// <summary>Declares the tool.</summary>
    /// <param name="name">The tool name (<c>halopsa_verb_noun</c>).</param>
    /// <param name="title">A human title.</param>
    /// <param name="description">What it does and when to use it, for the model.</param>
    /// <param name="kind">What it does to HaloPSA (drives the annotations).</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="resultType">Source-generated metadata of its result.</param>
    protected HaloTool(string name, string title, string description, ToolKind kind, IReadOnlyList<ToolArgument> arguments, JsonTypeInfo<TResult> resultType)
    {
        Arguments = arguments;
        Kind = kind;
        _resultType = resultType;
        ProtocolTool = new Tool
        {
            Name = name,
            Title = title,
            Description = description,
            InputSchema = InputSchemaOf(arguments),
            OutputSchema = OutputSchemaOf(resultType),
            Annotations = new ToolAnnotations
            {
                Title = title,
                ReadOnlyHint = kind == ToolKind.Read,
                DestructiveHint = kind == ToolKind.Read ? null : kind == ToolKind.Update,
                IdempotentHint = kind == ToolKind.Read ? null : kind == ToolKind.Update,
                OpenWorldHint = true,
            },
        };
    }

    /// <inheritdoc />
    public override Tool ProtocolTool { get; }

    /// <inheritdoc />
    public override IReadOnlyList<object> Metadata { get; } = [];

    /// <summary>The declared arguments.</summary>
    public IReadOnlyList<ToolArgument> Arguments { get; }

    /// <summary>What the tool does to HaloPSA.</summary>
    public ToolKind Kind { get; }

    /// <inheritdoc />
    public sealed override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        var arguments = ToolArguments.Parse(Arguments, request.Params?.Arguments);
        Validate(arguments);
        var context = ToolContext.From(request);
        TResult result;
        try
        {
            result = await ExecuteAsync(context, arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (HaloOperationException ex)
        {
            throw new ToolException(ex.Message, ex);
        }
        catch (TimeoutException ex)
        {
            throw new ToolException(Kind == ToolKind.Read
                ? "HaloPSA did not answer in time; the read can be retried."
                : "HaloPSA did not answer in time; the write may or may not have been applied. Check before retrying.", ex);
        }

        return new CallToolResult
        {
            StructuredContent = JsonSerializer.SerializeToElement(result, _resultType),
            Content = [new TextContentBlock { Text = Render(result) }],
        };
    }

    /// <summary>Checks rules that span arguments (e.g. a date range); throw <see cref="ToolException"/> to refuse.</summary>
    protected virtual void Validate(ToolArguments arguments)
    {
    }

    /// <summary>Does the work through grains.</summary>
    protected abstract Task<TResult> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken);

    /// <summary>The compact text rendering of a result.</summary>
    protected abstract string Render(TResult result);

    /// <summary>Refuses a date range whose end is not after its start.</summary>
    protected static void RequireOrderedDates(ToolArguments arguments, string from = "date_from", string to = "date_to")
    {
        if (arguments.Date(from) is { } start && arguments.Date(to) is { } end && end <= start)
        {
            throw new ToolException($"'{to}' must be after '{from}'.");
        }
    }

    // Dates are written by our own converter, which the exporter cannot see into: say what it writes.
    private static JsonNode DatesAsStrings(JsonSchemaExporterContext context, JsonNode node)
    {
        var type = context.TypeInfo.Type;
        if (type != typeof(DateTimeOffset) && type != typeof(DateTimeOffset?))
        {
            return node;
        }

        var description = node is JsonObject { } original && original["description"] is { } text ? text.DeepClone() : null;
        var schema = new JsonObject
        {
            ["type"] = type == typeof(DateTimeOffset) ? JsonValue.Create("string") : new JsonArray("string", "null"),
            ["format"] = "date-time",
        };
        if (description is not null)
        {
            schema["description"] = description;
        }

        return schema;
    }

    // Results leave out what HaloPSA left unset, so a property that may be null may also be absent: it is not required.
    private static JsonNode OptionalWhenNullable(JsonNode node)
    {
        if (node is JsonObject { } schema && schema["properties"] is JsonObject properties && schema["required"] is JsonArray required)
        {
            foreach (var name in required.Select(r => r!.GetValue<string>()).ToList())
            {
                if (properties[name] is JsonObject property && property["type"] is JsonArray types && types.Any(t => t is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == "null"))
                {
                    required.Remove(required.First(r => r!.GetValue<string>() == name));
                }
            }

            if (required.Count == 0)
            {
                schema.Remove("required");
            }
        }

        return node;
    }

    private static JsonElement InputSchemaOf(IReadOnlyList<ToolArgument> arguments)
    {
        var properties = new JsonObject();
        foreach (var argument in arguments)
        {
            properties[argument.Name] = argument.ToSchema();
        }

        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
        var required = arguments.Where(a => a.Required).Select(a => (JsonNode)JsonValue.Create(a.Name)).ToArray();
        if (required.Length > 0)
        {
            schema["required"] = new JsonArray(required);
        }

        return JsonSerializer.SerializeToElement(schema, ToolSchemaJsonContext.Default.JsonObject);
    }

    private static JsonElement OutputSchemaOf(JsonTypeInfo<TResult> resultType)
    {
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(resultType, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = static (context, node) => OptionalWhenNullable(DatesAsStrings(context, node)),
        });
        return JsonSerializer.SerializeToElement(schema, ToolSchemaJsonContext.Default.JsonNode);
    }
}
