using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HaloMcp.Grains.HaloPsa.Json;

/// <summary>Reads free-form HaloPSA values (custom and asset field values) that may be strings, numbers or booleans as text.</summary>
internal sealed class HaloLooseStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => reader.TryGetInt64(out var whole)
                ? whole.ToString(CultureInfo.InvariantCulture)
                : reader.GetDouble().ToString(CultureInfo.InvariantCulture),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => SkipStructure(ref reader),
        };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    private static string? SkipStructure(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }
}
