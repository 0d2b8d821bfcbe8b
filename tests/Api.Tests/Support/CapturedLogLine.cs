using Microsoft.Extensions.Logging;

namespace HaloMcp.Api.Tests.Support;

/// <summary>One captured log line with its scopes.</summary>
public sealed record CapturedLogLine(
    LogLevel Level,
    string Category,
    EventId EventId,
    string Message,
    string? Exception,
    IReadOnlyList<KeyValuePair<string, object?>> Scopes,
    string ScopeText,
    IReadOnlyList<string> Properties)
{
    public string? TenantId => Scopes.LastOrDefault(s => s.Key == "TenantId").Value as string;

    public override string ToString() => $"{Level} {Category}[{EventId.Id}]{ScopeText}: {Message} {string.Join(' ', Properties)} {Exception}";
}
