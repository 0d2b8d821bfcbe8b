using HaloMcp.Ops.Tests.Support;

namespace HaloMcp.Ops.Tests.Access;

/// <summary>
/// One server for the access tests. Its failed-attempt limit is high: these tests try wrong keys on purpose and all
/// come from 127.0.0.1 (the throttle has its own test and server).
/// </summary>
public sealed class AccessFixture : IAsyncLifetime
{
    public OpsHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await OpsHost.StartAsync("--Mcp:AuthFailureLimit=1000");

    public Task DisposeAsync() => Host.DisposeAsync().AsTask();
}
