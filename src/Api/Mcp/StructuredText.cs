using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HaloMcp.Api.Mcp;

/// <summary>
/// The text block of a structured result: a short summary for the model's context, not a second copy of the data
/// (the structured content has every field; a client that shows the model only text still learns what came back).
/// A list says how many rows of how many and names its first <see cref="RowsNamed"/> rows by id and title; a record its
/// id and title and how many items its lists hold (the names beside its ids are not repeated: they sit next to them in
/// the structured content); anything else its short top-level values. A result that can come from a cache says
/// whether it did and how old it is.
/// </summary>
public static class StructuredText
{
    /// <summary>The longest a row's or record's title runs in the summary.</summary>
    public const int TitleLength = 48;

    /// <summary>How many of a list's rows the summary names; the rest are counted.</summary>
    public const int RowsNamed = 5;

    private const int LineLength = 240;
    private const string Separator = " | ";

    // The field that names a record, in the order they are looked for.
    private static readonly string[] TitleFields = ["summary", "name", "title", "inventory_number", "key_field", "invoice_number", "note", "reference"];

    /// <summary>Renders <paramref name="result"/> (a JSON object).</summary>
    public static string Render(JsonElement result)
    {
        var text = new StringBuilder();
        if (result.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            List(text, result, items);
        }
        else if (result.TryGetProperty("id", out _))
        {
            Record(text, result);
        }
        else
        {
            Values(text, result);
        }

        Freshness(text, result);
        return text.ToString().TrimEnd();
    }

    private static void List(StringBuilder text, JsonElement result, JsonElement items)
    {
        var count = items.GetArrayLength();
        text.Append(Number(count)).Append(count == 1 ? " item" : " items");
        if (Int(result, "total") is { } total && total != count)
        {
            text.Append(" of ").Append(Number(total));
        }

        if (Int(result, "page") is { } page)
        {
            text.Append(", page ").Append(Number(page));
        }

        if (result.TryGetProperty("has_more", out var more) && more.ValueKind == JsonValueKind.True)
        {
            text.Append(", more on the next page");
        }

        text.AppendLine(count == 0 ? "." : ":");
        var rows = items.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Object).ToList();
        foreach (var row in rows.Take(RowsNamed))
        {
            text.AppendLine(Heading(row));
        }

        if (rows.Count > RowsNamed)
        {
            text.Append("and ").Append(Number(rows.Count - RowsNamed)).AppendLine(" more in the structured content");
        }

        Values(text, result, except: ["items", "total", "page", "page_size", "has_more"]);
    }

    private static void Record(StringBuilder text, JsonElement record)
    {
        text.AppendLine(Heading(record));
        foreach (var property in record.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array))
        {
            var count = property.Value.GetArrayLength();
            text.Append(property.Name).Append(": ").Append(Number(count));
            if (Int(record, property.Name + "_total") is { } total && total != count)
            {
                text.Append(" of ").Append(Number(total));
            }

            text.AppendLine();
        }
    }

    // "#id title": the names beside its ids are in the structured content, next to them.
    private static string Heading(JsonElement record)
    {
        var id = record.TryGetProperty("id", out var value) ? "#" + Scalar(value) : null;
        var title = TitleFields
            .Select(f => record.TryGetProperty(f, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null)
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) is { } found ? Shorten(found, TitleLength) : null;
        return Shorten(string.Join(' ', new[] { id, title }.OfType<string>()), LineLength);
    }

    private static void Values(StringBuilder text, JsonElement result, string[]? except = null)
    {
        foreach (var property in result.EnumerateObject().Where(p => except is null || !except.Contains(p.Name)))
        {
            if (property.Name is "from_cache" or "age_seconds")
            {
                continue;
            }

            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Array:
                    text.Append(property.Name).Append(": ").Append(Number(property.Value.GetArrayLength())).AppendLine(" (in the structured content)");
                    break;
                case JsonValueKind.Object:
                    text.Append(property.Name).AppendLine(": (in the structured content)");
                    break;
                default:
                    text.Append(property.Name).Append(": ").AppendLine(Shorten(Scalar(property.Value), LineLength));
                    break;
            }
        }
    }

    private static void Freshness(StringBuilder text, JsonElement result)
    {
        if (!result.TryGetProperty("from_cache", out var cached))
        {
            return;
        }

        var age = Int(result, "age_seconds") ?? 0;
        text.AppendLine(cached.ValueKind == JsonValueKind.True
            ? $"From HaloMcp's cache, {Number(age)} s old."
            : age > 0 ? $"Read from HaloPSA {Number(age)} s ago." : "Read from HaloPSA just now.");
    }

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    // One line (line breaks become spaces); cut with ASCII dots, since an ellipsis costs 6 bytes once JSON-escaped.
    private static string Shorten(string value, int max)
    {
        var line = value.ReplaceLineEndings(" ");
        return line.Length <= max ? line : string.Concat(line.AsSpan(0, max - 3).TrimEnd(), "...");
    }

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => "null",
        _ => value.GetRawText(),
    };
}
