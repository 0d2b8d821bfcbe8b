using System.Globalization;
using System.Text.Json.Nodes;

namespace HaloMcp.Bench.Scenarios;

/// <summary>
/// Bytes a tool answers against the bytes HaloPSA answered the server for it: the simulator's records are as wide as
/// HaloPSA's, so this shows what trimming saves the model's context.
/// </summary>
internal sealed class ResultSizeScenario : IScenario
{
    private const int ListLimit = 8 * 1024;
    private const int GetLimit = 8 * 1024;
    private const int ToolsListLimit = 25_000;

    public string Name => "size";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var tenant = new BenchTenant("size", 10_000_000, 300);
        await using var rig = await Rig.StartAsync(context, new RigSettings { Tenants = [tenant] }, cancellationToken);
        using var caller = rig.Caller(connections: 4);
        var token = await rig.SimApi.TokenAsync(cancellationToken);

        // Warm the token and reference caches, so each measured call's upstream requests are its own.
        await caller.CallAsync("halopsa_list_statuses", null, cancellationToken);
        var catalogue = await caller.ListToolsAsync(cancellationToken);

        var lists = new List<Sample>();
        foreach (var args in new[]
        {
            new JsonObject { ["page_size"] = 25 },
            new JsonObject { ["page_size"] = 25, ["open_only"] = true },
            new JsonObject { ["page_size"] = 25, ["page"] = 3 },
        })
        {
            lists.Add(await MeasureAsync(rig, caller, token, "halopsa_list_tickets", args, cancellationToken));
        }

        var gets = new List<Sample>();
        var ticketIds = context.Quick ? Enumerable.Range(1, 5) : Enumerable.Range(1, 40).Select(i => i * 97);
        foreach (var id in ticketIds)
        {
            gets.Add(await MeasureAsync(rig, caller, token, "halopsa_get_ticket", new JsonObject { ["ticket_id"] = id }, cancellationToken));
        }

        // The seeded tickets all have four actions; get_ticket shows up to 20. Give one ticket 20 more, with notes the
        // length technicians write, to measure the largest answer the cap allows.
        const int busyTicket = 4999;
        for (var i = 0; i < 20; i++)
        {
            var note = await caller.CallAsync("halopsa_add_ticket_action", new JsonObject
            {
                ["ticket_id"] = busyTicket,
                ["note"] = $"Update {i + 1}: spoke to the user, reproduced the fault on the second monitor after the driver update, " +
                    "rolled the display driver back to the previous version and scheduled a follow-up check for tomorrow morning.",
                ["timetaken"] = 10,
            }, cancellationToken);
            if (note.IsError)
            {
                throw new InvalidOperationException("add_ticket_action failed: " + note.Text);
            }
        }

        var busy = await MeasureAsync(rig, caller, token, "halopsa_get_ticket", new JsonObject { ["ticket_id"] = busyTicket }, cancellationToken);
        var listMax = lists.Max(s => s.Message);
        var getMedian = Stats.Median(gets.Select(s => (double)s.Message));
        var getMax = gets.Max(s => s.Message);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var s in lists)
        {
            rows.Add(Row("halopsa_list_tickets " + s.Arguments, s));
        }

        rows.Add(Row($"halopsa_get_ticket, median of {gets.Count} tickets", Median(gets)));
        var largest = gets.MaxBy(s => s.Message)!;
        rows.Add(Row("halopsa_get_ticket, largest seeded: " + largest.Arguments, largest));
        rows.Add(Row($"halopsa_get_ticket, ticket with 24 actions (20 shown, ~230-character notes): {busy.Arguments}", busy));
        var markdown =
            "Bytes are UTF-8. `message` is the whole JSON-RPC response a client receives (the SSE `data:` payload: text content plus " +
            "`structuredContent`); `structured` and `text` are its two renderings alone. `raw` is the sum of the HaloPSA " +
            "response bodies the server received for that call (its `/api` requests, from the simulator's log, replayed " +
            $"directly). `get_ticket` was measured on {gets.Count} tickets (ids {string.Join(", ", ticketIds.Take(6))}, …) with their newest " +
            "actions: every seeded ticket has four. The last row is a ticket given 20 more actions with notes of a realistic length: " +
            "the largest answer the 20-action cap allows. Both are held to the target. " +
            $"`tools/list` (all {catalogue.Tools} tools, {catalogue.WithOutputSchema} with an output schema, titles and annotations) " +
            $"is {catalogue.MessageBytes:N0} bytes: what every conversation carries before its first call.\n\n" +
            Md.Table(["call", "message bytes", "structured", "text", "raw HaloPSA bytes", "upstream requests", "message / raw"], rows);
        return new ScenarioResult("Result size on the simulator's wide records", markdown,
        [
            new("Result size", $"`tools/list`, the whole catalogue ({catalogue.Tools} tools)", "<= 25 KB (25,000 B)", $"{catalogue.MessageBytes:N0} B", catalogue.MessageBytes <= ToolsListLimit),
            new("Result size", "`halopsa_list_tickets` (25 rows), largest", "<= 8 KB (8,192 B)", $"{listMax:N0} B ({Ratio(lists.MaxBy(s => s.Message)!)} of raw)", listMax <= ListLimit),
            new("Result size", "`halopsa_get_ticket`, largest seeded ticket (4 actions)", "<= 8 KB (8,192 B)", $"{getMax:N0} B (median {getMedian:N0} B; {Ratio(largest)} of raw)", getMax <= GetLimit),
            new("Result size", "`halopsa_get_ticket`, 20 actions shown (the cap)", "<= 8 KB (8,192 B)", $"{busy.Message:N0} B ({Ratio(busy)} of raw)", busy.Message <= GetLimit),
        ])
        {
            Figures = new Dictionary<string, string>
            {
                ["size.tools_list"] = catalogue.MessageBytes.ToString("N0", CultureInfo.InvariantCulture),
                ["size.list"] = listMax.ToString("N0", CultureInfo.InvariantCulture),
                ["size.list_ratio"] = Ratio(lists.MaxBy(s => s.Message)!),
                ["size.list_structured"] = lists.Max(s => s.Structured).ToString("N0", CultureInfo.InvariantCulture),
                ["size.get"] = getMax.ToString("N0", CultureInfo.InvariantCulture),
                ["size.get_cap"] = busy.Message.ToString("N0", CultureInfo.InvariantCulture),
                ["size.get_cap_text"] = busy.Text.ToString("N0", CultureInfo.InvariantCulture),
            },
        };
    }

    private static IReadOnlyList<string> Row(string name, Sample s) =>
        [name, s.Message.ToString("N0", CultureInfo.InvariantCulture), s.Structured.ToString("N0", CultureInfo.InvariantCulture), s.Text.ToString("N0", CultureInfo.InvariantCulture),
            s.Raw.ToString("N0", CultureInfo.InvariantCulture), s.Requests.ToString(CultureInfo.InvariantCulture), Ratio(s)];

    private static string Ratio(Sample s) => s.Raw == 0 ? "n/a" : $"{100.0 * s.Message / s.Raw:0.0} %";

    private static Sample Median(List<Sample> samples) => new(
        "",
        (int)Stats.Median(samples.Select(s => (double)s.Message)),
        (int)Stats.Median(samples.Select(s => (double)s.Structured)),
        (int)Stats.Median(samples.Select(s => (double)s.Text)),
        (int)Stats.Median(samples.Select(s => (double)s.Raw)),
        (int)Stats.Median(samples.Select(s => (double)s.Requests)));

    private static async Task<Sample> MeasureAsync(Rig rig, McpCaller caller, string token, string tool, JsonObject args, CancellationToken cancellationToken)
    {
        await rig.SimApi.ResetStatsAsync(cancellationToken);
        var reply = await caller.CallAsync(tool, args, cancellationToken);
        if (reply.IsError)
        {
            throw new InvalidOperationException($"{tool} failed: {reply.Text}");
        }

        var upstream = (await rig.SimApi.RequestsAsync(cancellationToken)).Where(r => r.IsApi && r.Method == "GET").ToList();
        var raw = 0;
        foreach (var r in upstream)
        {
            raw += (await rig.SimApi.GetRawAsync(r.Path + r.Query, token, cancellationToken)).Bytes;
        }

        return new Sample(args.ToJsonString(), reply.MessageBytes, reply.StructuredBytes, reply.TextBytes, raw, upstream.Count);
    }

    private sealed record Sample(string Arguments, int Message, int Structured, int Text, int Raw, int Requests);
}
