namespace HaloMcp.HaloSim;

/// <summary>How an <see cref="SimFaults.ApplyThenFail"/> fault answers a POST it has already applied.</summary>
public enum SimPostFailureMode
{
    /// <summary>Answer 500 with a HaloPSA-style error body.</summary>
    ServerError,

    /// <summary>Abort the connection without an answer.</summary>
    Abort,
}
