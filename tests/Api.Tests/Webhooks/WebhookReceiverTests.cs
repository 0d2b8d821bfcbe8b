using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using HaloMcp.Api.Tests.EndToEnd;
using HaloMcp.HaloSim;
using HaloMcp.HaloSim.Webhooks;
using HaloMcp.TestSupport;
using Microsoft.Extensions.Time.Testing;
using static HaloMcp.Api.Tests.EndToEnd.E2e;

namespace HaloMcp.Api.Tests.Webhooks;

/// <summary>
/// Issue 12, end to end: the simulator's webhook profiles post every change (made through its out-of-band UI, as a
/// colleague in HaloPSA would) to the server's receiver over real HTTP, and the next tool call shows it without an
/// upstream request; foreign and malformed deliveries are refused and change nothing; a lost delivery leaves a copy
/// stale for at most the bound. The simulator and the server share one <see cref="FakeTimeProvider"/>.
/// </summary>
public sealed class WebhookReceiverTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));
    private EndToEndHost _host = null!;
    private ModelContextProtocol.Client.McpClient _client = null!;
    private SimUi _ui = null!;

    private SimInstance Sim => _host.Alpha;

    public async Task InitializeAsync()
    {
        _host = await EndToEndHost.StartWithWebhooksAsync(_clock, "--Caching:EntityTtlWithWebhooks=00:10:00", "--Webhooks:MaxBodyBytes=262144");
        _client = await _host.ConnectAsync(EndToEndHost.AlphaKey);
        _ui = new SimUi(_host.Sim.BaseAddress, "alpha");
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _host.DisposeAsync();
    }

    public void Dispose() => _ui.Dispose();

    [Fact]
    public async Task A_change_made_in_HaloPSAs_UI_is_shown_by_the_next_call_once_delivered_and_costs_no_upstream_request()
    {
        await CallOk(_client, "halopsa_get_ticket", Args(("ticket_id", 20)));
        _clock.Advance(TimeSpan.FromSeconds(2));

        await _ui.EditTicketAsync(20, new JsonObject { ["summary"] = "Changed by a colleague", ["priority_id"] = 1 });
        await DeliveredAsync(Sim, 1);
        var requests = ApiRequests(Sim);
        var shown = await CallOk(_client, "halopsa_get_ticket", Args(("ticket_id", 20)));

        Assert.Equal("Changed by a colleague", shown.Str("summary"));
        Assert.Equal(1, shown.Int("priority_id"));
        Assert.True(shown.Bool("from_cache"));
        Assert.Equal(requests, ApiRequests(Sim));
        var delivery = Assert.Single(Sim.Webhooks.Deliveries);
        Assert.Equal(200, delivery.ResponseStatus);
        Assert.Contains("\"applied\":1", delivery.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batched_delivery_applies_every_change_it_carries()
    {
        Sim.Webhooks.Configure([EndToEndHost.Profile(_host.WebhookUrl("alpha"), EndToEndHost.AlphaWebhookUser, EndToEndHost.AlphaWebhookPassword, SimWebhookBatching.AnyEvent, 10)]);
        await CallOk(_client, "halopsa_get_ticket", Args(("ticket_id", 21)));
        await CallOk(_client, "halopsa_get_ticket", Args(("ticket_id", 22)));
        _clock.Advance(TimeSpan.FromSeconds(2));

        await _ui.EditTicketAsync(21, new JsonObject { ["summary"] = "Batched one" });
        var note = await _ui.AddActionAsync(22, new JsonObject { ["outcome"] = "Private Note", ["note"] = "Batched note" });
        _clock.Advance(TimeSpan.FromSeconds(10));
        await DeliveredAsync(Sim, 1);
        var requests = ApiRequests(Sim);

        var delivery = Assert.Single(Sim.Webhooks.Deliveries);
        Assert.StartsWith("[", delivery.RequestBody, StringComparison.Ordinal);
        Assert.Equal(2, delivery.EntityIds.Count);
        Assert.Equal("Batched one", (await CallOk(_client, "halopsa_get_ticket", Args(("ticket_id", 21)))).Str("summary"));
        var second = await CallOk(_client, "halopsa_get_ticket", Args(("ticket_id", 22)));
        Assert.Equal(note.Int("id"), second.Array("actions")[0].Int("id"));
        Assert.Equal(requests, ApiRequests(Sim));
    }

    [Fact]
    public async Task Foreign_deliveries_are_refused_with_401_and_change_nothing()
    {
        var before = await CallOk(_client, "halopsa_get_ticket", Args(("ticket_id", 23)));
        var body = Occurrence(23, "Forged summary");
        using var http = new HttpClient();

        // No credential; beta's credential on alpha's URL; alpha's username with a wrong password; an unknown tenant;
        // alpha's credential on beta's URL.
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, _host.WebhookUrl("alpha"), body, null));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, _host.WebhookUrl("alpha"), body, Basic(EndToEndHost.BetaWebhookUser, EndToEndHost.BetaWebhookPassword)));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, _host.WebhookUrl("alpha"), body, Basic(EndToEndHost.AlphaWebhookUser, EndToEndHost.BetaWebhookPassword)));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, _host.WebhookUrl("nobody"), body, Basic(EndToEndHost.AlphaWebhookUser, EndToEndHost.AlphaWebhookPassword)));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, _host.WebhookUrl("beta"), body, Basic(EndToEndHost.AlphaWebhookUser, EndToEndHost.AlphaWebhookPassword)));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, _host.WebhookUrl("broken"), body, Basic(EndToEndHost.AlphaWebhookUser, EndToEndHost.AlphaWebhookPassword)));

        // A profile with a wrong password: HaloPSA's Deliveries log shows the 401.
        Sim.Webhooks.Configure([EndToEndHost.Profile(_host.WebhookUrl("alpha"), EndToEndHost.AlphaWebhookUser, "not-the-password-at-all-0123456789abcdef")]);
        _clock.Advance(TimeSpan.FromSeconds(2));
        await _ui.EditTicketAsync(23, new JsonObject { ["summary"] = "Sent with the wrong password" });
        await Eventually(() => Sim.Webhooks.Deliveries.Any(d => d.State == SimWebhookDeliveryState.Failed), "the delivery failing");
        Assert.Equal(401, Sim.Webhooks.Deliveries.Single().ResponseStatus);

        var after = await CallOk(_client, "halopsa_get_ticket", Args(("ticket_id", 23)));
        Assert.Equal(before.Str("summary"), after.Str("summary"));
        Assert.True(after.Bool("from_cache"));
    }

    [Fact]
    public async Task Malformed_deliveries_are_refused_and_change_nothing()
    {
        var before = await CallOk(_client, "halopsa_get_ticket", Args(("ticket_id", 24)));
        var credential = Basic(EndToEndHost.AlphaWebhookUser, EndToEndHost.AlphaWebhookPassword);
        using var http = new HttpClient();
        var url = _host.WebhookUrl("alpha");

        // Not JSON; JSON that is no occurrence; a batch whose second occurrence has no ticket (the first is not applied);
        // not declared JSON; too big.
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(http, url, "{{not json", credential));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(http, url, "[1, 2]", credential));
        var batch = new JsonArray(JsonNode.Parse(Occurrence(24, "Half a batch")), new JsonObject { ["event"] = "Ticket Updated", ["event_type"] = "ticket" });
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(http, url, batch.ToJsonString(), credential));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, await PostAsync(http, url, Occurrence(24, "As text"), credential, "text/plain"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await PostAsync(http, url, Occurrence(24, new string('x', 300_000)), credential));

        var after = await CallOk(_client, "halopsa_get_ticket", Args(("ticket_id", 24)));
        Assert.Equal(before.Str("summary"), after.Str("summary"));
        Assert.True(after.Bool("from_cache"));
    }

    [Fact]
    public async Task A_dropped_delivery_leaves_the_ticket_stale_for_at_most_the_bound_and_the_result_says_how_old()
    {
        await CallOk(_client, "halopsa_get_ticket", Args(("ticket_id", 25)));
        Sim.Webhooks.Faults.DropNext = 1;
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _ui.EditTicketAsync(25, new JsonObject { ["summary"] = "Lost on the way" });
        Assert.Equal(SimWebhookDeliveryState.Dropped, Sim.Webhooks.Deliveries.Single().State);

        _clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(2));
        var stale = await CallOk(_client, "halopsa_get_ticket", Args(("ticket_id", 25)));
        Assert.NotEqual("Lost on the way", stale.Str("summary"));
        Assert.True(stale.Bool("from_cache"));
        Assert.Equal(599, stale.Int("age_seconds"));

        _clock.Advance(TimeSpan.FromSeconds(1));
        var fresh = await CallOk(_client, "halopsa_get_ticket", Args(("ticket_id", 25)));
        Assert.Equal("Lost on the way", fresh.Str("summary"));
        Assert.False(fresh.Bool("from_cache"));
    }

    [Fact]
    public async Task A_delivery_overtaken_by_a_later_one_does_not_bring_the_older_state_back()
    {
        await CallOk(_client, "halopsa_get_ticket", Args(("ticket_id", 26)));
        Sim.Webhooks.Faults.Delay = TimeSpan.FromSeconds(30);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _ui.EditTicketAsync(26, new JsonObject { ["summary"] = "Said first, arrives last" });
        Sim.Webhooks.Faults.Delay = TimeSpan.Zero;
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _ui.EditTicketAsync(26, new JsonObject { ["summary"] = "Said last, arrives first" });
        await DeliveredAsync(Sim, 1);

        _clock.Advance(TimeSpan.FromSeconds(30));
        await DeliveredAsync(Sim, 2);

        Assert.Equal("Said last, arrives first", (await CallOk(_client, "halopsa_get_ticket", Args(("ticket_id", 26)))).Str("summary"));
        Assert.Contains("\"applied\":0", Sim.Webhooks.Deliveries[0].ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_webhooks_a_change_in_the_UI_is_stale_for_less_than_30_seconds()
    {
        // No tenant of this server receives webhooks: a cached copy is the only thing between a change and a caller.
        await using var host = await EndToEndHost.StartAsync(new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero)));
        var clock = host.Clock!;
        await using var client = await host.ConnectAsync(EndToEndHost.AlphaKey);
        using var ui = new SimUi(host.Sim.BaseAddress, "alpha");
        await CallOk(client, "halopsa_get_ticket", Args(("ticket_id", 30)));

        clock.Advance(TimeSpan.FromSeconds(1));
        await ui.EditTicketAsync(30, new JsonObject { ["summary"] = "Edited without a webhook" });
        clock.Advance(TimeSpan.FromSeconds(28));
        var stale = await CallOk(client, "halopsa_get_ticket", Args(("ticket_id", 30)));
        Assert.True(stale.Bool("from_cache"));
        Assert.Equal(29, stale.Int("age_seconds"));

        clock.Advance(TimeSpan.FromSeconds(1));
        var fresh = await CallOk(client, "halopsa_get_ticket", Args(("ticket_id", 30)));
        Assert.Equal("Edited without a webhook", fresh.Str("summary"));
        Assert.False(fresh.Bool("from_cache"));
        Assert.Equal(0, fresh.Int("age_seconds"));
    }

    private static int ApiRequests(SimInstance sim) => sim.Requests.Entries.Count(e => e.Path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase));

    // One occurrence as the simulator sends it, for a ticket of alpha's: the ticket as GET answers it, summary changed.
    private string Occurrence(int ticketId, string summary)
    {
        var ticket = Sim.Data.Get(SimEntityKind.Ticket, ticketId)!.DeepClone().AsObject();
        ticket["summary"] = summary;
        ticket["last_update"] = "2027-01-01T00:00:00.000";
        return new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(), ["event"] = "Ticket Updated", ["event_type"] = "ticket", ["eventno"] = 2,
            ["timestamp"] = "2027-01-01T00:00:00.000", ["entity_id"] = ticketId, ["ticket_id"] = ticketId, ["ticket"] = ticket,
        }.ToJsonString();
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, Uri url, string body, AuthenticationHeaderValue? credential, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Authorization = credential;
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static Task DeliveredAsync(SimInstance sim, int count) =>
        Eventually(() => sim.Webhooks.Deliveries.Count(d => d.State == SimWebhookDeliveryState.Delivered) >= count, $"{count} deliveries answered 2xx");

    // A bounded wait for work in flight (a delivery on its way over real HTTP), never a timing assertion.
    private static async Task Eventually(Func<bool> condition, string what)
    {
        var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < giveUp, $"Gave up waiting for {what}.");
            await Task.Delay(10);
        }
    }
}
