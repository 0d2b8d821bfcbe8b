using System.Globalization;
using System.Text.Json;
using static HaloMcp.Api.Tests.EndToEnd.E2e;

namespace HaloMcp.Api.Tests.EndToEnd;

/// <summary>
/// The text block of a result is a short summary, not a second copy of the structured content: a list says how many
/// rows of how many and names its first rows by id and title, a record its id and title, a cached result how old it is;
/// the data itself (names beside ids included) is in the structured content only.
/// </summary>
public sealed class ResultTextTests(CatalogueFixture fixture) : IClassFixture<CatalogueFixture>
{
    public static TheoryData<string, string> Calls() => new()
    {
        { "halopsa_list_tickets", """{"page_size":25}""" },
        { "halopsa_get_ticket", """{"ticket_id":3}""" },
        { "halopsa_get_client", """{"client_id":2,"include_sites":true}""" },
        { "halopsa_list_statuses", "{}" },
        { "halopsa_revenue_breakdown", """{"date_from":"2024-01-01","date_to":"2026-01-01"}""" },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task The_text_summarises_the_structured_result_in_a_fraction_of_its_bytes(string tool, string arguments)
    {
        var args = JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments)!;

        var result = await fixture.Client.CallToolAsync(tool, args);

        Assert.NotEqual(true, result.IsError);
        var structured = result.StructuredContent!.Value;
        var text = Text(result);
        var json = structured.GetRawText();
        Assert.True(text.Length * 3 < json.Length, $"{tool}: text {text.Length} characters, JSON {json.Length}: the text repeats the data");
        Assert.DoesNotContain("{\"", text, StringComparison.Ordinal);

        if (structured.TryGetProperty("items", out var items))
        {
            Assert.StartsWith($"{items.GetArrayLength()} item", text, StringComparison.Ordinal);
            var rows = items.EnumerateArray().Where(i => i.TryGetProperty("id", out _)).ToList();
            Assert.All(rows.Take(Mcp.StructuredText.RowsNamed), i => Assert.Contains("#" + i.Int("id").ToString(CultureInfo.InvariantCulture), text, StringComparison.Ordinal));
            Assert.All(rows.Skip(Mcp.StructuredText.RowsNamed), i => Assert.DoesNotContain("#" + i.Int("id").ToString(CultureInfo.InvariantCulture) + " ", text, StringComparison.Ordinal));
            if (rows.Count > Mcp.StructuredText.RowsNamed)
            {
                Assert.Contains($"and {rows.Count - Mcp.StructuredText.RowsNamed} more in the structured content", text, StringComparison.Ordinal);
            }
        }
        else if (structured.TryGetProperty("id", out var id))
        {
            Assert.StartsWith("#" + id.GetInt32().ToString(CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
            Assert.Contains(structured.Str("summary") ?? structured.Str("name")!, text, StringComparison.Ordinal);
            if (structured.Str("status_name") is { } status && !(structured.Str("summary") ?? structured.Str("name") ?? "").Contains(status, StringComparison.Ordinal))
            {
                Assert.DoesNotContain(status, text, StringComparison.Ordinal);
            }
        }
        else
        {
            // No id, no list: the short top-level values (revenue totals), and the lists only by their length.
            Assert.Contains("total: " + structured.GetProperty("total").GetRawText(), text, StringComparison.Ordinal);
            Assert.Contains($"clients: {structured.GetProperty("clients").GetArrayLength()} (in the structured content)", text, StringComparison.Ordinal);
        }

        if (structured.TryGetProperty("from_cache", out var cached))
        {
            Assert.Contains(cached.GetBoolean() ? $"From HaloMcp's cache, {structured.Int("age_seconds")} s old." : "Read from HaloPSA", text, StringComparison.Ordinal);
        }
    }

    /// <summary>Issue 12's byte targets, as a client receives them (the whole JSON-RPC answer: text and structured content).</summary>
    [Fact]
    public async Task A_page_of_25_tickets_and_a_ticket_showing_20_actions_each_fit_in_8_KB()
    {
        const int target = 8 * 1024;
        const int ticketId = 399;
        for (var i = 0; i < 20; i++)
        {
            await CallOk(fixture.Client, "halopsa_add_ticket_action", Args(("ticket_id", ticketId), ("timetaken", 10), ("note",
                $"Update {i + 1}: spoke to the user, reproduced the fault on the second monitor after the driver update, rolled the display driver back to the previous version and scheduled a follow-up check for tomorrow morning.")));
        }

        var list = await Protocol.ToolListSizeTests.CallMessageAsync(fixture.Host.McpUrl, "halopsa_list_tickets", """{"page_size":25}""");
        var ticket = await Protocol.ToolListSizeTests.CallMessageAsync(fixture.Host.McpUrl, "halopsa_get_ticket", $$"""{"ticket_id":{{ticketId}}}""");

        Assert.Equal(25, JsonDocument.Parse(list).RootElement.GetProperty("result").GetProperty("structuredContent").GetProperty("items").GetArrayLength());
        Assert.Equal(20, JsonDocument.Parse(ticket).RootElement.GetProperty("result").GetProperty("structuredContent").GetProperty("actions").GetArrayLength());
        Assert.True(list.Length <= target, $"list_tickets, 25 rows: {list.Length:N0} bytes");
        Assert.True(ticket.Length <= target, $"get_ticket, 20 actions: {ticket.Length:N0} bytes");
    }
}
