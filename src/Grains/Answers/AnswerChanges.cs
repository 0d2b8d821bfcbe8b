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
