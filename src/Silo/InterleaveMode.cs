namespace HaloMcp.Silo;

/// <summary>How a grain method may overlap with other calls on the same activation.</summary>
internal enum InterleaveMode
{
    /// <summary>Runs alone: a full turn.</summary>
    Exclusive,

    /// <summary>Overlaps with other read-only calls, never with an exclusive one.</summary>
    ReadOnly,

    /// <summary>Runs whenever it arrives.</summary>
    Always,
}
