using System.Text;
using System.Text.Json;

namespace HaloMcp.Grains.HaloPsa.Errors;

/// <summary>
/// Pulls HaloPSA's message out of an error body. The shapes seen in the wild (halopsa-api §6):
/// <c>{resultCode, errorMessage}</c>, <c>{ClassName, Message}</c>, <c>{Message}</c>/<c>{message}</c>,
/// <c>{error, error_description}</c>, an object keyed by field path (<c>{"[0].id": "…"}</c>), or plain text.
/// </summary>
internal static class HaloErrorBody
{
    private const int MaxLength = 500;
    private static readonly string[] MessageKeys = ["errorMessage", "Message", "message", "error_description", "error", "title", "detail"];

    public static string? ExtractMessage(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return Truncate(FromElement(document.RootElement));
        }
        catch (JsonException)
        {
            var text = Encoding.UTF8.GetString(body).Trim();
            // An HTML error page says nothing useful to a caller.
            return text.StartsWith('<') ? null : Truncate(text);
        }
    }

    private static string? FromElement(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Array:
                var parts = element.EnumerateArray().Select(FromElement).Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
                return parts.Count == 0 ? null : string.Join("; ", parts);
            case JsonValueKind.Object:
                foreach (var key in MessageKeys)
                {
                    if (element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
                        && !string.IsNullOrWhiteSpace(value.GetString()))
                    {
                        return value.GetString();
                    }
                }

                // Field-keyed validation bodies: report "field: message" pairs.
                var fields = element.EnumerateObject()
                    .Where(p => p.Value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(p.Value.GetString()))
                    .Select(p => $"{p.Name}: {p.Value.GetString()}")
                    .ToList();
                return fields.Count == 0 ? null : string.Join("; ", fields);
            default:
                return null;
        }
    }

    private static string? Truncate(string? text) =>
        text is null ? null : text.Length <= MaxLength ? text : text[..MaxLength] + "…";
}
