namespace HaloMcp.Grains.HaloPsa.Resilience;

/// <summary>
/// What the attempts of one call have seen, so the outcome of a timeout can be told apart afterwards. It travels with
/// each attempt's request message (<see cref="Http.HaloRequestOptions.Attempt"/>) so the pipeline's handlers can read
/// the call's deadline and record what they sent.
/// </summary>
internal sealed class HaloAttemptState(HaloRequest request, DateTimeOffset deadline)
{
    public HaloRequest Request { get; } = request;

    /// <summary>When the whole call (every attempt and back-off) must be over; waits for a permit end before it.</summary>
    public DateTimeOffset Deadline { get; } = deadline;

    /// <summary>True from the moment a request is handed to the transport until its whole answer is read (or it
    /// provably never left). A write that fails while this is set may have been applied.</summary>
    public bool InFlight { get; set; }

    /// <summary>The last complete answer HaloPSA gave.</summary>
    public HaloResponse? LastResponse { get; set; }

    /// <summary>How many HTTP exchanges were made (including the re-send after a 401).</summary>
    public int Attempts { get; set; }
}
