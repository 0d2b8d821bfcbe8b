using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace HaloMcp.Bench.Micro;

/// <summary>
/// JSON-RPC handling of one <c>tools/call</c> by the MCP endpoint, without sockets: authentication (the API-key
/// scheme, as the middleware runs it), the endpoint filters, the SDK's stateless handler with its per-request MCP
/// server, the call filters, the tool, the grain call (a warm cache) and the SSE answer written to memory.
/// </summary>
public class ToolCallBenchmarks
{
    private static readonly byte[] ListStatuses = Encoding.UTF8.GetBytes(
        """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"halopsa_list_statuses","arguments":{}}}""");

    private static readonly byte[] GetAgent = Encoding.UTF8.GetBytes(
        """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"halopsa_list_agents","arguments":{"search":"a"}}}""");

    private InProcessServer _server = null!;
    private RequestDelegate _endpoint = null!;
    private IServiceScopeFactory _scopes = null!;
    private IOptionsFactory<McpServerOptions> _options = null!;
    private ILoggerFactory _loggers = null!;

    // Synchronous on purpose: the in-process toolchain does not await an async [GlobalSetup].
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _server = await InProcessServer.StartAsync();
        _endpoint = _server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Single(e => e.RoutePattern.RawText?.TrimEnd('/') == "/mcp" && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Post) == true)
            .RequestDelegate!;
        _scopes = _server.App.Services.GetRequiredService<IServiceScopeFactory>();
        _options = _server.App.Services.GetRequiredService<IOptionsFactory<McpServerOptions>>();
        _loggers = _server.App.Services.GetRequiredService<ILoggerFactory>();
        await CallAsync(ListStatuses);
        await CallAsync(GetAgent);
    }

    [GlobalCleanup]
    public void Cleanup() => _server.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "tools/call halopsa_list_statuses (cached)")]
    public Task<long> ListStatusesCall() => CallAsync(ListStatuses);

    [Benchmark(Description = "tools/call halopsa_list_agents search (cached list, filtered)")]
    public Task<long> ListAgentsCall() => CallAsync(GetAgent);

    /// <summary>What the endpoint pays per request before any JSON-RPC work: building the MCP server's options.</summary>
    [Benchmark(Description = "McpServerOptions built per request (part of the above)")]
    public McpServerOptions ServerOptions() => _options.Create(Options.DefaultName);

    /// <summary>The rest of the per-request set-up: a stateless transport and an <see cref="McpServer"/>, created and disposed unused.</summary>
    [Benchmark(Description = "transport + McpServer created and disposed per request (part of the above)")]
    public async Task ServerPerRequest()
    {
        await using var scope = _scopes.CreateAsyncScope();
        var options = _options.Create(Options.DefaultName);
        options.ScopeRequests = false;
        var transport = new StreamableHttpServerTransport(_loggers) { Stateless = true };
        var server = McpServer.Create(transport, options, _loggers, scope.ServiceProvider);
        await transport.DisposeAsync();
        await server.DisposeAsync();
    }

    private async Task<long> CallAsync(byte[] body)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var request = context.Request;
        request.Method = HttpMethods.Post;
        request.Scheme = "http";
        request.Host = new HostString("127.0.0.1");
        request.Path = "/mcp";
        request.ContentType = "application/json";
        request.ContentLength = body.Length;
        request.Headers.Accept = "application/json, text/event-stream";
        request.Headers["MCP-Protocol-Version"] = "2025-11-25";
        request.Headers.Authorization = "Bearer " + InProcessServer.ApiKey;
        request.Body = new MemoryStream(body, writable: false);
        var response = new MemoryStream();
        context.Response.Body = response;
        context.User = (await context.AuthenticateAsync()).Principal!;
        await _endpoint(context);
        if (context.Response.StatusCode != StatusCodes.Status200OK || response.Length < 100)
        {
            throw new InvalidOperationException($"tools/call answered {context.Response.StatusCode}: {Encoding.UTF8.GetString(response.ToArray())}");
        }

        return response.Length;
    }
}
