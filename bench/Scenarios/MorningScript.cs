using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace HaloMcp.Bench.Scenarios;

/// <summary>
/// "Technician morning": 100 tool calls as an assistant makes them for one technician between 08:00 and 12:00, in six
/// conversations. Reference look-ups are repeated in each conversation (an assistant does not remember ids between
/// them); a client's open tickets are listed; a dozen tickets are read with their actions; clients are searched; assets
/// are read; about twenty writes (notes, updates, creates), each followed by the read an assistant makes to confirm
/// it, which must show the write (checked: a stale read is a violation). With <paramref name="colleague"/>, a colleague
/// also changes four tickets in HaloPSA's UI during the morning and the assistant reads each a minute later: with
/// webhooks the read must show the change once its delivery went out; without, it may be stale only while the change
/// is younger than the freshness bound. <paramref name="startMinute"/> starts the assistant's morning later (five
/// assistants on one queue do not all act in the same second).
/// </summary>
internal sealed class MorningScript(McpCaller caller, MorningClient client, int assistant, double secondsPerMinute, MorningWorld world, bool colleague, double startMinute = 0)
{
    private readonly List<string> _violations = [];
    private readonly HashSet<int> _ticketsRead = [];
    private long _start;

    public int Calls { get; private set; }

    public int Writes { get; private set; }

    public int Failures { get; private set; }

    /// <summary>Bytes of every answer (text and structured content, as the client received them).</summary>
    public long ResultBytes { get; private set; }

    /// <summary>Answers that said they came from HaloMcp's cache.</summary>
    public int FromCache { get; private set; }

    /// <summary>The oldest copy any answer said it served, in seconds.</summary>
    public int OldestAgeSeconds { get; private set; }

    /// <summary>Reads after a colleague's change that still showed the old state while the change was younger than the bound.</summary>
    public int StaleWithinBound { get; private set; }

    /// <summary>Reads after a colleague's change.</summary>
    public int ColleagueChecks { get; private set; }

    public IReadOnlyList<string> Violations => _violations;

    /// <summary>Calls per tool, for the report.</summary>
    public Dictionary<string, int> ToolCounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Answer bytes per tool, for the report.</summary>
    public Dictionary<string, long> ToolBytes { get; } = new(StringComparer.Ordinal);

    public IReadOnlyCollection<int> TicketsRead => _ticketsRead;

    public async Task RunAsync(CancellationToken ct)
    {
        _start = Stopwatch.GetTimestamp();
        var c = client;
        var t = c.OpenTickets;
        var a = c.Assets;
        var word = c.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];

        // 08:00 — what is on my plate for this client?
        var m = 0.0;
        await Call(m, "halopsa_list_statuses", null, ct);
        await Call(m += 0.25, "halopsa_list_priorities", null, ct);
        var agents = await Call(m += 0.25, "halopsa_list_agents", null, ct);
        await Call(m += 0.25, "halopsa_search", new JsonObject { ["entity"] = "clients", ["query"] = word }, ct);
        await Call(m += 0.25, "halopsa_get_client", new JsonObject { ["client_id"] = c.Id }, ct);
        await Call(m += 0.25, "halopsa_list_tickets", new JsonObject { ["client_id"] = c.Id, ["open_only"] = true }, ct);
        for (var i = 0; i < 4; i++)
        {
            await GetTicket(m += 0.5, t[i], ct);
        }

        await Call(m += 0.25, "halopsa_list_actions", new JsonObject { ["ticket_id"] = t[0] }, ct);
        m = 10;
        await AddNote(m, t[0], ct);
        await UpdateAndCheck(m += 1, t[1], "status_id", ct);
        await AddNote(m += 1, t[2], ct);
        var note3 = await AddNoteUnchecked(m += 1, t[3], ct);
        var since = world.Wrote(t[3], "priority_id", 2);
        await Call(m += 0.25, "halopsa_update_ticket", new JsonObject { ["ticket_id"] = t[3], ["priority_id"] = 2 }, ct, write: true);
        var t3 = await GetTicket(m += 0.25, t[3], ct);
        Check(HasNote(t3, note3), $"ticket {t[3]}: note missing after add + update");
        Check(Int(t3, "priority_id") is { } p3 && world.WrittenSince(t[3], "priority_id", p3, since), $"ticket {t[3]}: priority not updated");
        if (colleague)
        {
            await ColleagueEditsAsync(20, t[0], "summary", $"Colleague {assistant}: customer called back, issue recurring", ct);
        }

        // 08:45 — work the queue.
        m = 45;
        await Call(m, "halopsa_list_statuses", null, ct);
        await Call(m += 0.25, "halopsa_list_ticket_types", null, ct);
        await Call(m += 0.25, "halopsa_list_teams", null, ct);
        await Call(m += 0.25, "halopsa_list_tickets", new JsonObject { ["client_id"] = c.Id, ["open_only"] = true }, ct);
        for (var i = 4; i < 8; i++)
        {
            await GetTicket(m += 2, t[i], ct);
            if (i < 6)
            {
                await Call(m += 0.25, "halopsa_list_actions", new JsonObject { ["ticket_id"] = t[i] }, ct);
            }

            await AddNote(m += 1, t[i], ct);
        }

        var agentId = FirstId(agents, "items") ?? 1;
        var assignedSince = world.Wrote(t[4], "agent_id", agentId);
        var assigned = await Call(m += 1, "halopsa_update_ticket", new JsonObject { ["ticket_id"] = t[4], ["agent_id"] = agentId }, ct, write: true);
        var t4 = await GetTicket(m += 0.25, t[4], ct);
        Check(!assigned.IsError && Int(t4, "agent_id") is { } a4 && world.WrittenSince(t[4], "agent_id", a4, assignedSince), $"ticket {t[4]}: agent not updated");
        await UpdateAndCheck(m += 1, t[6], "status_id", ct);
        if (colleague)
        {
            await ColleagueNotesAsync(75, t[5], $"Colleague {assistant}: remote session done, waiting on the user", ct);
        }

        // 09:40 — the client's assets and contacts.
        m = 100;
        await Call(m, "halopsa_list_asset_types", null, ct);
        await Call(m += 0.25, "halopsa_list_assets", new JsonObject { ["client_id"] = c.Id }, ct);
        foreach (var asset in a.Take(4))
        {
            await Call(m += 0.5, "halopsa_get_asset", new JsonObject { ["asset_id"] = asset }, ct);
        }

        await Call(m += 0.5, "halopsa_list_users", new JsonObject { ["client_id"] = c.Id }, ct);
        if (c.UserId is { } user)
        {
            await Call(m += 0.25, "halopsa_get_user", new JsonObject { ["user_id"] = user }, ct);
        }
        else
        {
            await Call(m += 0.25, "halopsa_list_sites", new JsonObject { ["client_id"] = c.Id }, ct);
        }

        await Call(m += 0.5, "halopsa_list_clients", new JsonObject { ["search"] = word }, ct);

        // 10:10 — new issues come in.
        m = 130;
        await Call(m, "halopsa_list_statuses", null, ct);
        await Call(m += 0.25, "halopsa_list_priorities", null, ct);
        await Call(m += 0.25, "halopsa_list_ticket_types", null, ct);
        await Call(m += 0.25, "halopsa_list_teams", null, ct);
        var new1 = await Create(m += 1, 1, ct);
        var new2 = await Create(m += 2, 2, ct);
        await AddNote(m += 1, new1, ct);
        var list = await Call(m += 0.5, "halopsa_list_tickets", new JsonObject { ["client_id"] = c.Id, ["open_only"] = true, ["page_size"] = 100 }, ct);
        Check(Ids(list).Contains(new1) && Ids(list).Contains(new2), $"client {c.Id}: new tickets missing from the open list");

        if (colleague)
        {
            await ColleagueEditsAsync(150, t[2], "priority_id", 1, ct);
        }

        // 10:40 — follow up on the rest.
        m = 160;
        await Call(m, "halopsa_list_statuses", null, ct);
        await Call(m += 0.25, "halopsa_list_agents", null, ct);
        for (var i = 8; i < 12; i++)
        {
            await GetTicket(m += 1, t[i], ct);
        }

        await Call(m += 0.25, "halopsa_list_actions", new JsonObject { ["ticket_id"] = t[8] }, ct);
        await AddNote(m += 1, t[8], ct);
        var note9 = await AddNoteUnchecked(m += 1, t[9], ct);
        await UpdateAndCheck(m += 0.5, t[9], "status_id", ct, note9);
        await AddNote(m += 1, t[10], ct);
        await UpdateAndCheck(m += 1, t[11], "priority_id", ct);
        await Call(m += 1, "halopsa_search", new JsonObject { ["entity"] = "clients", ["query"] = c.Name.Length > 4 ? c.Name[..4] : c.Name }, ct);
        await Call(m += 0.5, "halopsa_get_client", new JsonObject { ["client_id"] = c.Id }, ct);

        if (colleague)
        {
            await ColleagueEditsAsync(190, t[9], "summary", $"Colleague {assistant}: escalated to the vendor", ct);
        }

        // 11:20 — wrap up before lunch: revisit what changed this morning.
        m = 200;
        await Call(m, "halopsa_list_statuses", null, ct);
        await Call(m += 0.25, "halopsa_list_outcomes", null, ct);
        await Call(m += 0.25, "halopsa_list_tickets", new JsonObject { ["client_id"] = c.Id, ["open_only"] = true }, ct);
        await Create(m += 1, 3, ct);
        await GetTicket(m += 1, t[0], ct);
        await GetTicket(m += 0.5, t[1], ct);
        await Call(m += 0.5, "halopsa_list_actions", new JsonObject { ["ticket_id"] = t[2] }, ct);
        await Call(m += 0.5, "halopsa_get_asset", new JsonObject { ["asset_id"] = a[0] }, ct);
        await Call(m += 0.25, "halopsa_list_priorities", null, ct);
        await Call(m += 0.25, "halopsa_list_ticket_types", null, ct);
        await Call(m += 0.5, "halopsa_search", new JsonObject { ["entity"] = "tickets", ["query"] = word }, ct);
        await AddNote(m += 1, t[5], ct);
        await Call(m += 0.5, "halopsa_list_tickets", new JsonObject { ["client_id"] = c.Id }, ct);
        await Call(m += 0.5, "halopsa_list_statuses", null, ct);
    }

    private static bool HasNote(McpReply ticket, string note) =>
        ticket.Structured?["actions"]?.AsArray().Any(x => ((string?)x?["note"] ?? "").Contains(note, StringComparison.Ordinal)) == true;

    private static int? Int(McpReply reply, string field) => reply.Structured?[field] is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;

    private static int? FirstId(McpReply reply, string array) =>
        reply.Structured?[array]?.AsArray().Select(x => (int?)x?["id"]).FirstOrDefault(id => id is not null);

    private static HashSet<int> Ids(McpReply reply) =>
        [.. reply.Structured?["items"]?.AsArray().Select(x => (int?)x?["id"] ?? 0) ?? []];

    private async Task<McpReply> GetTicket(double minute, int id, CancellationToken ct)
    {
        _ticketsRead.Add(id);
        return await Call(minute, "halopsa_get_ticket", new JsonObject { ["ticket_id"] = id }, ct);
    }

    private async Task AddNote(double minute, int ticket, CancellationToken ct)
    {
        var note = await AddNoteUnchecked(minute, ticket, ct);
        var after = await GetTicket(minute + 0.25, ticket, ct);
        Check(HasNote(after, note), $"ticket {ticket}: note not shown by the read after adding it");
    }

    private async Task<string> AddNoteUnchecked(double minute, int ticket, CancellationToken ct)
    {
        var note = $"Bench note {assistant}-{ticket}-{Calls}: called the user, applied the fix, monitoring.";
        await Call(minute, "halopsa_add_ticket_action", new JsonObject { ["ticket_id"] = ticket, ["note"] = note, ["timetaken"] = 15 }, ct, write: true);
        return note;
    }

    private async Task UpdateAndCheck(double minute, int ticket, string field, CancellationToken ct, string? note = null)
    {
        var before = await GetTicket(minute, ticket, ct);
        var current = Int(before, field) ?? 1;
        var value = field == "status_id" ? (current % 6) + 2 : (current % 4) + 1;
        var since = world.Wrote(ticket, field, value);
        await Call(minute + 0.25, "halopsa_update_ticket", new JsonObject { ["ticket_id"] = ticket, [field] = value }, ct, write: true);
        var after = await GetTicket(minute + 0.5, ticket, ct);

        // Another assistant of the same queue may have written the field since: its value is as good as ours.
        Check(Int(after, field) is { } read && world.WrittenSince(ticket, field, read, since), $"ticket {ticket}: {field} not updated (read {Int(after, field)}, wrote {value})");
        if (note is not null)
        {
            Check(HasNote(after, note), $"ticket {ticket}: note missing after add + update");
        }
    }

    private async Task<int> Create(double minute, int n, CancellationToken ct)
    {
        var summary = $"Bench assistant {assistant}: new issue {n} for {client.Name}";
        var created = await Call(minute, "halopsa_create_ticket", new JsonObject
        {
            ["client_id"] = client.Id,
            ["summary"] = summary,
            ["details"] = "Reported by phone; printer on floor 2 shows an error after the update.",
            ["priority_id"] = 3,
        }, ct, write: true);
        var id = Int(created, "id") ?? 0;
        var read = await GetTicket(minute + 0.5, id, ct);
        Check((string?)read.Structured?["summary"] == summary, $"new ticket {id}: summary not shown");
        return id;
    }

    // A colleague changes a field of the ticket in HaloPSA's UI; a minute later the assistant reads the ticket.
    private async Task ColleagueEditsAsync(double minute, int ticket, string field, JsonNode value, CancellationToken ct)
    {
        await WaitUntil(minute, ct);
        var changed = Stopwatch.GetTimestamp();
        await world.Sim.UiEditTicketAsync(ticket, new JsonObject { [field] = value.DeepClone() }, ct);
        if (field != "summary")
        {
            world.Wrote(ticket, field, (int)value);
        }

        await ReadAfterColleagueAsync(minute + 1, ticket, changed, read => field == "summary"
            ? (string?)read.Structured?["summary"] == (string)value!
            : Int(read, field) is { } v && world.WrittenSince(ticket, field, v, changed), $"{field} set in the UI", ct);
    }

    private async Task ColleagueNotesAsync(double minute, int ticket, string note, CancellationToken ct)
    {
        await WaitUntil(minute, ct);
        var changed = Stopwatch.GetTimestamp();
        await world.Sim.UiAddNoteAsync(ticket, note, ct);
        await ReadAfterColleagueAsync(minute + 1, ticket, changed, read => HasNote(read, note), "note added in the UI", ct);
    }

    private async Task ReadAfterColleagueAsync(double minute, int ticket, long changed, Func<McpReply, bool> shows, string what, CancellationToken ct)
    {
        if (world.Webhooks)
        {
            // "Once its delivery arrives": the simulator has sent what it formed for the change.
            await world.DeliveredAsync(ct);
        }

        var read = await GetTicket(minute, ticket, ct);
        ColleagueChecks++;
        if (shows(read))
        {
            return;
        }

        var age = Stopwatch.GetElapsedTime(changed);
        if (world.Webhooks)
        {
            _violations.Add($"ticket {ticket}: {what} not shown after its webhook was delivered");
        }
        else if (age > world.Bound)
        {
            _violations.Add($"ticket {ticket}: {what} not shown {age.TotalMilliseconds:0} ms after the change, past the bound ({world.Bound.TotalMilliseconds:0} ms)");
        }
        else
        {
            StaleWithinBound++;
        }
    }

    private async Task WaitUntil(double minute, CancellationToken ct)
    {
        if (secondsPerMinute > 0)
        {
            var wait = (startMinute + minute) * secondsPerMinute - Stopwatch.GetElapsedTime(_start).TotalSeconds;
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(wait), ct);
            }
        }
    }

    private void Check(bool ok, string violation)
    {
        if (!ok)
        {
            _violations.Add(violation);
        }
    }

    private async Task<McpReply> Call(double minute, string tool, JsonObject? args, CancellationToken ct, bool write = false)
    {
        await WaitUntil(minute, ct);
        Calls++;
        ToolCounts[tool] = ToolCounts.GetValueOrDefault(tool) + 1;
        if (write)
        {
            Writes++;
        }

        var reply = await caller.CallAsync(tool, args, ct);
        ResultBytes += reply.MessageBytes;
        ToolBytes[tool] = ToolBytes.GetValueOrDefault(tool) + reply.MessageBytes;
        if (reply.Structured?["from_cache"] is JsonValue cached && cached.GetValue<bool>())
        {
            FromCache++;
            OldestAgeSeconds = Math.Max(OldestAgeSeconds, Int(reply, "age_seconds") ?? 0);
        }

        if (reply.IsError)
        {
            Failures++;
            _violations.Add($"{tool} {args?.ToJsonString()} failed: {reply.Text}");
        }

        return reply;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"assistant {assistant}: {Calls} calls, {Writes} writes");
}
