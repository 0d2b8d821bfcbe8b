namespace HaloMcp.Silo;

/// <summary>The grain turns the current async flow is running inside, innermost first, to detect calls that would deadlock.</summary>
internal static class CallChain
{
    private static readonly AsyncLocal<CallChainNode?> CurrentNode = new();

    public static CallChainNode? Current
    {
        get => CurrentNode.Value;
        set => CurrentNode.Value = value;
    }

    /// <summary>True when a turn in this flow is still running on <paramref name="activation"/>.</summary>
    public static bool IsInsideTurnOf(CallChainNode? node, GrainActivation activation)
    {
        for (; node is not null; node = node.Parent)
        {
            if (ReferenceEquals(node.Activation, activation) && node.Call.IsRunning)
            {
                return true;
            }
        }

        return false;
    }
}
