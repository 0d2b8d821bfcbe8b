using System.Globalization;
using System.Text.Json;

using HaloMcp.Api.Mcp;

namespace HaloMcp.Api.Tools;

/// <summary>A call's arguments after validation against the tool's declared <see cref="ToolArgument"/>s.</summary>
public sealed class ToolArguments
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mmK", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
    ];

    private readonly Dictionary<string, object> _values;
    private readonly Dictionary<string, ToolArgument> _declared;

    private ToolArguments(Dictionary<string, object> values, Dictionary<string, ToolArgument> declared)
    {
        _values = values;
        _declared = declared;
    }

    /// <summary>
    /// Validates <paramref name="given"/> against <paramref name="declared"/>, reporting every problem at once.
    /// A JSON null counts as not given.
    /// </summary>
    /// <exception cref="ToolException">An argument is unknown, missing, of the wrong type or out of range.</exception>
    public static ToolArguments Parse(IReadOnlyList<ToolArgument> declared, IDictionary<string, JsonElement>? given)
    {
        var byName = declared.ToDictionary(a => a.Name, StringComparer.Ordinal);
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        var problems = new List<string>();

        foreach (var (name, element) in given ?? new Dictionary<string, JsonElement>())
        {
            if (!byName.TryGetValue(name, out var argument))
            {
                var known = declared.Count == 0 ? "no arguments" : "only " + string.Join(", ", declared.Select(a => a.Name));
                problems.Add($"Unknown argument '{Shorten(name)}': this tool takes {known}.");
                continue;
            }

            if (element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                continue;
            }

            var (value, problem) = Convert(argument, element);
            if (problem is not null)
            {
                problems.Add(problem);
            }
            else
            {
                values[name] = value!;
            }
        }

        foreach (var argument in declared.Where(a => a.Required && !values.ContainsKey(a.Name)))
        {
            if (!problems.Any(p => p.StartsWith($"'{argument.Name}'", StringComparison.Ordinal)))
            {
                problems.Add($"'{argument.Name}' is required: {argument.Description}");
            }
        }

        if (problems.Count > 0)
        {
            throw new ToolException(string.Join(" ", problems));
        }

        return new ToolArguments(values, byName);
    }

    /// <summary>An integer argument, or null when not given.</summary>
    public int? Int(string name) => Get(name) is long value ? (int)value : null;

    /// <summary>A required integer argument.</summary>
    public int RequiredInt(string name) => Int(name) ?? throw Missing(name);

    /// <summary>A number argument, or null when not given.</summary>
    public double? Number(string name) => Get(name) switch
    {
        double d => d,
        long l => l,
        _ => null,
    };

    /// <summary>A boolean argument, or its declared default.</summary>
    public bool Flag(string name) => Get(name) is bool value ? value : _declared[name].Default?.GetValue<bool>() ?? false;

    /// <summary>A text argument, or null when not given.</summary>
    public string? Text(string name) => Get(name) as string;

    /// <summary>A required text argument.</summary>
    public string RequiredText(string name) => Text(name) ?? throw Missing(name);

    /// <summary>A date argument as UTC, or null when not given.</summary>
    public DateTimeOffset? Date(string name) => Get(name) is DateTimeOffset value ? value : null;

    /// <summary>An enum argument, or its declared default.</summary>
    public string? Choice(string name) => Get(name) as string ?? _declared[name].Default?.GetValue<string>();

    /// <summary>An integer argument with its declared default.</summary>
    public int IntOrDefault(string name) => Int(name) ?? _declared[name].Default?.GetValue<int>() ?? throw Missing(name);

    /// <summary>Whether the call gave the argument.</summary>
    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>The raw value of an integer-or-name argument: a <see cref="long"/> or a <see cref="string"/>.</summary>
    public object? Raw(string name) => Get(name);

    private object? Get(string name)
    {
        if (!_declared.ContainsKey(name))
        {
            throw new ArgumentException($"The tool reads '{name}', which it does not declare.", nameof(name));
        }

        return _values.GetValueOrDefault(name);
    }

    private static ToolException Missing(string name) => new($"'{name}' is required.");

    private static (object? Value, string? Problem) Convert(ToolArgument argument, JsonElement element)
    {
        var name = argument.Name;
        switch (argument.Type)
        {
            case ToolArgumentType.Integer:
                if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt64(out var whole))
                {
                    return (null, $"'{name}' must be a whole number, not {Describe(element)}.");
                }

                return CheckRange(argument, whole) ?? ((object?)whole, null);

            case ToolArgumentType.Number:
                if (element.ValueKind != JsonValueKind.Number)
                {
                    return (null, $"'{name}' must be a number, not {Describe(element)}.");
                }

                var number = element.GetDouble();
                return CheckRange(argument, number) ?? ((object?)number, null);

            case ToolArgumentType.Boolean:
                return element.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? (element.GetBoolean(), null)
                    : (null, $"'{name}' must be true or false, not {Describe(element)}.");

            case ToolArgumentType.String:
                if (element.ValueKind != JsonValueKind.String)
                {
                    return (null, $"'{name}' must be text, not {Describe(element)}.");
                }

                var text = element.GetString()!.Trim();
                if (text.Length < (argument.MinLength ?? 0))
                {
                    return (null, $"'{name}' must not be empty.");
                }

                if (argument.MaxLength is { } max && text.Length > max)
                {
                    return (null, $"'{name}' is {text.Length:N0} characters long; at most {max:N0} are allowed.");
                }

                return (text, null);

            case ToolArgumentType.Date:
                if (element.ValueKind != JsonValueKind.String)
                {
                    return (null, $"'{name}' must be an ISO 8601 date such as 2026-03-01, not {Describe(element)}.");
                }

                var raw = element.GetString()!.Trim();
                if (raw.Length > (argument.MaxLength ?? 40)
                    || !DateTimeOffset.TryParseExact(raw, DateFormats, CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
                {
                    return (null, $"'{name}' must be an ISO 8601 date such as 2026-03-01 or 2026-03-01T09:30:00Z, not '{Shorten(raw)}'.");
                }

                return (date.ToUniversalTime(), null);

            case ToolArgumentType.Enum:
                if (element.ValueKind != JsonValueKind.String)
                {
                    return (null, $"'{name}' must be one of {string.Join(", ", argument.Values!)}, not {Describe(element)}.");
                }

                var choice = element.GetString()!;
                var match = argument.Values!.FirstOrDefault(v => string.Equals(v, choice, StringComparison.OrdinalIgnoreCase));
                return match is null
                    ? (null, $"'{name}' must be one of {string.Join(", ", argument.Values!)}, not '{Shorten(choice)}'.")
                    : (match, null);

            case ToolArgumentType.IntegerOrString:
                if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var id))
                {
                    return CheckRange(argument, id) ?? ((object?)id, null);
                }

                if (element.ValueKind == JsonValueKind.String)
                {
                    var label = element.GetString()!.Trim();
                    if (label.Length == 0 || label.Length > (argument.MaxLength ?? Arg.ShortTextLimit))
                    {
                        return (null, $"'{name}' must be an id or a name of 1 to {argument.MaxLength ?? Arg.ShortTextLimit} characters.");
                    }

                    return (label, null);
                }

                return (null, $"'{name}' must be an id or a name, not {Describe(element)}.");

            default:
                throw new InvalidOperationException($"Unhandled argument type {argument.Type}.");
        }
    }

    private static (object? Value, string? Problem)? CheckRange(ToolArgument argument, double value)
    {
        if (argument.Minimum is { } min && value < min)
        {
            return (null, $"'{argument.Name}' must be at least {min.ToString(CultureInfo.InvariantCulture)}, not {value.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (argument.Maximum is { } max && value > max)
        {
            return (null, $"'{argument.Name}' must be at most {max.ToString(CultureInfo.InvariantCulture)}, not {value.ToString(CultureInfo.InvariantCulture)}.");
        }

        return null;
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the text '{Shorten(element.GetString()!)}'",
        JsonValueKind.Number => $"the number {Shorten(element.GetRawText())}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {element.GetRawText()}",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => element.ValueKind.ToString().ToLowerInvariant(),
    };

    // Echoing a 100 KB argument back into the model's context would be its own failure.
    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "...");
}
