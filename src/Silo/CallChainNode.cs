namespace HaloMcp.Silo;

/// <summary>One turn in a chain of grain calls.</summary>
internal sealed record CallChainNode(GrainActivation Activation, GrainCall Call, CallChainNode? Parent);
