namespace HaloMcp.HaloSim;

/// <summary>Whether a list the sources disagree on comes as an envelope or as a bare array.</summary>
public enum SimListShape
{
    /// <summary><c>{record_count, key: [...]}</c> (with <c>page_no</c>/<c>page_size</c> when paging).</summary>
    Envelope,

    /// <summary>A bare JSON array of the rows.</summary>
    BareArray,
}
