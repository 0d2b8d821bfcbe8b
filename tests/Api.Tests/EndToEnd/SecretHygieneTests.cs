using System.Net;
using System.Net.Http.Headers;
using System.Text;
using HaloMcp.HaloSim;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using static HaloMcp.Api.Tests.EndToEnd.E2e;

namespace HaloMcp.Api.Tests.EndToEnd;

/// <summary>HaloPSA client secrets and our API keys never appear in a response, an error or a log line.</summary>
public sealed class SecretHygieneTests : IAsyncLifetime
{
    private const string WrongKey = "hmk_e2e-wrong-key-77e2b1c0d9f8a7b6c5d4e3f2a1b0";

    private readonly List<string> _seen = [];
    private EndToEndHost _host = null!;

    public async Task InitializeAsync() => _host = await EndToEndHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Secrets_and_keys_appear_in_no_result_error_or_log_line()
    {
        await using var alpha = await _host.ConnectAsync(EndToEndHost.AlphaKey);
        await using var beta = await _host.ConnectAsync(EndToEndHost.BetaKey);
        await using var broken = await _host.ConnectAsync(EndToEndHost.BrokenKey);

        // Successes, including the tool that describes the connection.
        await Record(alpha, "halopsa_get_connection");
        await Record(alpha, "halopsa_list_tickets", ("page_size", 10));
        await Record(alpha, "halopsa_get_ticket", ("ticket_id", 1));
        await Record(alpha, "halopsa_revenue_breakdown", ("client_id", 1), ("date_from", "2025-01-01"), ("date_to", "2026-01-01"));
        await Record(beta, "halopsa_list_clients");
        await Record(beta, "halopsa_create_ticket", ("summary", "Secret hygiene"), ("client_id", 1));

        // A tenant whose HaloPSA secret is wrong.
        var refused = await Record(broken, "halopsa_get_ticket", ("ticket_id", 1));
        Assert.True(refused.IsError);
        Assert.Contains("client id and secret", Text(refused), StringComparison.OrdinalIgnoreCase);
        await Record(broken, "halopsa_get_connection");

        // Our own 401s: an unknown key, and a real key with a character added.
        await RecordRaw(WrongKey);
        await RecordRaw(EndToEndHost.AlphaKey + "0");

        // HaloPSA revokes the token mid-flight: the server must get a new one without leaking either.
        _host.Alpha.RevokeTokens();
        await Record(alpha, "halopsa_get_ticket", ("ticket_id", 2));

        // HaloPSA fails with 5xx on a read and on a write, and applies a write but answers 500.
        _host.Alpha.Faults.ErrorRate = 1;
        var failedRead = await Record(alpha, "halopsa_get_ticket", ("ticket_id", 3));
        var failedWrite = await Record(alpha, "halopsa_create_client", ("name", "Secret hygiene client"));
        _host.Alpha.Faults.Reset();
        Assert.True(failedRead.IsError);
        Assert.True(failedWrite.IsError);
        _host.Beta.Faults.ApplyThenFail(1);
        Assert.True((await Record(beta, "halopsa_add_ticket_action", ("ticket_id", 1), ("note", "Applied then failed"))).IsError);

        var logs = _host.Logs.Lines;
        Assert.Contains(logs, l => l.StartsWith("Warning", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal));
        Assert.True(_seen.Count >= 14, "every call's answer was recorded");
        string[] secrets =
        [
            EndToEndHost.AlphaSecret, EndToEndHost.BetaSecret, EndToEndHost.BrokenSecret,
            EndToEndHost.AlphaKey, EndToEndHost.BetaKey, EndToEndHost.BrokenKey, WrongKey,
        ];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(_seen, s => s.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(logs, l => l.Contains(secret, StringComparison.Ordinal));

            // Not even a recognisable fragment of one.
            var fragment = secret[^12..];
            Assert.DoesNotContain(_seen, s => s.Contains(fragment, StringComparison.Ordinal));
            Assert.DoesNotContain(logs, l => l.Contains(fragment, StringComparison.Ordinal));
        }
    }

    private async Task<CallToolResult> Record(McpClient client, string tool, params (string Name, object? Value)[] args)
    {
        try
        {
            var result = await client.CallToolAsync(tool, Args(args));
            _seen.Add(Text(result));
            if (result.StructuredContent is { } structured)
            {
                _seen.Add(structured.GetRawText());
            }

            return result;
        }
        catch (McpException ex)
        {
            _seen.Add(ex.ToString());
            throw;
        }
    }

    private async Task RecordRaw(string key)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _host.McpUrl)
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept", "application/json, text/event-stream");
        request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        _seen.Add(response.Headers.ToString());
        _seen.Add(await response.Content.ReadAsStringAsync());
    }
}
