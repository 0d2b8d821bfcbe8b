using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HaloMcp.Grains.HaloPsa.Json;

/// <summary>
/// Reads HaloPSA ids and counts that arrive as numbers, whole doubles (the spec types some ids, e.g. a site's
/// <c>client_id</c>, as double) or strings; an empty or non-numeric string or JSON null reads as 0. Writes plain numbers.
/// </summary>
internal sealed class HaloFlexibleInt32Converter : JsonConverter<int>
{
    public override bool HandleNull => true;

    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return 0;
            case JsonTokenType.Number:
                if (reader.TryGetInt32(out var whole))
                {
                    return whole;
                }

                return checked((int)Math.Round(reader.GetDouble()));
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.IsNullOrWhiteSpace(text))
                {
                    return 0;
                }

                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
                {
                    return parsed;
                }

                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var asDouble))
                {
                    return checked((int)Math.Round(asDouble));
                }

                // Some instances put a name where the spec promises an id; an unreadable id is "none", not a failed call.
                return 0;
            case JsonTokenType.True:
                return 1;
            case JsonTokenType.False:
                return 0;
            default:
                throw new JsonException($"Expected a number, found {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
