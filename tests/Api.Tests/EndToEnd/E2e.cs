using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace HaloMcp.Api.Tests.EndToEnd;

/// <summary>Calls through the SDK client, and reads the simulator's raw records.</summary>
internal static class E2e
{
    public static Dictionary<string, object?> Args(params (string Name, object? Value)[] args) =>
        args.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal);

    /// <summary>Calls a tool that must succeed and returns its structured content.</summary>
    public static async Task<JsonElement> CallOk(McpClient client, string tool, Dictionary<string, object?>? args = null, IProgress<ProgressNotificationValue>? progress = null)
    {
        var result = await client.CallToolAsync(tool, args ?? [], progress);
        Assert.True(result.IsError != true, $"{tool} failed: {Text(result)}");
        Assert.True(result.StructuredContent.HasValue, $"{tool} returned no structured content");
        Assert.False(string.IsNullOrWhiteSpace(Text(result)), $"{tool} returned no text rendering");
        return result.StructuredContent!.Value;
    }

    public static string Text(CallToolResult result) =>
        string.Join("\n", result.Content.OfType<TextContentBlock>().Select(b => b.Text));

    // --- structured content --------------------------------------------------------------------------------

    public static int Int(this JsonElement e, string name) => e.GetProperty(name).GetInt32();

    public static int? IntOrNull(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    public static double Num(this JsonElement e, string name) => e.GetProperty(name).GetDouble();

    /// <summary>Time logged (<c>time_taken_*</c>): results leave it out when none was.</summary>
    public static double Time(this JsonElement e, string name) => e.TryGetProperty(name, out var time) ? time.GetDouble() : 0;

    public static double? NumOrNull(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    public static string? Str(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static bool Bool(this JsonElement e, string name) => e.TryGetProperty(name, out var flag) && flag.GetBoolean();

    public static IReadOnlyList<JsonElement> Items(this JsonElement e) => [.. e.GetProperty("items").EnumerateArray()];

    public static IReadOnlyList<JsonElement> Array(this JsonElement e, string name) => [.. e.GetProperty(name).EnumerateArray()];

    // --- simulator records ---------------------------------------------------------------------------------

    public static int Int(this JsonObject o, string name) => (int)(Num(o, name) ?? 0);

    public static double? Num(this JsonObject o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            ? double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture)
            : null;

    public static string? Str(this JsonObject o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static bool Bool(this JsonObject o, string name) => o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    /// <summary>A simulator date (naive UTC) as the server hands it out: to the second.</summary>
    public static DateTimeOffset? Instant(this JsonObject o, string name) =>
        o.Str(name) is { } text
            ? DateTimeOffset.Parse(text + "Z", CultureInfo.InvariantCulture) is var d ? d.AddTicks(-(d.Ticks % TimeSpan.TicksPerSecond)) : null
            : null;

    /// <summary>A simulator string as the server hands it out: trimmed, and null when blank.</summary>
    public static string? Named(this JsonObject o, string name) => string.IsNullOrWhiteSpace(o.Str(name)) ? null : o.Str(name)!.Trim();
}
