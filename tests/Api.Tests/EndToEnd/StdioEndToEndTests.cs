using System.Collections.Concurrent;
using HaloMcp.HaloSim;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using static HaloMcp.Api.Tests.EndToEnd.E2e;

namespace HaloMcp.Api.Tests.EndToEnd;

/// <summary>
/// The built server run as a process with <c>--stdio</c>, configured the way each reference server is (HALOPSA_*,
/// HALO_*, X_*), answering tools/list and a real call against the simulator running in this process.
/// </summary>
public sealed class StdioEndToEndTests : IAsyncLifetime
{
    private const string Secret = "stdio-halo-secret-51f0c2a7d3e9";

    /// <summary>Every variable any scheme reads; blanked so the test machine's environment cannot leak in.</summary>
    private static readonly string[] AllVariables =
    [
        "HALOPSA_CLIENT_ID", "HALOPSA_CLIENT_SECRET", "HALOPSA_TENANT", "HALOPSA_BASE_URL", "HALOPSA_AUTH_URL", "HALOPSA_SCOPE",
        "HALO_INSTANCE_URL", "HALO_CLIENT_ID", "HALO_CLIENT_SECRET", "X_CLIENT_ID", "X_CLIENT_SECRET", "X_TENANT",
    ];

    private HaloSimHost _sim = null!;

    public async Task InitializeAsync() =>
        _sim = await HaloSimHost.StartAsync(
            new HaloSimOptions
            {
                Instances =
                [
                    new SimInstanceOptions
                    {
                        Name = "stdio", ClientId = "stdio-client", ClientSecret = Secret, Seed = 5, Sizes = EndToEndHost.BetaSizes(),
                    },
                ],
            },
            loggerFactory: NullLoggerFactory.Instance);

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    public static TheoryData<string> Schemes() => ["HALOPSA", "HALO", "X"];

    [Theory]
    [MemberData(nameof(Schemes))]
    public async Task Stdio_server_lists_tools_and_calls_HaloPSA_with_each_naming_scheme(string scheme)
    {
        var url = _sim.InstanceUrl("stdio").ToString().TrimEnd('/');
        var environment = AllVariables.ToDictionary(v => v, _ => (string?)string.Empty);
        environment["Logging__LogLevel__Default"] = "Warning";
        switch (scheme)
        {
            case "HALOPSA":
                environment["HALOPSA_BASE_URL"] = url;
                environment["HALOPSA_CLIENT_ID"] = "stdio-client";
                environment["HALOPSA_CLIENT_SECRET"] = Secret;
                break;
            case "HALO":
                environment["HALO_INSTANCE_URL"] = url;
                environment["HALO_CLIENT_ID"] = "stdio-client";
                environment["HALO_CLIENT_SECRET"] = Secret;
                break;
            default:
                // The X_* server names a hosted tenant; a value with a scheme is taken as the instance URL itself.
                environment["X_TENANT"] = url;
                environment["X_CLIENT_ID"] = "stdio-client";
                environment["X_CLIENT_SECRET"] = Secret;
                break;
        }

        var stderr = new ConcurrentQueue<string>();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "halomcp-" + scheme,
            Command = "dotnet",
            Arguments = [Path.Combine(AppContext.BaseDirectory, "HaloMcp.Api.dll"), "--stdio"],
            EnvironmentVariables = environment,
            StandardErrorLines = stderr.Enqueue,
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var client = await McpClient.CreateAsync(transport, cancellationToken: timeout.Token);

        var tools = await client.ListToolsAsync(cancellationToken: timeout.Token);
        Assert.Empty(ToolCatalogueTests.ToolsMd.Except(tools.Select(t => t.Name)));

        const int id = 42;
        var record = _sim.Instance("stdio").Data.Get(SimEntityKind.Ticket, id)!;
        var result = await client.CallToolAsync("halopsa_get_ticket", Args(("ticket_id", id)), cancellationToken: timeout.Token);
        Assert.True(result.IsError != true, $"{Text(result)}\n{string.Join('\n', stderr)}");
        var ticket = result.StructuredContent!.Value;
        Assert.Equal(record.Str("summary"), ticket.Str("summary"));
        Assert.Equal(record.Int("client_id"), ticket.Int("client_id"));
        Assert.Equal(1, _sim.Instance("stdio").Requests.Count("POST", "/auth/token"));
        Assert.Equal(1, _sim.Instance("stdio").Requests.Count("GET", $"/api/Tickets/{id}"));
        Assert.DoesNotContain(stderr, l => l.Contains(Secret, StringComparison.Ordinal));
    }
}
