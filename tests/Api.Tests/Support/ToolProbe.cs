namespace HaloMcp.Api.Tests.Support;

/// <summary>Lets a test observe a tool's progress without sleeps.</summary>
public sealed class ToolProbe
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
