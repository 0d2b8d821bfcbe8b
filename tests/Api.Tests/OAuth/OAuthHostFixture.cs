namespace HaloMcp.Api.Tests.OAuth;

/// <summary>One <see cref="OAuthHost"/> shared by the tests of a class.</summary>
public class OAuthHostFixture : IAsyncLifetime
{
    public OAuthHost Host { get; private set; } = null!;

    /// <summary>The server's extra command-line arguments.</summary>
    protected virtual string[] Args => [];

    public async Task InitializeAsync() => Host = await OAuthHost.StartAsync(Args);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
