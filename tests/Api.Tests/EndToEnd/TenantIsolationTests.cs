using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using HaloMcp.HaloSim;
using static HaloMcp.Api.Tests.EndToEnd.E2e;

namespace HaloMcp.Api.Tests.EndToEnd;

/// <summary>Two tenants on two simulator instances, through one server: neither ever sees the other's data.</summary>
public sealed class TenantIsolationTests : IAsyncLifetime
{
    private EndToEndHost _host = null!;

    public async Task InitializeAsync() => _host = await EndToEndHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Interleaved_concurrent_calls_of_two_tenants_each_see_only_their_own_data()
    {
        await using var alpha = await _host.ConnectAsync(EndToEndHost.AlphaKey);
        await using var beta = await _host.ConnectAsync(EndToEndHost.BetaKey);

        // 100 calls per tenant, alternating, all in flight together: same ticket ids, different records behind them.
        var calls = Enumerable.Range(0, 100).SelectMany(i => new[]
        {
            CheckAsync(alpha, _host.Alpha, "alpha", i),
            CheckAsync(beta, _host.Beta, "beta", i),
        });
        await Task.WhenAll(calls);
    }

    [Fact]
    public async Task A_ticket_id_that_exists_only_in_tenant_A_is_not_found_for_tenant_B()
    {
        const int id = EndToEndHost.TicketOnlyInAlpha;
        var alphaRecord = _host.Alpha.Data.Get(SimEntityKind.Ticket, id)!;
        Assert.Null(_host.Beta.Data.Get(SimEntityKind.Ticket, id));
        Assert.Null(_host.Beta.Data.Get(SimEntityKind.Project, id));
        await using var alpha = await _host.ConnectAsync(EndToEndHost.AlphaKey);
        await using var beta = await _host.ConnectAsync(EndToEndHost.BetaKey);

        // Alpha reads it first, so a cache keyed without the tenant would hand it to beta.
        var alphaTicket = await CallOk(alpha, "halopsa_get_ticket", Args(("ticket_id", id)));
        Assert.Equal(alphaRecord.Str("summary"), alphaTicket.Str("summary"));

        var answer = await beta.CallToolAsync("halopsa_get_ticket", Args(("ticket_id", id)));
        Assert.True(answer.IsError);
        var text = Text(answer);
        Assert.Contains(id.ToString(System.Globalization.CultureInfo.InvariantCulture), text);
        Assert.DoesNotContain(alphaRecord.Str("summary")!, text);
        Assert.Null(answer.StructuredContent);
        Assert.Equal(1, _host.Beta.Requests.Entries.Count(e => e.Path.Equals($"/api/Tickets/{id}", StringComparison.OrdinalIgnoreCase) && e.StatusCode == 404));

        // And a list of beta's tickets never reaches alpha's id range.
        var list = await CallOk(beta, "halopsa_list_tickets", Args(("page_size", 100), ("page", 2)));
        Assert.Equal(_host.Beta.Data.Count(SimEntityKind.Ticket), list.Int("total"));
        Assert.All(list.Items(), i => Assert.True(i.Int("id") <= EndToEndHost.BetaSizes().Tickets));
    }

    [Theory]
    [InlineData("hmk_not-a-configured-key-000000000000000000000")]
    [InlineData(EndToEndHost.AlphaKey + "x")]
    [InlineData(null)]
    public async Task A_wrong_or_missing_key_gets_401_and_reaches_no_HaloPSA(string? key)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _host.McpUrl)
        {
            Content = new StringContent(
                """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"halopsa_get_ticket","arguments":{"ticket_id":1}}}""",
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept", "application/json, text/event-stream");
        request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("summary", body, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(_host.Alpha.Requests.Entries);
        Assert.Empty(_host.Beta.Requests.Entries);
    }

    private static async Task CheckAsync(ModelContextProtocol.Client.McpClient client, SimInstance sim, string tenant, int i)
    {
        switch (i % 4)
        {
            case 0 or 1:
                var id = 1 + (i * 7 % 100);
                var record = sim.Data.Get(SimEntityKind.Ticket, id)!;
                var ticket = await CallOk(client, "halopsa_get_ticket", Args(("ticket_id", id), ("include_actions", i % 2 == 0)));
                Assert.Equal(record.Str("summary"), ticket.Str("summary"));
                Assert.Equal(record.Int("client_id"), ticket.Int("client_id"));
                Assert.Equal(record.Str("details"), ticket.Str("details"));
                Assert.Equal(record.Instant("dateoccurred"), ticket.GetProperty("date_occurred").GetDateTimeOffset());
                break;
            case 2:
                var page = await CallOk(client, "halopsa_list_tickets", Args(("page_size", 5), ("page", 1 + (i % 3))));
                Assert.Equal(sim.Data.Count(SimEntityKind.Ticket), page.Int("total"));
                foreach (var item in page.Items())
                {
                    Assert.Equal(sim.Data.Get(SimEntityKind.Ticket, item.Int("id"))!.Str("summary"), item.Str("summary"));
                }

                break;
            default:
                var connection = await client.CallToolAsync("halopsa_get_connection", Args());
                Assert.Equal(tenant, connection.StructuredContent!.Value.Str("tenant_id"));
                var clients = await CallOk(client, "halopsa_list_clients", Args(("page_size", 100), ("include_inactive", true)));
                Assert.Equal(sim.Data.Count(SimEntityKind.Client), clients.Int("total"));
                break;
        }
    }
}
