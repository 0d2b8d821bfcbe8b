using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HaloMcp.Api.Tools;

/// <summary>
/// Writes dates as ISO 8601 UTC with a <c>Z</c> (the catalogue's convention), to the second (HaloPSA's milliseconds
/// mean nothing to a reader and cost four bytes a date); reads any ISO 8601 form.
/// </summary>
public sealed class UtcDateTimeOffsetJsonConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
}
