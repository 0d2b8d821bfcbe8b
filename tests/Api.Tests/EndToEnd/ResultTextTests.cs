using System.Text.Json;
using static HaloMcp.Api.Tests.EndToEnd.E2e;

namespace HaloMcp.Api.Tests.EndToEnd;

/// <summary>
/// The text block of a result is a compact rendering of its structured content: every value is there, in far fewer
/// bytes than the JSON (records as tables: one header of keys, one line of values per record).
/// </summary>
public sealed class ResultTextTests(CatalogueFixture fixture) : IClassFixture<CatalogueFixture>
{
    public static TheoryData<string, string> Calls() => new()
    {
        { "halopsa_list_tickets", """{"page_size":25}""" },
        { "halopsa_get_ticket", """{"ticket_id":3}""" },
        { "halopsa_get_client", """{"client_id":2}""" },
        { "halopsa_list_statuses", "{}" },
        { "halopsa_revenue_breakdown", """{"date_from":"2024-01-01","date_to":"2026-01-01"}""" },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task The_text_holds_every_value_of_the_structured_result_in_fewer_bytes(string tool, string arguments)
    {
        var args = JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments)!;

        var result = await fixture.Client.CallToolAsync(tool, args);

        Assert.NotEqual(true, result.IsError);
        var structured = result.StructuredContent!.Value;
        var text = Text(result);
        foreach (var value in Scalars(structured))
        {
            Assert.Contains(value.Replace("\n", "\\n", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal), text, StringComparison.Ordinal);
        }

        var json = structured.GetRawText();
        Assert.True(text.Length < json.Length, $"{tool}: text {text.Length} characters, JSON {json.Length}");
        Assert.DoesNotContain("{\"", text, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Scalars(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Scalars(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Scalars),
        JsonValueKind.String => [element.GetString()!],
        _ => [element.GetRawText()],
    };
}
