using System.Reflection;
using HaloMcp.Api.Auth;
using HaloMcp.Api.Hosting;
using HaloMcp.Api.Mcp;
using HaloMcp.Api.Tools;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The MCP server HaloMcp serves over HTTP and stdio: its identity, its call filters and its tools.</summary>
public static class HaloMcpServerExtensions
{
    // Stateless: the server's options are built for every request, so nothing here may cost reflection each time.
    private static readonly Implementation ServerInfo = new()
    {
        Name = "halomcp",
        Title = "HaloMcp (HaloPSA)",
        Version = typeof(HaloMcpHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0",
    };

    /// <summary>What the client's model is told once, instead of in every tool's schema.</summary>
    public const string ServerInstructions =
        "Tools for one HaloPSA instance (the one your API key belongs to): tickets, clients, sites, users, assets, contracts, " +
        "invoices, projects and revenue. Text arguments are one line of at most 255 characters unless their schema gives a " +
        "maxLength; dates are ISO 8601, UTC unless an offset is given.";

    /// <summary>
    /// Adds the MCP server with the catalogue's tools. Call filters, outermost first: one log line per call, the one
    /// error mapping, the caller's write access, argument validation against the published input schema, and the
    /// compact text of the result. A caller who may not write does not see the tools that write.
    /// </summary>
    public static IMcpServerBuilder AddHaloMcpServer(this IServiceCollection services)
    {
        return services
            .AddMcpServer(o =>
            {
                o.ServerInfo = ServerInfo;
                o.ServerInstructions = ServerInstructions;
            })
            .WithMessageFilters(f => f.AddIncomingFilter(InitializeNegotiation.Wrap))
            .WithRequestFilters(f => f
                .AddListToolsFilter(WriteAccessFilter.WrapList)
                .AddCallToolFilter(ToolCallLog.Wrap)
                .AddCallToolFilter(ToolErrorFilter.Wrap)
                .AddCallToolFilter(WriteAccessFilter.WrapCall)
                .AddCallToolFilter(ArgumentValidationFilter.Wrap)
                .AddCallToolFilter(StructuredTextFilter.Wrap))
            .WithHaloTools();
    }

    /// <summary>
    /// Registers every <see cref="McpServerToolAttribute"/> method of the <see cref="McpServerToolTypeAttribute"/>
    /// classes in this assembly, as <c>WithTools&lt;T&gt;()</c> does, with the catalogue's JSON options and its
    /// schemas shaped by <see cref="ToolSchemaShaping"/>.
    /// </summary>
    public static IMcpServerBuilder WithHaloTools(this IMcpServerBuilder builder)
    {
        var toolTypes = typeof(ToolJson).Assembly.GetTypes().Where(t => t.GetCustomAttribute<McpServerToolTypeAttribute>() is not null);
        foreach (var type in toolTypes)
        {
            // One factory per class, resolved against each request's services: the tools' grain seam is scoped.
            var create = ActivatorUtilities.CreateFactory(type, Type.EmptyTypes);
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m.GetCustomAttribute<McpServerToolAttribute>() is not null))
            {
                builder.Services.AddSingleton(services =>
                {
                    var options = new McpServerToolCreateOptions { Services = services, SerializerOptions = ToolJson.Options, SchemaCreateOptions = ToolSchemaShaping.CreateOptions };
                    var tool = method.IsStatic
                        ? McpServerTool.Create(method, target: null, options)
                        : McpServerTool.Create(method, request => create(request.Services!, null), options);
                    return ToolSchemaShaping.Shape(tool, method.GetCustomAttribute<ResultLeavesOutAttribute>()?.Properties);
                });
            }
        }

        return builder;
    }
}
