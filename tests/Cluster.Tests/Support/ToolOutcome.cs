using System.Text.Json;

namespace HaloMcp.Cluster.Tests.Support;

/// <summary>How one tool call through a front end ended, as its caller saw it.</summary>
/// <param name="Tool">The tool.</param>
/// <param name="StartedAt">When it was sent.</param>
/// <param name="EndedAt">When its answer (or failure) came.</param>
/// <param name="Result">The structured result of a call that succeeded.</param>
/// <param name="ToolError">The message of a call the server answered with a tool error.</param>
/// <param name="Failure">What went wrong below MCP (the front end went away), or the caller's own deadline passing.</param>
internal sealed record ToolOutcome(string Tool, DateTimeOffset StartedAt, DateTimeOffset EndedAt, JsonElement? Result, string? ToolError, Exception? Failure)
{
    public bool Succeeded => Result is not null;

    /// <summary>The caller gave up at its deadline: the server never answered.</summary>
    public bool Hung => Failure is OperationCanceledException;

    public bool RateLimited => ToolError?.StartsWith("Rate limited", StringComparison.Ordinal) == true;

    public bool OutcomeUnknown => ToolError?.Contains("may or may not have been applied", StringComparison.Ordinal) == true;

    public override string ToString() =>
        $"{Tool} at {StartedAt:HH:mm:ss.fff}: " + (Succeeded ? "ok" : ToolError is not null ? "tool error: " + ToolError : "failed: " + Failure);
}
