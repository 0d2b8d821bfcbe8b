namespace HaloMcp.Grains.HaloPsa.Resilience;

/// <summary>What the attempts of one call have seen, so the outcome of a timeout can be told apart afterwards.</summary>
internal sealed class HaloAttemptState(HaloRequest request)
{
    public HaloRequest Request { get; } = request;

    /// <summary>True from the moment a request is handed to HttpClient until its whole answer is read (or it
    /// provably never left). A write that fails while this is set may have been applied.</summary>
    public bool InFlight { get; set; }

    /// <summary>The last complete answer HaloPSA gave.</summary>
    public HaloResponse? LastResponse { get; set; }

    /// <summary>How many HTTP attempts were made (including 401 re-tries).</summary>
    public int Attempts { get; set; }
}
