using System.Text.Json;
using System.Text.Json.Serialization;

namespace HaloMcp.Grains.HaloPsa.Json;

/// <summary>Reads HaloPSA flags sent as booleans, 0/1 numbers or strings ("true", "1", "yes"); null reads as false.</summary>
internal sealed class HaloFlexibleBooleanConverter : JsonConverter<bool>
{
    public override bool HandleNull => true;

    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False or JsonTokenType.Null => false,
            JsonTokenType.Number => reader.GetDouble() != 0,
            JsonTokenType.String => reader.GetString()?.Trim().ToLowerInvariant() is "true" or "1" or "yes" or "y",
            _ => throw new JsonException($"Expected a flag, found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}
