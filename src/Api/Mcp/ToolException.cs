namespace HaloMcp.Api.Mcp;

/// <summary>
/// A failure a tool reports to its caller on purpose: the message is safe to show (it names the argument and
/// the rule, or says what to do) and becomes an <c>isError: true</c> tool result. Any other exception is
/// logged in full and answered with a generic message, so nothing internal leaks.
/// </summary>
public sealed class ToolException : Exception
{
    /// <summary>Creates a tool error with a message that will be shown to the MCP client as is.</summary>
    public ToolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates a tool error with a safe message; <paramref name="innerException"/> is only logged.</summary>
    public ToolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates a tool error with a generic message.</summary>
    public ToolException()
        : base("The tool failed.")
    {
    }
}
