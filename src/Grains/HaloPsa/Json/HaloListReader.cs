using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace HaloMcp.Grains.HaloPsa.Json;

/// <summary>
/// The one place that knows HaloPSA's list shapes (halopsa-api §3.2): an envelope
/// <c>{record_count, &lt;key&gt;: [...]}</c> or a bare array. Either is accepted wherever the other was expected;
/// an envelope with an unexpected key falls back to its first array of objects.
/// </summary>
internal static class HaloListReader
{
    public static (List<T> Items, int? RecordCount) Read<T>(byte[] body, string? envelopeKey, JsonTypeInfo<T> itemInfo)
    {
        if (body.Length == 0)
        {
            return ([], 0);
        }

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        switch (root.ValueKind)
        {
            case JsonValueKind.Array:
                var bare = ReadItems(root, itemInfo);
                return (bare, null);
            case JsonValueKind.Object:
                var recordCount = TryGetInt(root, "record_count");
                if (FindCollection(root, envelopeKey) is { } collection)
                {
                    return (ReadItems(collection, itemInfo), recordCount);
                }

                // A single record where a list was expected.
                if (root.TryGetProperty("id", out _))
                {
                    return ([root.Deserialize(itemInfo)!], recordCount ?? 1);
                }

                return ([], recordCount ?? 0);
            default:
                throw new JsonException($"Expected a list, found {root.ValueKind}.");
        }
    }

    /// <summary>Finds the record inside a single-record answer: the object itself, the first element of an array,
    /// or the first element of an envelope's collection (<c>{tickets:[…]}</c>).</summary>
    public static JsonElement? FindSingle(JsonElement root)
    {
        switch (root.ValueKind)
        {
            case JsonValueKind.Object when root.TryGetProperty("id", out _):
                return root;
            case JsonValueKind.Object:
                return FindCollection(root, null) is { } collection && collection.GetArrayLength() > 0 ? collection[0] : null;
            case JsonValueKind.Array:
                return root.GetArrayLength() > 0 ? root[0] : null;
            default:
                return null;
        }
    }

    public static int? TryGetInt(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var n) => n,
            JsonValueKind.Number => (int)value.GetDouble(),
            JsonValueKind.String when int.TryParse(value.GetString(), out var s) => s,
            _ => null,
        };
    }

    private static JsonElement? FindCollection(JsonElement root, string? envelopeKey)
    {
        if (envelopeKey is not null)
        {
            foreach (var property in root.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Array && property.Name.Equals(envelopeKey, StringComparison.OrdinalIgnoreCase))
                {
                    return property.Value;
                }
            }
        }

        foreach (var property in root.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array
                && !property.Name.StartsWith("columns", StringComparison.OrdinalIgnoreCase)
                && property.Value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Object))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static List<T> ReadItems<T>(JsonElement array, JsonTypeInfo<T> itemInfo)
    {
        var items = new List<T>(array.GetArrayLength());
        foreach (var element in array.EnumerateArray())
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                items.Add(element.Deserialize(itemInfo)!);
            }
        }

        return items;
    }
}
