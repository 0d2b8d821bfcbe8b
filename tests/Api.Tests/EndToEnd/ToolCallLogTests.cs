using System.Globalization;
using System.Text.RegularExpressions;
using static HaloMcp.Api.Tests.EndToEnd.E2e;

namespace HaloMcp.Api.Tests.EndToEnd;

/// <summary>
/// What a tool call leaves in the log at the default levels: one line (tenant, tool, outcome, duration, upstream
/// requests), and no line that input can break into two.
/// </summary>
public sealed partial class ToolCallLogTests
{
    [Fact]
    public async Task A_tool_call_writes_one_short_line_naming_tenant_tool_outcome_duration_and_its_upstream_requests()
    {
        await using var host = await EndToEndHost.StartAsync("--Logging:LogLevel:Default=Information");
        await using var client = await host.ConnectAsync(EndToEndHost.AlphaKey);
        var linesBefore = host.Logs.Lines.Count;
        var requestsBefore = host.Alpha.Requests.Entries.Count;

        await CallOk(client, "halopsa_get_ticket", Args(("ticket_id", 5)));
        // Without its actions: a not-found ticket ends the call while a side-by-side actions read may still be on its
        // way to HaloPSA, after the call's line is written.
        var refused = await client.CallToolAsync("halopsa_get_ticket", Args(("ticket_id", 987_654), ("include_actions", false)));

        var upstream = host.Alpha.Requests.Entries.Count - requestsBefore;
        // A not-found is also a warning of the HaloPSA client (the grains' own log), and a starved machine makes Orleans'
        // health monitor warn about thread-pool stalls; everything else is one line per call.
        var lines = host.Logs.Lines.Skip(linesBefore)
            .Where(l => !l.StartsWith("Warning HaloMcp.Grains.HaloPsa.HaloApiClient", StringComparison.Ordinal)
                && !l.StartsWith("Warning Orleans.Runtime.MembershipService.LocalSiloHealthMonitor", StringComparison.Ordinal))
            .ToList();
        Assert.True(refused.IsError);
        Assert.True(lines.Count == 2, string.Join("\n", lines));
        var first = CallLine().Match(lines[0]);
        Assert.True(first.Success, lines[0]);
        Assert.Equal(("halopsa_get_ticket", "alpha", "ok"), (first.Groups["tool"].Value, first.Groups["tenant"].Value, first.Groups["outcome"].Value));
        var second = CallLine().Match(lines[1]);
        Assert.Equal("not-found", second.Groups["outcome"].Value);

        // Every upstream request is counted against the call that made it: the first call fetched a token, the
        // ticket and its actions; the second asked for a ticket HaloPSA does not have.
        Assert.Equal(upstream, int.Parse(first.Groups["upstream"].Value, CultureInfo.InvariantCulture) + int.Parse(second.Groups["upstream"].Value, CultureInfo.InvariantCulture));
        Assert.Equal(3, int.Parse(first.Groups["upstream"].Value, CultureInfo.InvariantCulture));
        Assert.All(lines, l => Assert.True(l.Length < 600, $"{l.Length} characters: {l}"));
    }

    [Fact]
    public async Task Line_breaks_in_arguments_never_reach_the_log_raw()
    {
        await using var host = await EndToEndHost.StartAsync("--Logging:LogLevel:Default=Debug");
        await using var client = await host.ConnectAsync(EndToEndHost.AlphaKey);

        await CallOk(client, "halopsa_add_ticket_action", Args(("ticket_id", 4), ("note", "ok\nINFO forged: admin logged in\r\n")));
        await client.CallToolAsync("halopsa_list_tickets", Args(("search", "vpn\nINFO forged: a line of its own")));
        using (var http = new HttpClient())
        using (var request = new HttpRequestMessage(HttpMethod.Post, host.McpUrl)
        {
            Content = new StringContent(
                """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"forged\nINFO fake_tool","arguments":{}}}""",
                System.Text.Encoding.UTF8,
                "application/json"),
        })
        {
            request.Headers.Authorization = new("Bearer", EndToEndHost.AlphaKey);
            request.Headers.TryAddWithoutValidation("Accept", "application/json, text/event-stream");
            using var response = await http.SendAsync(request);
            Assert.Contains("-32602", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var forged = host.Logs.Lines.Where(l => l.Contains("forged", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(forged);
        Assert.All(forged, l => Assert.DoesNotMatch("[\r\n]", l));
    }

    [GeneratedRegex(@"\[1110\] .*: Tool call (?<tool>\S+) for tenant (?<tenant>\S+): (?<outcome>\S+) in [0-9.]+ ms, (?<upstream>\d+) upstream requests \|")]
    private static partial Regex CallLine();
}
