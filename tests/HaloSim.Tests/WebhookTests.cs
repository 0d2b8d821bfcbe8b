using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using HaloMcp.HaloSim;
using HaloMcp.HaloSim.Webhooks;

namespace HaloMcp.HaloSim.Tests;

/// <summary>Webhooks delivered over real HTTP to a real receiver; batching and delays moved by the simulator's fake clock.</summary>
public sealed class WebhookTests
{
    private static SimWebhookOptions Hook(WebhookReceiver receiver, Action<SimWebhookOptions>? configure = null)
    {
        var hook = new SimWebhookOptions
        {
            Name = "HaloMcp", Url = receiver.Url, Authentication = SimWebhookAuthentication.Basic,
            BasicUsername = "halomcp", BasicPassword = "hook-secret",
        };
        configure?.Invoke(hook);
        return hook;
    }

    private static Task<SimTestHost> StartAsync(params SimWebhookOptions[] hooks) =>
        SimTestHost.StartAsync(SimTestHost.Instance(configure: o => o.Webhooks = [.. hooks]));

    /// <summary>Waits (bounded) until the delivery log has <paramref name="count"/> entries and none is still queued.</summary>
    private static async Task<IReadOnlyList<SimWebhookDelivery>> SettledAsync(SimTestHost sim, int count)
    {
        for (var i = 0; i < 1000; i++)
        {
            var deliveries = sim.Demo.Webhooks.Deliveries;
            if (deliveries.Count >= count && deliveries.All(d => d.State != SimWebhookDeliveryState.Queued))
            {
                return deliveries;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"deliveries did not settle: {string.Join(", ", sim.Demo.Webhooks.Deliveries.Select(d => d.State))}");
    }

    private static async Task<JsonNode> SimJsonAsync(SimTestHost sim, HttpMethod method, string url, string? json = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await sim.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {url} -> {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    private static string[] Events(ReceivedWebhook hook) => [.. hook.Occurrences.Select(o => o.Str("event"))];

    /// <summary>The events of the next <paramref name="deliveries"/> deliveries, in arrival order.</summary>
    private static async Task<string[]> NextEventsAsync(WebhookReceiver receiver, int deliveries)
    {
        var events = new List<string>();
        for (var i = 0; i < deliveries; i++)
        {
            events.AddRange(Events(await receiver.NextAsync()));
        }

        return [.. events];
    }

    [Fact]
    public async Task An_api_write_is_posted_with_basic_auth_and_the_objects_the_api_answers()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await StartAsync(Hook(receiver));
        var token = await sim.TokenAsync();
        var ticket = sim.Demo.Data.All(SimEntityKind.Ticket).First(t => t.Field("status_id") == 2);
        var id = ticket.Field("id");

        var (status, _) = await sim.PostJsonAsync("api/Tickets", $$"""[{"id":{{id}},"summary":"Printer on fire"}]""", token);
        Assert.Equal(HttpStatusCode.OK, status);
        var update = await receiver.NextAsync();
        Assert.Equal("POST", update.Method);
        Assert.Equal("/webhooks/halopsa/demo", update.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("halomcp:hook-secret")), update.Authorization);
        Assert.StartsWith("application/json", update.ContentType, StringComparison.Ordinal);
        var occurrence = Assert.IsType<JsonObject>(update.Json);
        Assert.Equal(("Ticket Updated", 2, "ticket"), (occurrence.Str("event"), occurrence.Int("eventno"), occurrence.Str("event_type")));
        Assert.Equal((id, id), (occurrence.Int("entity_id"), occurrence.Int("ticket_id")));
        var getTicket = await sim.GetJsonAsync($"api/Tickets/{id}", token);
        Assert.Equal(getTicket.ToJsonString(), occurrence["ticket"]!.ToJsonString());
        Assert.Equal("Printer on fire", occurrence["ticket"].Str("summary"));

        var (actionStatus, action) = await sim.PostJsonAsync("api/Actions", $$"""[{"ticket_id":{{id}},"outcome":"Phone Call","note":"Rang them","timetaken":0.5}]""", token);
        Assert.Equal(HttpStatusCode.Created, actionStatus);
        var added = Assert.IsType<JsonObject>((await receiver.NextAsync()).Json);
        Assert.Equal("Action Added", added.Str("event"));
        Assert.Equal((action.Int("id"), id), (added.Int("entity_id"), added.Int("ticket_id")));
        Assert.Equal((await sim.GetJsonAsync($"api/Actions/{action.Int("id")}?ticket_id={id}", token)).ToJsonString(), added["action"]!.ToJsonString());
        Assert.Equal((await sim.GetJsonAsync($"api/Tickets/{id}", token)).ToJsonString(), added["ticket"]!.ToJsonString());

        // The Deliveries log holds each request and the receiver's answer; the ids in the bodies name the deliveries.
        var deliveries = await SettledAsync(sim, 2);
        Assert.All(deliveries, d => Assert.Equal((SimWebhookDeliveryState.Delivered, 200, "thanks"), (d.State, d.ResponseStatus, d.ResponseBody)));
        Assert.Equal([occurrence.Str("delivery_id"), added.Str("delivery_id")], deliveries.Select(d => d.Id).ToArray());
        Assert.Equal(update.Body, deliveries[0].RequestBody);
        Assert.DoesNotContain("hook-secret", deliveries[0].RequestHeaders, StringComparison.Ordinal);
        Assert.Equal(sim.Clock.GetUtcNow(), deliveries[0].SentAt);
        var log = await SimJsonAsync(sim, HttpMethod.Get, "_sim/webhooks/demo/deliveries");
        var first = log.Items("deliveries")[0];
        Assert.Equal((deliveries[0].Id, "delivered", 200, id), (first.Str("id"), first.Str("state"), first.Int("responsestatus"), first.Int("entity_id")));
        Assert.Equal(update.Body, first.Str("requestbody"));
    }

    [Fact]
    public async Task Every_change_fires_its_events()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await StartAsync(Hook(receiver));
        var token = await sim.TokenAsync();
        var ticket = sim.Demo.Data.All(SimEntityKind.Ticket).First(t => t.Field("status_id") == 2 && t.Field("agent_id") is > 0 and not 3);

        var (_, created) = await sim.PostJsonAsync("api/Tickets", """[{"summary":"New laptop","client_id":1}]""", token);
        Assert.Equal(["New Ticket Logged"], Events(await receiver.NextAsync()));
        await sim.PostJsonAsync("api/Tickets", $$"""[{"id":{{ticket.Field("id")}},"agent_id":3,"status_id":4}]""", token);
        Assert.Equal(["Ticket Updated", "Ticket Reassigned", "Ticket Status Changed"], await NextEventsAsync(receiver, 3));
        await sim.PostJsonAsync("api/Actions", $$"""[{"ticket_id":{{created.Int("id")}},"outcome":"Private Note","note":"done","new_status":9}]""", token);
        Assert.Equal(["Action Added", "Ticket Status Changed", "Ticket Closed"], await NextEventsAsync(receiver, 3));
        await sim.PostJsonAsync("api/Client", """[{"name":"Hooked Ltd"}]""", token);
        Assert.Equal(["Client Created"], Events(await receiver.NextAsync()));
        await sim.PostJsonAsync("api/Asset", """[{"client_id":2,"assettype_id":1}]""", token);
        Assert.Equal(["Asset Created"], Events(await receiver.NextAsync()));
        var action = sim.Demo.Data.All(SimEntityKind.Action)[0];
        using (var delete = await sim.SendAsync(HttpMethod.Delete, $"api/Actions/{action.Field("id")}?ticket_id={action.Field("ticket_id")}", token))
        {
            Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        }

        var deleted = (await receiver.NextAsync()).Occurrences.Single();
        Assert.Equal(("Action Deleted", action.Field("id")), (deleted.Str("event"), deleted["action"].Int("id")));

        // A write the API refuses changes nothing and announces nothing.
        var (refused, _) = await sim.PostJsonAsync("api/Tickets", """[{"summary":"No client"}]""", token);
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal(10, sim.Demo.Webhooks.Deliveries.Count);
    }

    [Fact]
    public async Task A_profile_fires_only_on_the_events_it_lists()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await StartAsync(Hook(receiver, h => h.Events = ["Action Added", "5"]));
        var token = await sim.TokenAsync();
        var id = sim.Demo.Data.All(SimEntityKind.Ticket).First(t => t.Field("status_id") == 2).Field("id");
        await sim.PostJsonAsync("api/Tickets", $$"""[{"id":{{id}},"summary":"quiet"}]""", token);
        Assert.Empty(sim.Demo.Webhooks.Deliveries);
        await sim.PostJsonAsync("api/Actions", $$"""[{"ticket_id":{{id}},"outcome":"Private Note","note":"loud","new_status":9}]""", token);
        Assert.Equal(["Action Added"], Events(await receiver.NextAsync()));
        Assert.Equal(["Ticket Closed"], Events(await receiver.NextAsync()));
        Assert.Equal(2, (await SettledAsync(sim, 2)).Count);
    }

    [Fact]
    public async Task Changes_made_in_the_ui_are_the_apis_changes_and_cost_no_budget()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await SimTestHost.StartAsync(
            SimTestHost.Instance("demo", configure: o => { o.Webhooks = [Hook(receiver)]; o.Budget = new SimBudgetOptions { Requests = 3, WindowSeconds = 300 }; }),
            SimTestHost.Instance("twin", configure: o => o.Budget = new SimBudgetOptions { Requests = 100, WindowSeconds = 300 }));
        var id = sim.Demo.Data.All(SimEntityKind.Ticket).First(t => t.Field("status_id") == 2).Field("id");

        await SimJsonAsync(sim, HttpMethod.Post, $"_sim/ui/demo/tickets/{id}", """{"summary":"Edited in the UI","priority_id":1}""");
        await SimJsonAsync(sim, HttpMethod.Post, $"_sim/ui/demo/tickets/{id}/actions", """{"outcome":"Phone Call","note":"Called from the UI","timetaken":0.25}""");
        await SimJsonAsync(sim, HttpMethod.Post, $"_sim/ui/demo/tickets/{id}/close", """{"note":"Fixed"}""");
        await SimJsonAsync(sim, HttpMethod.Post, "_sim/ui/demo/Client", """[{"name":"Made in the UI"}]""");

        // The same changes through the API of an identical instance give identical records.
        var twin = await sim.TokenAsync("twin");
        await sim.PostJsonAsync("twin/api/Tickets", $$"""[{"id":{{id}},"summary":"Edited in the UI","priority_id":1}]""", twin);
        await sim.PostJsonAsync("twin/api/Actions", $$"""[{"ticket_id":{{id}},"outcome":"Phone Call","note":"Called from the UI","timetaken":0.25}]""", twin);
        await sim.PostJsonAsync("twin/api/Actions", $$"""[{"ticket_id":{{id}},"outcome":"Status Change","note":"Fixed","new_status":9}]""", twin);
        await sim.PostJsonAsync("twin/api/Client", """[{"name":"Made in the UI"}]""", twin);
        var twinData = sim.Host.Instance("twin").Data;
        Assert.Equal(twinData.Get(SimEntityKind.Ticket, id)!.ToJsonString(), sim.Demo.Data.Get(SimEntityKind.Ticket, id)!.ToJsonString());
        Assert.Equal(9, sim.Demo.Data.Get(SimEntityKind.Ticket, id)!.Field("status_id"));
        Assert.Equal(
            string.Join('\n', twinData.Where(SimEntityKind.Action, a => a.Field("ticket_id") == id).Select(a => a.ToJsonString())),
            string.Join('\n', sim.Demo.Data.Where(SimEntityKind.Action, a => a.Field("ticket_id") == id).Select(a => a.ToJsonString())));
        Assert.Equal(twinData.Count(SimEntityKind.Client), sim.Demo.Data.Count(SimEntityKind.Client));

        // Out of band: nothing in the API log, no budget spent (all three requests of the window are still there).
        Assert.Empty(sim.Demo.Requests.Entries);
        var token = await sim.TokenAsync();
        for (var i = 0; i < 3; i++)
        {
            using var call = await sim.SendAsync(HttpMethod.Get, "api/Status", token);
            Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        }

        Assert.Equal(["Ticket Updated", "Action Added", "Action Added", "Ticket Status Changed", "Ticket Closed", "Client Created"], await NextEventsAsync(receiver, 6));
        Assert.Equal(6, (await SettledAsync(sim, 6)).Count);
    }

    [Fact]
    public async Task A_ui_action_is_signed_by_the_technician_and_bad_ui_requests_change_nothing()
    {
        await using var sim = await SimTestHost.StartAsync();
        var id = sim.Demo.Data.All(SimEntityKind.Ticket)[0].Field("id");
        var note = await SimJsonAsync(sim, HttpMethod.Post, $"_sim/ui/demo/tickets/{id}/actions?agent_id=4", """{"outcome":"Private Note","note":"mine","who_agentid":2}""");
        var agent = sim.Demo.Data.Get(SimEntityKind.Agent, 4)!;
        Assert.Equal((4, agent.Str("name")), (note.Int("who_agentid"), note.Str("who")));

        var actions = sim.Demo.Data.Count(SimEntityKind.Action);
        using var noOutcome = await sim.Http.PostAsync($"_sim/ui/demo/tickets/{id}/actions", new StringContent("""{"note":"x"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, noOutcome.StatusCode);
        Assert.Equal("An Outcome must be entered for this Action", JsonNode.Parse(await noOutcome.Content.ReadAsStringAsync()).Str("Message"));
        using var unknownAgent = await sim.Http.PostAsync($"_sim/ui/demo/tickets/{id}/close?agent_id=999", null);
        Assert.Equal(HttpStatusCode.BadRequest, unknownAgent.StatusCode);
        using var unknownTicket = await sim.Http.PostAsync("_sim/ui/demo/tickets/987654/close", null);
        Assert.Equal(HttpStatusCode.BadRequest, unknownTicket.StatusCode);
        using var unknownOperation = await sim.Http.PostAsync($"_sim/ui/demo/tickets/{id}/explode", null);
        Assert.Equal(HttpStatusCode.BadRequest, unknownOperation.StatusCode);
        Assert.Equal(actions, sim.Demo.Data.Count(SimEntityKind.Action));
    }

    [Fact]
    public async Task Batches_gather_for_their_delay_on_the_fake_clock_and_go_out_as_arrays()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await StartAsync(Hook(receiver, h => { h.BatchMethod = SimWebhookBatching.SameEventType; h.BatchDelaySeconds = 30; }));
        var token = await sim.TokenAsync();
        var tickets = sim.Demo.Data.All(SimEntityKind.Ticket).Where(t => t.Field("status_id") == 2).Take(2).Select(t => t.Field("id")).ToArray();
        await sim.PostJsonAsync("api/Tickets", $$"""[{"id":{{tickets[0]}},"summary":"one"}]""", token);
        sim.Clock.Advance(TimeSpan.FromSeconds(10));
        await sim.PostJsonAsync("api/Actions", $$"""[{"ticket_id":{{tickets[0]}},"outcome":"Private Note","note":"n"}]""", token);
        await sim.PostJsonAsync("api/Tickets", $$"""[{"id":{{tickets[1]}},"summary":"two"}]""", token);
        sim.Clock.Advance(TimeSpan.FromSeconds(19));
        Assert.Empty(sim.Demo.Webhooks.Deliveries);

        // 30 s after the first ticket event its batch goes; the action's batch started 10 s later and waits 10 s more.
        sim.Clock.Advance(TimeSpan.FromSeconds(1));
        var ticketBatch = await receiver.NextAsync();
        Assert.IsType<JsonArray>(ticketBatch.Json);
        Assert.Equal([tickets[0], tickets[1]], ticketBatch.Occurrences.Select(o => o.Int("ticket_id")).ToArray());
        Assert.Single(ticketBatch.Occurrences.Select(o => o.Str("delivery_id")).Distinct());
        Assert.Single(sim.Demo.Webhooks.Deliveries);
        sim.Clock.Advance(TimeSpan.FromSeconds(10));
        var actionBatch = await receiver.NextAsync();
        Assert.Equal(["Action Added"], Events(actionBatch));
        Assert.IsType<JsonArray>(actionBatch.Json);
        var deliveries = await SettledAsync(sim, 2);
        Assert.Equal(SimTestHost.Start.AddSeconds(30), deliveries[0].QueuedAt);
        Assert.Equal(SimTestHost.Start.AddSeconds(40), deliveries[1].QueuedAt);
    }

    [Fact]
    public async Task A_full_batch_goes_at_once_and_the_rest_waits_for_the_delay()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await StartAsync(Hook(receiver, h => { h.BatchMethod = SimWebhookBatching.AnyEvent; h.BatchDelaySeconds = 60; h.BatchLimit = 2; }));
        var token = await sim.TokenAsync();
        foreach (var name in new[] { "A Ltd", "B Ltd", "C Ltd", "D Ltd", "E Ltd" })
        {
            await sim.PostJsonAsync("api/Client", $$"""[{"name":"{{name}}"}]""", token);
        }

        var firstFull = (await receiver.NextAsync()).Occurrences.Count;
        var secondFull = (await receiver.NextAsync()).Occurrences.Count;
        Assert.Equal((2, 2), (firstFull, secondFull));
        Assert.Equal(2, sim.Demo.Webhooks.Deliveries.Count);
        sim.Clock.Advance(TimeSpan.FromSeconds(60));
        var last = await receiver.NextAsync();
        Assert.Equal("E Ltd", Assert.Single(last.Occurrences)["client"].Str("name"));
        Assert.IsType<JsonArray>(last.Json);
    }

    [Fact]
    public async Task Dropped_deliveries_never_arrive_and_are_logged_as_dropped()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await StartAsync(Hook(receiver));
        var token = await sim.TokenAsync();
        var faults = await SimJsonAsync(sim, HttpMethod.Post, "_sim/webhooks/demo", """{"faults":{"drop_next":1}}""");
        Assert.Equal(1, faults["faults"].Int("drop_next"));
        await sim.PostJsonAsync("api/Client", """[{"name":"Lost Ltd"}]""", token);
        await sim.PostJsonAsync("api/Client", """[{"name":"Found Ltd"}]""", token);
        Assert.Equal("Found Ltd", (await receiver.NextAsync()).Occurrences.Single()["client"].Str("name"));
        var deliveries = await SettledAsync(sim, 2);
        Assert.Equal([SimWebhookDeliveryState.Dropped, SimWebhookDeliveryState.Delivered], deliveries.Select(d => d.State).ToArray());
        Assert.Null(deliveries[0].SentAt);

        // A rate of 1 drops everything; a seeded rate drops the same deliveries on every run.
        await SimJsonAsync(sim, HttpMethod.Post, "_sim/webhooks/demo", """{"faults":{"drop_rate":1}}""");
        await sim.PostJsonAsync("api/Client", """[{"name":"Gone Ltd"}]""", token);
        Assert.Equal(SimWebhookDeliveryState.Dropped, sim.Demo.Webhooks.Deliveries[^1].State);
        await SimJsonAsync(sim, HttpMethod.Post, "_sim/webhooks/demo", """{"faults":{"reset":true,"drop_rate":0.5,"drop_seed":7}}""");
        for (var i = 0; i < 20; i++)
        {
            await sim.PostJsonAsync("api/Client", $$"""[{"name":"Coin {{i}}"}]""", token);
        }

        var coins = sim.Demo.Webhooks.Deliveries.Skip(3).Select(d => d.State == SimWebhookDeliveryState.Dropped).ToArray();
        var expected = new Random(7);
        Assert.Equal(Enumerable.Range(0, 20).Select(_ => expected.NextDouble() < 0.5).ToArray(), coins);
        Assert.Contains(true, coins);
        Assert.Contains(false, coins);
        var settled = await SettledAsync(sim, 23);
        Assert.Equal(coins.Count(dropped => !dropped), settled.Skip(3).Count(d => d.State == SimWebhookDeliveryState.Delivered));
        Assert.Equal(coins.Count(dropped => !dropped), receiver.Drain().Count);
    }

    [Fact]
    public async Task A_delayed_delivery_arrives_after_a_later_prompt_one()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await StartAsync(Hook(receiver));
        var token = await sim.TokenAsync();
        sim.Demo.Webhooks.Faults.Delay = TimeSpan.FromSeconds(45);
        await sim.PostJsonAsync("api/Client", """[{"name":"Slow Ltd"}]""", token);
        sim.Demo.Webhooks.Faults.Delay = TimeSpan.Zero;
        await sim.PostJsonAsync("api/Client", """[{"name":"Quick Ltd"}]""", token);
        Assert.Equal("Quick Ltd", (await receiver.NextAsync()).Occurrences.Single()["client"].Str("name"));
        sim.Clock.Advance(TimeSpan.FromSeconds(44));
        Assert.Equal(SimWebhookDeliveryState.Queued, sim.Demo.Webhooks.Deliveries[0].State);
        sim.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("Slow Ltd", (await receiver.NextAsync()).Occurrences.Single()["client"].Str("name"));
        var deliveries = await SettledAsync(sim, 2);
        Assert.Equal(SimTestHost.Start.AddSeconds(45), deliveries[0].DueAt);
        Assert.Equal(SimTestHost.Start.AddSeconds(45), deliveries[0].SentAt);
    }

    [Fact]
    public async Task Failed_deliveries_are_logged_with_the_answer_and_auto_disable_the_profile()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.AnswerStatus = 500;
        await using var sim = await StartAsync(Hook(receiver, h => h.AutoDisableAttempts = 2));
        var token = await sim.TokenAsync();
        await sim.PostJsonAsync("api/Client", """[{"name":"One Ltd"}]""", token);
        await receiver.NextAsync();
        await SettledAsync(sim, 1);
        await sim.PostJsonAsync("api/Client", """[{"name":"Two Ltd"}]""", token);
        await receiver.NextAsync();
        var failed = await SettledAsync(sim, 2);
        Assert.All(failed, d => Assert.Equal((SimWebhookDeliveryState.Failed, 500, "receiver is broken"), (d.State, d.ResponseStatus, d.ResponseBody)));

        var state = await SimJsonAsync(sim, HttpMethod.Get, "_sim/webhooks/demo");
        var profile = state.Items("webhooks").Single();
        Assert.True(profile.Bool("disabled"));
        Assert.Equal(500, profile.Int("last_status"));
        await sim.PostJsonAsync("api/Client", """[{"name":"Unheard Ltd"}]""", token);
        Assert.Equal(2, sim.Demo.Webhooks.Deliveries.Count);

        // Saving the profile as it was read (disabled: true included) re-enables it, as editing a disabled webhook does.
        receiver.AnswerStatus = 200;
        await SimJsonAsync(sim, HttpMethod.Post, "_sim/webhooks/demo", new JsonObject { ["webhooks"] = new JsonArray(profile.DeepClone()) }.ToJsonString());
        await sim.PostJsonAsync("api/Client", """[{"name":"Heard Ltd"}]""", token);
        Assert.Equal("Heard Ltd", (await receiver.NextAsync()).Occurrences.Single()["client"].Str("name"));
    }

    [Fact]
    public async Task An_unreachable_receiver_is_a_failed_delivery_with_the_reason()
    {
        string closed;
        await using (var gone = await WebhookReceiver.StartAsync())
        {
            closed = gone.Url;
        }

        await using var sim = await SimTestHost.StartAsync(SimTestHost.Instance(configure: o => o.Webhooks = [new SimWebhookOptions { Url = closed }]));
        await sim.PostJsonAsync("api/Client", """[{"name":"Nobody Ltd"}]""");
        var failed = Assert.Single(await SettledAsync(sim, 1));
        Assert.Equal(SimWebhookDeliveryState.Failed, failed.State);
        Assert.Null(failed.ResponseStatus);
        Assert.False(string.IsNullOrEmpty(failed.Error));
    }

    [Fact]
    public async Task Profiles_are_managed_through_halopsas_webhook_api()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await StartAsync();
        var token = await sim.TokenAsync();
        var (created, profile) = await sim.PostJsonAsync("api/Webhook",
            $$"""[{"name":"HaloMcp","url":"{{receiver.Url}}","method":0,"content_type":"application/json","authentication_type":1,"basic_username":"u","basic_password":"p","events":[{"eventno":7}],"batch_method":0}]""",
            token);
        Assert.Equal(HttpStatusCode.OK, created);
        var id = profile.Str("id");
        Assert.True(Guid.TryParse(id, out _));
        Assert.False(profile!.AsObject().ContainsKey("basic_password"));
        Assert.Equal(["Action Added"], profile["events"]!.AsArray().Select(e => e.Str("name")).ToArray());
        Assert.Equal(id, Assert.Single((await sim.GetJsonAsync("api/Webhook", token)).Items()).Str("id"));
        Assert.Equal("HaloMcp", (await sim.GetJsonAsync($"api/Webhook/{id}", token)).Str("name"));

        var ticket = sim.Demo.Data.All(SimEntityKind.Ticket)[0].Field("id");
        await sim.PostJsonAsync("api/Actions", $$"""[{"ticket_id":{{ticket}},"outcome":"Private Note","note":"hooked"}]""", token);
        var hook = await receiver.NextAsync();
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("u:p")), hook.Authorization);
        Assert.Equal(id, hook.Occurrences.Single().Str("webhook_id"));

        // An update names the id and carries only what changes; the password is kept.
        var (updated, _) = await sim.PostJsonAsync("api/Webhook", $$"""[{"id":"{{id}}","events":[{"name":"Client Created"}]}]""", token);
        Assert.Equal(HttpStatusCode.OK, updated);
        await sim.PostJsonAsync("api/Client", """[{"name":"Via Api Ltd"}]""", token);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("u:p")), (await receiver.NextAsync()).Authorization);

        var (badUrl, error) = await sim.PostJsonAsync("api/Webhook", """[{"name":"Broken","url":"not a url"}]""", token);
        Assert.Equal(HttpStatusCode.BadRequest, badUrl);
        Assert.Contains("url", error.Str("Message"), StringComparison.Ordinal);
        var (unknown, _) = await sim.PostJsonAsync("api/Webhook", $$"""[{"id":"{{Guid.NewGuid()}}","name":"x"}]""", token);
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Single((await sim.GetJsonAsync("api/Webhook", token)).Items());

        var reader = await sim.TokenAsync(scope: "read:tickets");
        using (var forbidden = await sim.SendAsync(HttpMethod.Get, "api/Webhook", reader))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        using (var delete = await sim.SendAsync(HttpMethod.Delete, $"api/Webhook/{id}", token))
        {
            Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        }

        Assert.Empty((await sim.GetJsonAsync("api/Webhook", token)).Items());
        Assert.True(sim.Demo.Requests.Entries.Where(e => e.Path.StartsWith("/api/Webhook", StringComparison.Ordinal)).All(e => e.BudgetCounted || e.StatusCode == 403));
    }

    [Fact]
    public async Task A_bad_profile_is_refused_and_the_old_ones_stay()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await StartAsync(Hook(receiver));
        foreach (var bad in new[]
        {
            """{"webhooks":[{"name":"x","url":"ftp://nowhere"}]}""",
            """{"webhooks":[{"name":"x","url":"http://127.0.0.1:9/","events":["Nonsense Happened"]}]}""",
            """{"webhooks":[{"name":"x","url":"http://127.0.0.1:9/","batch_method":1,"batch_delay_seconds":0}]}""",
            """{"webhooks":[{"name":"x","url":"http://127.0.0.1:9/","authentication_type":2}]}""",
            """{"webhooks":[{"name":"x","url":"http://127.0.0.1:9/","authentication_type":1}]}""",
            """{"faults":{"drop_rate":"lots"}}""",
        })
        {
            using var response = await sim.Http.PostAsync("_sim/webhooks/demo", new StringContent(bad, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        var state = await SimJsonAsync(sim, HttpMethod.Get, "_sim/webhooks/demo");
        Assert.Equal(receiver.Url, state.Items("webhooks").Single().Str("url"));
        Assert.Throws<ArgumentException>(() => sim.Demo.Webhooks.Configure([new SimWebhookOptions { Url = "nope" }]));
    }

    [Fact]
    public async Task Profiles_bind_from_configuration()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await HaloSimHost.StartFromConfigurationAsync(
        [
            "--HaloSim:Instances:0:Name=alpha", "--HaloSim:Instances:0:Sizes:Tickets=3",
            $"--HaloSim:Instances:0:Webhooks:0:Url={receiver.Url}", "--HaloSim:Instances:0:Webhooks:0:Authentication=Basic",
            "--HaloSim:Instances:0:Webhooks:0:BasicUsername=cfg", "--HaloSim:Instances:0:Webhooks:0:BasicPassword=pw",
            "--HaloSim:Instances:0:Webhooks:0:Events:0=Client Created",
        ]);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var ui = await http.PostAsync("_sim/ui/alpha/Client", new StringContent("""[{"name":"Configured Ltd"}]""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        var hook = await receiver.NextAsync();
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("cfg:pw")), hook.Authorization);
        Assert.Equal("Client Created", hook.Occurrences.Single().Str("event"));
    }
}
