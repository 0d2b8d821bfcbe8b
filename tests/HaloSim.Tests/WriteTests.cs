using System.Net;
using System.Text.Json.Nodes;

namespace HaloMcp.HaloSim.Tests;

public sealed class WriteTests
{
    [Fact]
    public async Task Create_ticket_returns_the_full_saved_object_with_names_filled()
    {
        await using var sim = await SimTestHost.StartAsync();
        var client = sim.Demo.Data.All(SimEntityKind.Client).First(c => c.Field("main_site_id") > 0);
        var (status, body) = await sim.PostJsonAsync("api/Tickets",
            $"[{{\"summary\":\"Scanner broken\",\"details\":\"Jams\",\"client_id\":{client.Field("id")},\"agent_id\":2,\"team_id\":1,\"status_id\":2,\"priority_id\":2}}]");
        Assert.Equal(HttpStatusCode.OK, status);
        var ticket = Assert.IsType<JsonObject>(body);
        var id = ticket.Field("id");
        Assert.True(id > 0);
        Assert.Equal("Scanner broken", ticket.Str("summary"));
        Assert.Equal(client.Str("name"), ticket.Str("client_name"));
        Assert.Equal(client.Field("main_site_id"), ticket.Field("site_id"));
        Assert.Equal("In Progress", ticket.Str("status_name"));
        Assert.False(string.IsNullOrEmpty(ticket.Str("agent_name")));
        Assert.Equal("1st Line Support", ticket.Str("team"));
        Assert.Equal(sim.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture), ticket.Str("dateoccurred"));
        Assert.True(ticket.Count >= 60);
        Assert.Equal("Scanner broken", sim.Demo.Data.Get(SimEntityKind.Ticket, id)!.Str("summary"));
    }

    [Fact]
    public async Task Partial_update_changes_only_the_fields_sent()
    {
        await using var sim = await SimTestHost.StartAsync();
        var before = sim.Demo.Data.All(SimEntityKind.Ticket).First(t => t.Field("status_id") == 2);
        var (status, body) = await sim.PostJsonAsync("api/Tickets", $"[{{\"id\":{before.Field("id")},\"status_id\":9}}]");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(9, body.Int("status_id"));
        Assert.Equal("Closed", body.Str("status_name"));
        Assert.NotEqual("1900-01-01T00:00:00", body.Str("dateclosed"));
        var after = sim.Demo.Data.Get(SimEntityKind.Ticket, before.Field("id"))!;
        foreach (var field in new[] { "summary", "details", "client_id", "agent_id", "team", "priority_id", "dateoccurred" })
        {
            Assert.Equal(before[field]!.ToJsonString(), after[field]!.ToJsonString());
        }
    }

    [Fact]
    public async Task Several_elements_come_back_as_an_array()
    {
        await using var sim = await SimTestHost.StartAsync();
        var (status, body) = await sim.PostJsonAsync("api/Client", "[{\"name\":\"One Ltd\"},{\"name\":\"Two Ltd\"}]");
        Assert.Equal(HttpStatusCode.OK, status);
        var saved = Assert.IsType<JsonArray>(body);
        Assert.Equal(["One Ltd", "Two Ltd"], saved.Select(c => c!.Str("name")).ToArray());
    }

    [Theory]
    [InlineData("[{\"client_id\":1}]", "Summary")]
    [InlineData("[{\"summary\":\"No client\"}]", "client_id")]
    [InlineData("[{\"summary\":\"Bad client\",\"client_id\":99999}]", "99999")]
    [InlineData("[{\"summary\":\"Bad agent\",\"client_id\":1,\"agent_id\":99999}]", "Agent")]
    [InlineData("[{\"summary\":\"Bad status\",\"client_id\":1,\"status_id\":77}]", "Status")]
    public async Task Ticket_validation_failures_are_400_with_a_halopsa_error_body(string json, string messagePart)
    {
        await using var sim = await SimTestHost.StartAsync();
        var count = sim.Demo.Data.Count(SimEntityKind.Ticket);
        var (status, body) = await sim.PostJsonAsync("api/Tickets", json);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("System.Exception", body.Str("ClassName"));
        Assert.Contains(messagePart, body.Str("Message"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(count, sim.Demo.Data.Count(SimEntityKind.Ticket));
    }

    [Fact]
    public async Task Non_array_body_is_400_and_unknown_id_is_404_without_creating()
    {
        await using var sim = await SimTestHost.StartAsync();
        var (objectStatus, _) = await sim.PostJsonAsync("api/Tickets", "{\"summary\":\"x\",\"client_id\":1}");
        Assert.Equal(HttpStatusCode.BadRequest, objectStatus);
        var count = sim.Demo.Data.Count(SimEntityKind.Ticket);
        var (unknownStatus, _) = await sim.PostJsonAsync("api/Tickets", "[{\"id\":987654,\"summary\":\"x\"}]");
        Assert.Equal(HttpStatusCode.NotFound, unknownStatus);
        Assert.Equal(count, sim.Demo.Data.Count(SimEntityKind.Ticket));
    }

    [Fact]
    public async Task Action_without_outcome_is_rejected_with_halopsa_message()
    {
        await using var sim = await SimTestHost.StartAsync();
        var ticket = sim.Demo.Data.All(SimEntityKind.Ticket)[0];
        var count = sim.Demo.Data.Count(SimEntityKind.Action);
        var (status, body) = await sim.PostJsonAsync("api/Actions", $"[{{\"ticket_id\":{ticket.Field("id")},\"note\":\"hello\"}}]");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("An Outcome must be entered for this Action", body.Str("Message"));
        Assert.Equal(count, sim.Demo.Data.Count(SimEntityKind.Action));
    }

    [Fact]
    public async Task New_action_updates_its_ticket()
    {
        await using var sim = await SimTestHost.StartAsync();
        var ticket = sim.Demo.Data.All(SimEntityKind.Ticket).First(t => t.Field("status_id") == 1);
        var id = ticket.Field("id");
        var before = ticket.Dbl("timetaken");
        sim.Clock.Advance(TimeSpan.FromDays(400));
        var (status, body) = await sim.PostJsonAsync("api/Actions",
            $"[{{\"ticket_id\":{id},\"outcome\":\"Phone Call\",\"note\":\"Called\",\"timetaken\":0.5,\"new_status\":2}}]");
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.True(body.Int("id") > 0);
        Assert.Equal(2, body.Int("outcome_id"));
        var after = sim.Demo.Data.Get(SimEntityKind.Ticket, id)!;
        Assert.Equal(before + 0.5, after.Dbl("timetaken"), 3);
        Assert.Equal(body.Str("datetime"), after.Str("lastactiondate"));
        Assert.Equal(2, after.Field("status_id"));
        Assert.Equal("In Progress", after.Str("status_name"));

        var (secondStatus, _) = await sim.PostJsonAsync("api/Actions", $"[{{\"ticket_id\":{id},\"outcome_id\":1,\"note\":\"More\",\"timetaken\":0.25}}]");
        Assert.Equal(HttpStatusCode.Created, secondStatus);
        Assert.Equal(before + 0.75, sim.Demo.Data.Get(SimEntityKind.Ticket, id)!.Dbl("timetaken"), 3);
    }

    [Fact]
    public async Task Action_update_needs_ticket_id()
    {
        await using var sim = await SimTestHost.StartAsync();
        var action = sim.Demo.Data.All(SimEntityKind.Action)[0];
        var (without, body) = await sim.PostJsonAsync("api/Actions", $"[{{\"id\":{action.Field("id")},\"note\":\"edited\"}}]");
        Assert.Equal(HttpStatusCode.BadRequest, without);
        Assert.Contains("ticket_id", body.Str("Message"), StringComparison.Ordinal);
        var (with, updated) = await sim.PostJsonAsync("api/Actions", $"[{{\"id\":{action.Field("id")},\"ticket_id\":{action.Field("ticket_id")},\"note\":\"edited\"}}]");
        Assert.Equal(HttpStatusCode.Created, with);
        Assert.Equal("edited", updated.Str("note"));
        Assert.Equal(action.Str("outcome"), updated.Str("outcome"));
    }

    [Fact]
    public async Task Create_client_and_asset()
    {
        await using var sim = await SimTestHost.StartAsync();
        var (clientStatus, client) = await sim.PostJsonAsync("api/Client", "[{\"name\":\"Brand New Ltd\",\"website\":\"https://new.example\"}]");
        Assert.Equal(HttpStatusCode.OK, clientStatus);
        var clientId = client.Int("id");
        Assert.Equal("Brand New Ltd", sim.Demo.Data.Get(SimEntityKind.Client, clientId)!.Str("name"));
        Assert.False(client.Bool("inactive"));

        var (noName, _) = await sim.PostJsonAsync("api/Client", "[{\"website\":\"x\"}]");
        Assert.Equal(HttpStatusCode.BadRequest, noName);

        var (assetStatus, asset) = await sim.PostJsonAsync("api/Asset", "[{\"client_id\":2,\"assettype_id\":2,\"inventory_number\":\"LT-NEW-1\",\"key_field2\":\"SN1\"}]");
        Assert.Equal(HttpStatusCode.OK, assetStatus);
        Assert.Equal("Laptop", asset.Str("assettype_name"));
        Assert.Equal(sim.Demo.Data.Get(SimEntityKind.Client, 2)!.Str("name"), asset.Str("client_name"));
        Assert.True(asset.Int("site_id") > 0);

        var (badType, _) = await sim.PostJsonAsync("api/Asset", "[{\"client_id\":2,\"assettype_id\":999}]");
        Assert.Equal(HttpStatusCode.BadRequest, badType);
    }

    [Fact]
    public async Task Delete_answers_200_and_removes_the_record()
    {
        await using var sim = await SimTestHost.StartAsync();
        var token = await sim.TokenAsync();
        using (var ok = await sim.SendAsync(HttpMethod.Delete, "api/Asset/1", token))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        Assert.Null(sim.Demo.Data.Get(SimEntityKind.Asset, 1));
        using (var again = await sim.SendAsync(HttpMethod.Delete, "api/Asset/1", token))
        {
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        }

        var action = sim.Demo.Data.All(SimEntityKind.Action)[0];
        using (var noTicket = await sim.SendAsync(HttpMethod.Delete, $"api/Actions/{action.Field("id")}", token))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noTicket.StatusCode);
        }

        using var withTicket = await sim.SendAsync(HttpMethod.Delete, $"api/Actions/{action.Field("id")}?ticket_id={action.Field("ticket_id")}", token);
        Assert.Equal(HttpStatusCode.OK, withTicket.StatusCode);
    }

    [Fact]
    public async Task A_tickets_action_list_follows_creates_and_deletes()
    {
        await using var sim = await SimTestHost.StartAsync();
        var token = await sim.TokenAsync();
        var ticketId = sim.Demo.Data.All(SimEntityKind.Ticket)[3].Field("id");
        async Task<List<int>> Listed() => (await sim.GetJsonAsync($"api/Actions?ticket_id={ticketId}&count=1000", token)).Items("actions").Select(a => a.Field("id")).ToList();
        List<int> Truth() => sim.Demo.Data.Where(SimEntityKind.Action, a => a.Field("ticket_id") == ticketId).Select(a => a.Field("id")).ToList();

        Assert.Equal(Truth(), await Listed());
        var (_, created) = await sim.PostJsonAsync("api/Actions", $"[{{\"ticket_id\":{ticketId},\"outcome\":\"Private Note\",\"note\":\"indexed\"}}]", token);
        Assert.Contains(created.Int("id"), await Listed());
        Assert.Equal(Truth(), await Listed());
        var removed = Truth()[0];
        using (var delete = await sim.SendAsync(HttpMethod.Delete, $"api/Actions/{removed}?ticket_id={ticketId}", token))
        {
            Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        }

        Assert.DoesNotContain(removed, await Listed());
        Assert.Equal(Truth(), await Listed());
        Assert.Empty((await sim.GetJsonAsync("api/Actions?ticket_id=987654", token)).Items("actions"));
    }

    [Fact]
    public async Task Concurrent_actions_on_one_ticket_all_apply_exactly_once()
    {
        await using var sim = await SimTestHost.StartAsync();
        var token = await sim.TokenAsync();
        var ticket = sim.Demo.Data.All(SimEntityKind.Ticket)[0];
        var id = ticket.Field("id");
        var before = ticket.Dbl("timetaken");
        var actionsBefore = sim.Demo.Data.Count(SimEntityKind.Action);
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            sim.PostJsonAsync("api/Actions", $"[{{\"ticket_id\":{id},\"outcome\":\"Private Note\",\"note\":\"n{i}\",\"timetaken\":0.25}}]", token)));
        Assert.All(results, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        Assert.Equal(40, results.Select(r => r.Body.Int("id")).Distinct().Count());
        Assert.Equal(actionsBefore + 40, sim.Demo.Data.Count(SimEntityKind.Action));
        Assert.Equal(before + 10, sim.Demo.Data.Get(SimEntityKind.Ticket, id)!.Dbl("timetaken"), 3);
    }
}
