namespace HaloMcp.Grains.Answers;

/// <summary>
/// What the grains tell a tenant's service desk about changes (internal to the grains: the Api never calls it). It
/// touches memory only, so it interleaves with reads in flight.
/// </summary>
[Alias("halo.IServiceDeskAnswers")]
public interface IServiceDeskAnswers : IGrainWithStringKey
{
    /// <summary>Drops the cached answers that show a record of <paramref name="kinds"/>; answers how many went.</summary>
    [AlwaysInterleave]
    [Alias("Drop")]
    Task<int> DropAsync(AnswerKinds kinds);

    /// <summary>
    /// Ticket <paramref name="ticketId"/> changed, and is now <paramref name="now"/> (null when it was deleted or its
    /// state is not known): the cached ticket lists it can be placed in exactly take it, every other ticket answer goes.
    /// </summary>
    [AlwaysInterleave]
    [Alias("TicketChanged")]
    Task<int> TicketChangedAsync(int ticketId, Tickets.TicketDetail? now, bool deleted);
}
