namespace HaloMcp.Grains.Answers;

/// <summary>Tells both of a tenant's answer caches (service desk, customer directory) that records of some kinds changed.</summary>
public static class AnswerChanges
{
    /// <summary>Drops <paramref name="tenantId"/>'s cached answers that show a record of <paramref name="kinds"/>; answers how many went.</summary>
    public static async Task<int> DropAsync(IGrainFactory grains, string tenantId, AnswerKinds kinds)
    {
        if (kinds == AnswerKinds.None)
        {
            return 0;
        }

        var dropped = await Task.WhenAll(
            grains.GetGrain<IServiceDeskAnswers>(tenantId).DropAsync(kinds),
            grains.GetGrain<ICustomerAnswers>(tenantId).DropAsync(kinds));
        return dropped.Sum();
    }

    /// <summary>
    /// Ticket <paramref name="ticketId"/> changed and is now <paramref name="now"/> (null: deleted, or not known): the
    /// service desk's ticket lists take it where they can, every other answer that shows tickets goes.
    /// </summary>
    public static async Task<int> TicketChangedAsync(IGrainFactory grains, string tenantId, int ticketId, Tickets.TicketDetail? now, bool deleted = false)
    {
        var touched = await Task.WhenAll(
            grains.GetGrain<IServiceDeskAnswers>(tenantId).TicketChangedAsync(ticketId, now, deleted),
            grains.GetGrain<ICustomerAnswers>(tenantId).DropAsync(AnswerKinds.Tickets));
        return touched.Sum();
    }

    /// <summary>
    /// Runs one of our own writes to ticket <paramref name="ticketId"/> (null: a create, whose answer names it), then
    /// tells the answer caches the ticket as <paramref name="now"/> says it is; when the write failed, as not known,
    /// since HaloPSA may have made it all the same.
    /// </summary>
    public static async Task<T> AfterTicketWriteAsync<T>(IGrainFactory grains, string tenantId, int? ticketId, Func<Task<T>> write, Func<T, (int Id, Tickets.TicketDetail? Now)> now)
    {
        T result;
        try
        {
            result = await write();
        }
        catch
        {
            if (ticketId is { } id)
            {
                await TicketChangedAsync(grains, tenantId, id, null);
            }
            else
            {
                await DropAsync(grains, tenantId, AnswerKinds.Tickets);
            }

            throw;
        }

        var (changed, state) = now(result);
        await TicketChangedAsync(grains, tenantId, changed, state);
        return result;
    }

    /// <summary>
    /// Runs one of our own writes, then drops the answers that may show records of <paramref name="kinds"/>: also when
    /// the write failed, since HaloPSA may have made it all the same.
    /// </summary>
    public static async Task<T> AfterWriteAsync<T>(IGrainFactory grains, string tenantId, AnswerKinds kinds, Func<Task<T>> write)
    {
        try
        {
            return await write();
        }
        finally
        {
            await DropAsync(grains, tenantId, kinds);
        }
    }
}
