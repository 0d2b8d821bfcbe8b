using System.Globalization;
using System.Text;
using System.Text.Json;
using HaloMcp.Api.Tools;

namespace HaloMcp.Api.Mcp;

/// <summary>
/// Checks a call's arguments against the input schema the tool publishes, reporting every problem at once, each
/// naming the argument and the rule. Strings come back trimmed (of spaces and invisible characters).
/// </summary>
/// <remarks>
/// It reads the subset of JSON Schema the catalogue publishes: <c>type</c>, <c>minimum</c>, <c>maximum</c>,
/// <c>minLength</c>, <c>maxLength</c>, <c>enum</c>, <c>format: date-time</c>, <c>required</c> and
/// <c>additionalProperties</c>; <see cref="UnknownKeywords"/> lists anything else, so a schema it cannot enforce is
/// caught by a test, not in production. Beyond the schema it refuses what HaloPSA would store but nobody meant:
/// empty text (no argument of the catalogue means anything empty), control characters (tabs and line breaks are
/// allowed in long text only, text whose <c>maxLength</c> exceeds <see cref="ArgumentLimits.ShortText"/>) and text
/// made only of invisible characters. Text without a <c>maxLength</c> is at most <see cref="ArgumentLimits.ShortText"/>
/// characters: the server's instructions state that once instead of every schema. A JSON null counts as not given.
/// </remarks>
public static class ArgumentValidator
{
    private static readonly HashSet<string> KnownKeywords =
        ["type", "description", "minimum", "maximum", "minLength", "maxLength", "enum", "format", "default"];

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mmK", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
    ];

    /// <summary>Validates <paramref name="arguments"/>; returns the problems (empty when valid) and the arguments to bind.</summary>
    public static (IReadOnlyList<string> Problems, Dictionary<string, JsonElement> Normalized) Validate(
        JsonElement inputSchema, IDictionary<string, JsonElement>? arguments)
    {
        var properties = inputSchema.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var declared = properties.ValueKind == JsonValueKind.Object ? properties.EnumerateObject().Select(e => e.Name).ToList() : [];
        var problems = new List<string>();
        var normalized = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in arguments ?? new Dictionary<string, JsonElement>())
        {
            if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(name, out var schema))
            {
                var known = declared.Count == 0 ? "no arguments" : "only " + string.Join(", ", declared);
                problems.Add($"Unknown argument '{Quote(name)}': this tool takes {known}.");
                continue;
            }

            if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                continue;
            }

            var (accepted, problem) = Check(name, schema, value);
            if (problem is not null)
            {
                problems.Add(problem);
            }
            else
            {
                normalized[name] = accepted;
            }
        }

        if (inputSchema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!normalized.ContainsKey(name) && !problems.Any(m => m.StartsWith($"'{name}'", StringComparison.Ordinal)))
                {
                    var description = properties.TryGetProperty(name, out var s) && s.TryGetProperty("description", out var d) ? " " + d.GetString() : string.Empty;
                    problems.Add($"'{name}' is required.{description}");
                }
            }
        }

        return (problems, normalized);
    }

    /// <summary>The schema keywords of <paramref name="inputSchema"/>'s arguments that this validator would not enforce.</summary>
    public static IReadOnlyList<string> UnknownKeywords(JsonElement inputSchema) =>
        inputSchema.TryGetProperty("properties", out var properties)
            ? [.. properties.EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(k => k.Name).Where(k => !KnownKeywords.Contains(k)).Select(k => $"{p.Name}.{k}"))]
            : [];

    private static (JsonElement Value, string? Problem) Check(string name, JsonElement schema, JsonElement value)
    {
        var type = TypeOf(schema);
        switch (type)
        {
            case "integer":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var whole))
                {
                    return value.ValueKind == JsonValueKind.Number && value.GetDouble() is var huge && double.IsFinite(huge) && huge == Math.Floor(huge)
                        ? (value, $"'{name}' must be at {(huge > 0 ? "most " + int.MaxValue : "least " + int.MinValue)}, not {Quote(value.GetRawText())}.")
                        : (value, $"'{name}' must be a whole number, not {Describe(value)}.");
                }

                // Integers bind to 32-bit parameters; the schema leaves that bound unsaid.
                return (value, CheckRange(name, schema, whole)
                    ?? (whole > int.MaxValue ? $"'{name}' must be at most {int.MaxValue}, not {whole}."
                        : whole < int.MinValue ? $"'{name}' must be at least {int.MinValue}, not {whole}." : null));
            case "number":
                return value.ValueKind == JsonValueKind.Number
                    ? (value, CheckRange(name, schema, value.GetDouble()))
                    : (value, $"'{name}' must be a number, not {Describe(value)}.");
            case "boolean":
                return value.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? (value, null)
                    : (value, $"'{name}' must be true or false, not {Describe(value)}.");
            case "string":
                return CheckString(name, schema, value);
            default:
                throw new InvalidOperationException($"Argument '{name}' has schema type '{type}', which the validator does not know.");
        }
    }

    private static (JsonElement Value, string? Problem) CheckString(string name, JsonElement schema, JsonElement value)
    {
        var isEnum = schema.TryGetProperty("enum", out var choices);
        var isDate = schema.TryGetProperty("format", out var format) && format.GetString() == "date-time";
        if (value.ValueKind != JsonValueKind.String)
        {
            return (value, isEnum ? $"'{name}' must be one of {Choices(choices)}, not {Describe(value)}."
                : isDate ? $"'{name}' must be an ISO 8601 date such as 2026-03-01, not {Describe(value)}."
                : $"'{name}' must be text, not {Describe(value)}.");
        }

        string raw;
        try
        {
            raw = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return (value, $"'{name}' is not valid Unicode text (it holds an unpaired surrogate).");
        }

        // Text without a maxLength of its own is single-line and short (the server's instructions say so once,
        // rather than every schema of the catalogue).
        var maxLength = schema.TryGetProperty("maxLength", out var max) ? max.GetInt32() : ArgumentLimits.ShortText;
        var multiLine = maxLength > ArgumentLimits.ShortText;
        if (FirstControl(raw, multiLine) is { } control)
        {
            return (value, multiLine
                ? $"'{name}' must not contain control characters other than tabs and line breaks (found U+{(int)control:X4})."
                : $"'{name}' must be a single line without control characters (found U+{(int)control:X4}).");
        }

        var text = TrimInvisible(raw);
        if (isEnum)
        {
            return choices.EnumerateArray().Any(c => c.GetString() == text)
                ? (Json(text), null)
                : (value, $"'{name}' must be one of {Choices(choices)}, not '{Quote(text)}'.");
        }

        if (isDate)
        {
            return text.Length <= 40 && DateTimeOffset.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out _)
                ? (Json(text), null)
                : (value, $"'{name}' must be an ISO 8601 date such as 2026-03-01 or 2026-03-01T09:30:00Z, not '{Quote(text)}'.");
        }

        // No argument of the catalogue means anything when empty, so no schema needs to say minLength 1.
        if (text.Length < Math.Max(1, schema.TryGetProperty("minLength", out var min) ? min.GetInt32() : 1))
        {
            return (value, raw.Length == 0 ? $"'{name}' must not be empty." : $"'{name}' must not be empty (it holds only spaces or invisible characters).");
        }

        if (text.Length > maxLength)
        {
            return (value, $"'{name}' is {text.Length:N0} characters long; at most {maxLength:N0} are allowed.");
        }

        return (Json(text), null);
    }

    private static string? CheckRange(string name, JsonElement schema, double value)
    {
        if (schema.TryGetProperty("minimum", out var min) && value < min.GetDouble())
        {
            return $"'{name}' must be at least {min.GetRawText()}, not {Number(value)}.";
        }

        if (schema.TryGetProperty("maximum", out var max) && value > max.GetDouble())
        {
            return $"'{name}' must be at most {max.GetRawText()}, not {Number(value)}.";
        }

        return null;
    }

    private static string TypeOf(JsonElement schema) => schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
        ? type.GetString()!
        : throw new InvalidOperationException("Every argument's schema must name one type.");

    private static char? FirstControl(string text, bool multiLine)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && !(multiLine && c is '\t' or '\n' or '\r'))
            {
                return c;
            }
        }

        return null;
    }

    // Zero-width spaces, joiners, the BOM, soft hyphens and bidi marks are format characters: invisible, so a name made
    // only of them is as empty as one made of spaces.
    private static string TrimInvisible(string text)
    {
        static bool Invisible(char c) => char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
        var start = 0;
        var end = text.Length;
        while (start < end && Invisible(text[start]))
        {
            start++;
        }

        while (end > start && Invisible(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    private static JsonElement Json(string text) => JsonSerializer.SerializeToElement(text, ToolJson.Options.GetTypeInfo(typeof(string)));

    private static string Choices(JsonElement choices) => string.Join(", ", choices.EnumerateArray().Select(c => c.GetString()));

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the text '{Quote(SafeString(value))}'",
        JsonValueKind.Number => $"the number {Quote(value.GetRawText())}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };

    private static string SafeString(JsonElement value)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return "(invalid Unicode)";
        }
    }

    /// <summary>
    /// What of a caller's text goes back into a message: at most 40 characters (echoing a 100 KB argument into the
    /// model's context would be its own failure), control characters escaped (a message is also logged).
    /// </summary>
    public static string Quote(string text)
    {
        var shortened = text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "...");
        if (!shortened.Any(char.IsControl))
        {
            return shortened;
        }

        var escaped = new StringBuilder(shortened.Length + 8);
        foreach (var c in shortened)
        {
            escaped.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return escaped.ToString();
    }
}
