using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HaloMcp.Grains.HaloPsa.Json;

/// <summary>
/// HaloPSA dates: naive ISO-8601 strings in UTC with variable fraction digits. The "unset" sentinels
/// (<c>1900-01-01…</c>, <c>1899-12-30…</c>, anything before 1901) and empty strings read as null; a zone suffix,
/// when present, is honoured. Writes naive UTC with milliseconds, as HaloPSA does.
/// </summary>
internal sealed class HaloDateTimeConverter : JsonConverter<DateTimeOffset?>
{
    private const string WireFormat = "yyyy-MM-dd'T'HH:mm:ss.fff";

    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a date string, found {reader.TokenType}.");
        }

        return Parse(reader.GetString());
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStringValue(value.Value.UtcDateTime.ToString(WireFormat, CultureInfo.InvariantCulture));
    }

    internal static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(
                text,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var parsed))
        {
            throw new JsonException($"'{text}' is not a date.");
        }

        return parsed.Year <= 1900 ? null : parsed.ToUniversalTime();
    }
}
