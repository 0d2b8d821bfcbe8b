namespace HaloMcp.Grains.Answers;

/// <summary>
/// What the grains tell a tenant's customer directory about changes (internal to the grains: the Api never calls it).
/// It touches memory only, so it interleaves with reads in flight.
/// </summary>
[Alias("halo.ICustomerAnswers")]
public interface ICustomerAnswers : IGrainWithStringKey
{
    /// <summary>Drops the cached answers that show a record of <paramref name="kinds"/>; answers how many went.</summary>
    [AlwaysInterleave]
    [Alias("Drop")]
    Task<int> DropAsync(AnswerKinds kinds);
}
