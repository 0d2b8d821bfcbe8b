using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HaloMcp.HaloSim;

/// <summary>Tolerant reads of record fields, whichever way the value was produced (seeded or parsed from a POST).</summary>
internal static class JsonFields
{
    public static double? Number(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        if (value.TryGetValue<int>(out var i))
        {
            return i;
        }

        if (value.TryGetValue<double>(out var d))
        {
            return d;
        }

        if (value.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (value.TryGetValue<JsonElement>(out var e))
        {
            return e.ValueKind switch
            {
                JsonValueKind.Number => e.GetDouble(),
                JsonValueKind.String when double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) => p,
                _ => null,
            };
        }

        return value.TryGetValue<string>(out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }

    public static int Int(JsonObject record, string name) => (int)(Number(record[name]) ?? 0);

    public static double Double(JsonObject record, string name) => Number(record[name]) ?? 0;

    public static string? String(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        if (value.TryGetValue<string>(out var s))
        {
            return s;
        }

        if (value.TryGetValue<JsonElement>(out var e))
        {
            return e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText();
        }

        return value.ToJsonString();
    }

    public static string? String(JsonObject record, string name) => String(record[name]);

    public static bool? Bool(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        if (value.TryGetValue<bool>(out var b))
        {
            return b;
        }

        if (value.TryGetValue<JsonElement>(out var e))
        {
            return e.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            };
        }

        return null;
    }

    public static bool Bool(JsonObject record, string name) => Bool(record[name]) ?? false;

    public static DateTime? Date(JsonObject record, string name) => HaloDates.Parse(String(record, name));
}
