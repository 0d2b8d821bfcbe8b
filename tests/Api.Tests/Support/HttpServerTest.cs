namespace HaloMcp.Api.Tests.Support;

/// <summary>A test class with its own real server per test and a plain HTTP client for hand-built requests.</summary>
public abstract class HttpServerTest : IAsyncLifetime
{
    protected McpTestServer Server { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await StartServerAsync();
        Http = Server.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>Starts the server the tests run against; override for other options.</summary>
    protected virtual Task<McpTestServer> StartServerAsync() => McpTestServer.StartAsync();
}
