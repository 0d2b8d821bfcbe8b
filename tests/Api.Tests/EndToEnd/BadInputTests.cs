using ModelContextProtocol;
using static HaloMcp.Api.Tests.EndToEnd.E2e;

namespace HaloMcp.Api.Tests.EndToEnd;

/// <summary>Bad arguments are refused with a message naming the argument, before anything reaches HaloPSA.</summary>
public sealed class BadInputTests(BadInputTests.Fixture fixture) : IClassFixture<BadInputTests.Fixture>
{
    private static readonly string HundredKb = new('x', 100 * 1024);

    /// <summary>Case name → (tool, arguments, text the message must contain: the argument, quoted, as messages quote it).</summary>
    private static readonly Dictionary<string, (string Tool, Dictionary<string, object?> Args, string Names)> Table = new()
    {
        ["id as text"] = ("halopsa_get_ticket", Args(("ticket_id", "abc")), "'ticket_id'"),
        ["id as fraction"] = ("halopsa_get_ticket", Args(("ticket_id", 1.5)), "'ticket_id'"),
        ["id as list"] = ("halopsa_get_client", Args(("client_id", new[] { 1, 2 })), "'client_id'"),
        ["flag as text"] = ("halopsa_get_client", Args(("client_id", 1), ("include_sites", "yes")), "'include_sites'"),
        ["number as text"] = ("halopsa_add_ticket_action", Args(("ticket_id", 1), ("note", "n"), ("timetaken", "ten")), "'timetaken'"),
        ["date as prose"] = ("halopsa_list_invoices", Args(("date_from", "yesterday")), "'date_from'"),
        ["missing required id"] = ("halopsa_get_ticket", Args(), "'ticket_id'"),
        ["missing required text"] = ("halopsa_create_ticket", Args(("client_id", 1)), "'summary'"),
        ["missing second required"] = ("halopsa_create_asset", Args(("client_id", 1)), "'assettype_id'"),
        ["missing search entity"] = ("halopsa_search", Args(("query", "x")), "'entity'"),
        ["null required"] = ("halopsa_get_site", Args(("site_id", null)), "'site_id'"),
        ["zero id"] = ("halopsa_get_ticket", Args(("ticket_id", 0)), "'ticket_id'"),
        ["negative id"] = ("halopsa_get_invoice", Args(("invoice_id", -7)), "'invoice_id'"),
        ["id beyond int"] = ("halopsa_get_asset", Args(("asset_id", 3_000_000_000L)), "'asset_id'"),
        ["zero filter id"] = ("halopsa_list_tickets", Args(("client_id", 0)), "'client_id'"),
        ["negative revenue client"] = ("halopsa_revenue_breakdown", Args(("client_id", -1)), "'client_id'"),
        ["page zero"] = ("halopsa_list_tickets", Args(("page", 0)), "'page'"),
        ["page negative"] = ("halopsa_list_clients", Args(("page", -1)), "'page'"),
        ["page_size zero"] = ("halopsa_list_assets", Args(("page_size", 0)), "'page_size'"),
        ["page_size over 100"] = ("halopsa_list_tickets", Args(("page_size", 101)), "'page_size'"),
        ["page_size huge"] = ("halopsa_list_invoices", Args(("page_size", 1_000_000)), "'page_size'"),
        ["search limit over 50"] = ("halopsa_search", Args(("entity", "clients"), ("query", "x"), ("limit", 51)), "'limit'"),
        ["negative minutes"] = ("halopsa_add_ticket_action", Args(("ticket_id", 1), ("note", "n"), ("timetaken", -1)), "'timetaken'"),
        ["unknown search entity"] = ("halopsa_search", Args(("entity", "invoices"), ("query", "x")), "'entity'"),
        ["search entity as number"] = ("halopsa_search", Args(("entity", 3), ("query", "x")), "'entity'"),
        ["100 KB summary"] = ("halopsa_create_ticket", Args(("summary", HundredKb), ("client_id", 1)), "'summary'"),
        ["100 KB note"] = ("halopsa_add_ticket_action", Args(("ticket_id", 1), ("note", HundredKb)), "'note'"),
        ["100 KB search"] = ("halopsa_list_tickets", Args(("search", HundredKb)), "'search'"),
        ["100 KB date"] = ("halopsa_revenue_breakdown", Args(("date_from", HundredKb)), "'date_from'"),
        ["100 KB outcome"] = ("halopsa_add_ticket_action", Args(("ticket_id", 1), ("note", "n"), ("outcome", HundredKb)), "'outcome'"),
        ["empty name"] = ("halopsa_create_client", Args(("name", "   ")), "'name'"),
        ["unknown argument"] = ("halopsa_list_tickets", Args(("bogus_filter", 1)), "'bogus_filter'"),
        ["argument of another tool"] = ("halopsa_list_statuses", Args(("ticket_id", 1)), "'ticket_id'"),
        ["dates out of order"] = ("halopsa_list_tickets", Args(("date_from", "2026-02-01"), ("date_to", "2026-01-01")), "'date_to'"),
        ["update without changes"] = ("halopsa_update_ticket", Args(("ticket_id", 1)), "summary"),
        ["actions without a scope"] = ("halopsa_list_actions", Args(("billable_only", true)), "'ticket_id'"),
        ["NUL in a name"] = ("halopsa_create_client", Args(("name", "Evil\u0000Corp")), "'name'"),
        ["bell in a summary"] = ("halopsa_create_ticket", Args(("summary", "Printer \u0007 down"), ("client_id", 1)), "'summary'"),
        ["line break in a search"] = ("halopsa_list_tickets", Args(("search", "vpn\nINFO forged log line")), "'search'"),
        ["NUL in a note"] = ("halopsa_add_ticket_action", Args(("ticket_id", 1), ("note", "fine\nuntil \u0000 here")), "'note'"),
        ["escape in long details"] = ("halopsa_update_ticket", Args(("ticket_id", 1), ("details", "text \u001b[31m red")), "'details'"),
        ["name of zero-width characters"] = ("halopsa_create_client", Args(("name", "\u200B\u200D\uFEFF\u2060")), "'name'"),
        ["search of zero-width characters"] = ("halopsa_search", Args(("entity", "clients"), ("query", " \u200B ")), "'query'"),
    };

    public static TheoryData<string> Cases() => [.. Table.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_arguments_are_a_tool_error_naming_the_argument_and_reach_no_HaloPSA(string name)
    {
        var (tool, args, names) = Table[name];

        var result = await fixture.Client.CallToolAsync(tool, args);

        Assert.True(result.IsError, $"{name}: expected a tool error, got {Text(result)}");
        var text = Text(result);
        Assert.Contains(names, text);
        Assert.True(text.Length < 2_000, $"{name}: the message is {text.Length} characters long");
        Assert.Null(result.StructuredContent);
        AssertNothingReachedHaloPsa();
    }

    [Fact]
    public async Task An_unknown_tool_is_refused_naming_it_and_reaches_no_HaloPSA()
    {
        var ex = await Assert.ThrowsAsync<McpProtocolException>(() => fixture.Client.CallToolAsync("halopsa_delete_everything", Args(("ticket_id", 1))).AsTask());
        Assert.Contains("halopsa_delete_everything", ex.Message);
        AssertNothingReachedHaloPsa();
    }

    [Theory]
    [InlineData("ticket_id")]
    [InlineData("note")]
    public async Task An_argument_given_twice_is_refused_naming_it_and_reaches_no_HaloPSA(string duplicated)
    {
        var arguments = duplicated == "ticket_id"
            ? "\"ticket_id\":1,\"note\":\"first\",\"ticket_id\":2"
            : "\"ticket_id\":1,\"note\":\"meant\",\"note\":\"not meant\"";
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.Host.McpUrl)
        {
            Content = new StringContent(
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"halopsa_add_ticket_action\",\"arguments\":{" + arguments + "}}}",
                System.Text.Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Authorization = new("Bearer", EndToEndHost.AlphaKey);
        request.Headers.TryAddWithoutValidation("Accept", "application/json, text/event-stream");

        using var response = await http.SendAsync(request);

        using var answer = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = answer.RootElement.GetProperty("error");
        Assert.Equal(-32602, error.GetProperty("code").GetInt32());
        Assert.Contains($"$.params.arguments.{duplicated} appears twice", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        AssertNothingReachedHaloPsa();
    }

    private void AssertNothingReachedHaloPsa()
    {
        // Nothing else runs against this host's simulator, so the table as a whole made no upstream request.
        Assert.Empty(fixture.Host.Alpha.Requests.Entries);
        Assert.Empty(fixture.Host.Beta.Requests.Entries);
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public EndToEndHost Host { get; private set; } = null!;

        public ModelContextProtocol.Client.McpClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Host = await EndToEndHost.StartAsync();
            Client = await Host.ConnectAsync(EndToEndHost.AlphaKey);
        }

        public async Task DisposeAsync()
        {
            await Client.DisposeAsync();
            await Host.DisposeAsync();
        }
    }
}
