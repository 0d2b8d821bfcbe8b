namespace HaloMcp.Api.Mcp;

/// <summary>
/// Names properties of a tool's result type that this tool's results never carry (a write's answer is never served
/// from a cache and holds no action list), so that its published output schema does not name them:
/// <c>tools/list</c> is paid for by every conversation (<see cref="ToolSchemaShaping"/>).
/// </summary>
/// <param name="properties">The result's JSON property names.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ResultLeavesOutAttribute(params string[] properties) : Attribute
{
    /// <summary>The result's JSON property names the tool never fills.</summary>
    public IReadOnlyList<string> Properties { get; } = properties;
}
