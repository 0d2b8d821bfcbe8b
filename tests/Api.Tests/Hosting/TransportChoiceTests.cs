using System.Diagnostics;
using HaloMcp.Api.Hosting;
using HaloMcp.Api.Tests.Support;
using ModelContextProtocol.Client;

namespace HaloMcp.Api.Tests.Hosting;

/// <summary>
/// The container image sets <c>HALOMCP_TRANSPORT=auto</c>, so the reference servers' users' line
/// <c>docker run -i --rm -e HALO_INSTANCE_URL=... -e HALO_CLIENT_ID=... -e HALO_CLIENT_SECRET=... IMAGE</c> speaks MCP
/// over stdio with no argument, while the same image without those variables serves HTTP.
/// </summary>
public sealed class TransportChoiceTests
{
    private static readonly Dictionary<string, string> HaloCredentials = new()
    {
        ["HALO_INSTANCE_URL"] = "https://halo.example.org",
        ["HALO_CLIENT_ID"] = "id-b",
        ["HALO_CLIENT_SECRET"] = "secret-b",
    };

    public static TheoryData<string?, string[], string[], HostCommand> Choices => new()
    {
        // HALOMCP_TRANSPORT, command line, variables set, what runs
        { "auto", [], ["HALO_INSTANCE_URL", "HALO_CLIENT_ID", "HALO_CLIENT_SECRET"], HostCommand.Stdio },
        { "auto", [], ["HALOPSA_BASE_URL", "HALOPSA_CLIENT_ID", "HALOPSA_CLIENT_SECRET"], HostCommand.Stdio },
        { "AUTO", [], ["X_TENANT", "X_CLIENT_ID", "X_CLIENT_SECRET"], HostCommand.Stdio },
        { "auto", [], ["HALO_CLIENT_ID"], HostCommand.Stdio },
        { "auto", [], [], HostCommand.Http },
        { "auto", ["--Orleans:ClusterId=x"], [], HostCommand.Http },
        { "auto", ["--demo"], ["HALO_INSTANCE_URL", "HALO_CLIENT_ID", "HALO_CLIENT_SECRET"], HostCommand.Http },
        { "auto", ["--tenants-file", "t.json"], ["HALO_INSTANCE_URL", "HALO_CLIENT_ID", "HALO_CLIENT_SECRET"], HostCommand.Http },
        { "auto", ["--urls", "http://0.0.0.0:8080"], ["HALO_INSTANCE_URL", "HALO_CLIENT_ID", "HALO_CLIENT_SECRET"], HostCommand.Http },
        { "auto", ["--stdio"], [], HostCommand.Stdio },
        { "auto", ["hash-key"], ["HALO_INSTANCE_URL", "HALO_CLIENT_ID", "HALO_CLIENT_SECRET"], HostCommand.HashKey },
        { "http", [], ["HALO_INSTANCE_URL", "HALO_CLIENT_ID", "HALO_CLIENT_SECRET"], HostCommand.Http },
        { null, [], ["HALO_INSTANCE_URL", "HALO_CLIENT_ID", "HALO_CLIENT_SECRET"], HostCommand.Http },
        { "stdio", [], [], HostCommand.Stdio },
        { "stdio", ["hash-password"], [], HostCommand.HashPassword },
    };

    [Theory]
    [MemberData(nameof(Choices))]
    public void The_transport_follows_the_command_line_first_then_HALOMCP_TRANSPORT(string? transport, string[] args, string[] variables, HostCommand expected)
    {
        var environment = variables.ToDictionary(v => v, v => "value");
        if (transport is not null)
        {
            environment[HostCommandLine.TransportVariable] = transport;
        }

        Assert.Equal(expected, HostCommandLine.Parse(args).ResolveCommand(environment.GetValueOrDefault));
    }

    [Fact]
    public void An_unknown_transport_is_refused_with_the_valid_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => HostCommandLine.Parse([]).ResolveCommand(v => v == HostCommandLine.TransportVariable ? "sse" : null));

        Assert.Equal("HALOMCP_TRANSPORT must be http, stdio or auto, not 'sse'.", error.Message);
    }

    [Fact]
    public async Task With_auto_and_the_reference_servers_variables_the_bare_executable_speaks_MCP_over_stdio()
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "halomcp-auto",
            Command = "dotnet",
            Arguments = [ServerProcess.ServerDll],
            EnvironmentVariables = Variables(new(HaloCredentials) { [HostCommandLine.TransportVariable] = "auto" }),
        });
        await using var client = await McpClient.CreateAsync(transport);

        var result = await client.CallToolAsync("halopsa_get_connection");

        var structured = result.StructuredContent!.Value;
        Assert.Equal("stdio", structured.GetProperty("tenant_id").GetString());
        Assert.Equal("https://halo.example.org", structured.GetProperty("halo_url").GetString());
    }

    [Fact]
    public async Task With_auto_and_half_the_variables_the_executable_says_what_is_missing_instead_of_serving_HTTP()
    {
        var (exitCode, stdout, stderr) = await ServerProcess.RunAsync([], new Dictionary<string, string>
        {
            [HostCommandLine.TransportVariable] = "auto",
            ["HALO_INSTANCE_URL"] = "https://halo.example.org",
        });

        Assert.Equal(1, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("HaloPSA credentials are missing", stderr, StringComparison.Ordinal);
        Assert.Contains("HALO_CLIENT_ID", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_auto_and_no_HaloPSA_variables_the_executable_serves_HTTP()
    {
        var info = ServerProcess.StartInfo(["--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information"], new Dictionary<string, string>
        {
            [HostCommandLine.TransportVariable] = "auto",

            // As the image gives it: an address from the environment, not a command-line mode.
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        });
        using var process = Process.Start(info)!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            string? line;
            do
            {
                line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            }
            while (line is not null && !line.Contains("Now listening on:", StringComparison.Ordinal));

            Assert.NotNull(line);
            var url = new Uri(line[(line.IndexOf("http://", StringComparison.Ordinal))..].Trim());
            using var http = new HttpClient();
            var health = await http.GetStringAsync(new Uri(url, HaloMcpHost.HealthPath), timeout.Token);
            Assert.Equal("Healthy", health);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static Dictionary<string, string?> Variables(Dictionary<string, string> given)
    {
        var variables = ServerProcess.HaloVariables.ToDictionary(v => v, v => (string?)null);
        foreach (var (name, value) in given)
        {
            variables[name] = value;
        }

        return variables;
    }
}
