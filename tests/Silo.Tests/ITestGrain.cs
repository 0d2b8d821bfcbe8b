using HaloMcp.Grains;

namespace HaloMcp.Silo.Tests;

public interface ITestGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();

    ValueTask<int> IncrementValueAsync();

    [ReadOnly]
    Task<int> GetAsync();

    Task FailAsync();

    Task FailSynchronouslyAsync();

    Task EnterAsync(int n);

    Task EnterWithTokenAsync(int n, CancellationToken cancellationToken);

    Task BlockAsync();

    [ReadOnly]
    Task ReadAndHoldAsync();

    Task WriteAsync(string tag);

    [ReadOnly]
    Task ReadAsync(string tag);

    [AlwaysInterleave]
    Task<int> PeekAsync();

    Task WaitForCancellationAsync(CancellationToken cancellationToken);

    Task<DateTimeOffset?> GetDeadlineAsync();

    Task<string> InstanceAsync();

    Task<string> CallSelfAsync();

    Task DeactivateAsync();

    ValueTask MeetAsync();
}
