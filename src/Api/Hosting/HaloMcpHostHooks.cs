using Microsoft.Extensions.DependencyInjection;

namespace HaloMcp.Api.Hosting;

/// <summary>Extension points for whoever builds the host in-process (tests, the demo): extra services and tools.</summary>
public sealed class HaloMcpHostHooks
{
    /// <summary>Runs after the host's own services are registered, so registrations here win.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Adds tools, filters or handlers to the MCP server (e.g. <c>b =&gt; b.WithTools&lt;MyTools&gt;()</c>).</summary>
    public Action<IMcpServerBuilder>? ConfigureMcpServer { get; init; }
}
