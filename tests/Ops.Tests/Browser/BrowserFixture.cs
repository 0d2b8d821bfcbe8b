using HaloMcp.Ops.Tests.Support;

namespace HaloMcp.Ops.Tests.Browser;

/// <summary>One server and one chromium for every browser test (each test opens its own browser context).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public OpsHost Host { get; private set; } = null!;

    public Chromium Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await OpsHost.StartAsync();
        Chromium = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        await Host.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
