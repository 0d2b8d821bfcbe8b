namespace HaloMcp.Api.Tests.OAuth;

/// <summary>One <see cref="OAuthHost"/> shared by a test class whose tests do not move its clock.</summary>
public sealed class OAuthHostFixture : IAsyncLifetime
{
    public OAuthHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await OAuthHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
