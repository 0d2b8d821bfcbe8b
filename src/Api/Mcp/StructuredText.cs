using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HaloMcp.Api.Mcp;

/// <summary>
/// A compact text rendering of a structured result, for the model's context: <c>key: value</c> lines, and a list of
/// records as a table (a header of keys, then one line of values per record) instead of JSON that repeats every key
/// on every row and escapes every quote once more inside the text block. Every value of the result appears.
/// </summary>
public static class StructuredText
{
    private const string Separator = " | ";

    /// <summary>Renders <paramref name="result"/> (a JSON object).</summary>
    public static string Render(JsonElement result)
    {
        var text = new StringBuilder();
        Object(text, result, prefix: string.Empty);
        return text.ToString().TrimEnd();
    }

    private static void Object(StringBuilder text, JsonElement element, string prefix)
    {
        foreach (var property in element.EnumerateObject())
        {
            var key = prefix + property.Name;
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    Object(text, value, key + ".");
                    break;
                case JsonValueKind.Array when value.EnumerateArray().Any(i => i.ValueKind == JsonValueKind.Object):
                    Table(text, key, value);
                    break;
                case JsonValueKind.Array:
                    text.Append(key).Append(": ").AppendLine(value.GetArrayLength() == 0 ? "none" : string.Join(", ", value.EnumerateArray().Select(Cell)));
                    break;
                default:
                    text.Append(key).Append(": ").AppendLine(Scalar(value));
                    break;
            }
        }
    }

    private static void Table(StringBuilder text, string key, JsonElement rows)
    {
        var columns = new List<string>();
        foreach (var row in rows.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Object))
        {
            foreach (var property in row.EnumerateObject().Where(p => !columns.Contains(p.Name)))
            {
                columns.Add(property.Name);
            }
        }

        text.Append(key).Append(" (").Append(rows.GetArrayLength().ToString(CultureInfo.InvariantCulture)).AppendLine("):");
        text.AppendLine(string.Join(Separator, columns));
        foreach (var row in rows.EnumerateArray())
        {
            text.AppendLine(row.ValueKind == JsonValueKind.Object
                ? string.Join(Separator, columns.Select(c => row.TryGetProperty(c, out var cell) ? Cell(cell) : string.Empty))
                : Cell(row));
        }
    }

    // A table cell is one line: its own line breaks are written as \n, and a separator inside it as \|.
    private static string Cell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object or JsonValueKind.Array => value.GetRawText(),
        _ => Scalar(value).Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal),
    };

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => "null",
        _ => value.GetRawText(),
    };
}
