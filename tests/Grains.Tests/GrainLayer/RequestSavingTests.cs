using System.Text.Json.Nodes;
using HaloMcp.Grains.Billing;
using HaloMcp.Grains.Customers;
using HaloMcp.Grains.Errors;
using HaloMcp.Grains.Tickets;
using HaloMcp.Grains.Webhooks;
using HaloMcp.HaloSim;
using static HaloMcp.Grains.Tests.GrainLayer.GrainQueries;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>
/// Issue 12's request savings, each counted in the simulator's request log: reads that the answers HaloMcp already
/// has make unnecessary, reads made only when asked for, revenue kept per client and period, and refusals that cost
/// (almost) nothing.
/// </summary>
[Collection(GrainLayerCollection.Name)]
public sealed class RequestSavingTests
{
    [Fact]
    public async Task A_ticket_just_listed_is_read_from_its_list_row_without_a_request()
    {
        await using var rig = await GrainLayerRig.StartAsync();
        var desk = rig.Grains.GetGrain<IServiceDeskGrain>("acme");

        var page = await desk.ListTicketsAsync(new TicketQuery(null, null, null, null, null, null, null, false, null, null, null, 1, 25), default);
        var shown = await Task.WhenAll(page.Items.Select(row => rig.Entry(row.Id).GetGrain<ITicketGrain>(row.Id, "acme").GetAsync(false, default)));

        // Every row carried the whole ticket: 25 tickets shown, none read one by one.
        Assert.Equal(25, shown.Length);
        Assert.Empty(rig.Requests("acme", "GET", "/api/Tickets/"));
        Assert.All(shown, t => Assert.True(t.FromCache));
        var record = rig.Instance("acme").Data.Get(SimEntityKind.Ticket, shown[0].Id)!;
        Assert.Equal(Text(record, "details"), shown[0].Details);
        Assert.Equal(Text(record, "site_name"), shown[0].SiteName);
    }

    [Fact]
    public async Task A_new_ticket_is_read_from_the_creates_answer_and_its_actions_from_one_list()
    {
        await using var rig = await GrainLayerRig.StartAsync();
        var clientId = Id(rig.Instance("acme").Data.All(SimEntityKind.Client)[0]);

        var created = await rig.Grains.GetGrain<IClientGrain>(clientId, "acme").CreateTicketAsync(
            new CreateTicketCommand("Printer on fire", "Smoke from tray 2.", null, null, null, 2, null, null, null), default);
        var read = await rig.Entry(1).GetGrain<ITicketGrain>(created.Id, "acme").GetAsync(true, default);

        Assert.Equal("Printer on fire", read.Summary);
        Assert.Equal(0, rig.Count("acme", "GET", $"/api/Tickets/{created.Id}"));
        Assert.Equal(1, rig.Count("acme", "GET", "/api/Actions"));
    }

    [Fact]
    public async Task A_tickets_actions_once_read_serve_list_actions_without_a_request()
    {
        await using var rig = await GrainLayerRig.StartAsync();
        var ticketId = TicketIds(rig.Instance("acme"))[12];
        await rig.Grains.GetGrain<ITicketGrain>(ticketId, "acme").GetAsync(true, default);

        var listed = await rig.Grains.GetGrain<IServiceDeskGrain>("acme").ListActionsAsync(new ActionQuery(ticketId, null, null, null, null, false, 1, 25), default);

        Assert.True(listed.FromCache);
        Assert.Equal(listed.Total, listed.Items.Count);
        Assert.Equal(1, rig.Count("acme", "GET", "/api/Actions"));
    }

    [Fact]
    public async Task A_clients_sites_and_an_assets_tickets_are_read_only_when_asked_for()
    {
        await using var rig = await GrainLayerRig.StartAsync();
        var sim = rig.Instance("acme");
        var clientId = Id(sim.Data.All(SimEntityKind.Client)[0]);
        var assetId = Id(sim.Data.All(SimEntityKind.Asset)[0]);
        var client = rig.Grains.GetGrain<IClientGrain>(clientId, "acme");
        var customers = rig.Grains.GetGrain<ICustomerDirectoryGrain>("acme");

        var bare = await client.GetAsync(false, default);
        var asset = await customers.GetAssetAsync(assetId, false, default);
        Assert.Null(bare.Sites);
        Assert.Null(asset.LinkedTickets);
        Assert.Equal(0, rig.Count("acme", "GET", "/api/Site"));
        Assert.Equal(0, rig.Count("acme", "GET", "/api/Tickets"));

        var withSites = await client.GetAsync(true, default);
        var withTickets = await customers.GetAssetAsync(assetId, true, default);
        Assert.NotNull(withSites.Sites);
        Assert.NotNull(withTickets.LinkedTickets);
        Assert.Equal(1, rig.Count("acme", "GET", "/api/Site"));
        Assert.Equal(1, rig.Count("acme", "GET", "/api/Tickets"));
        Assert.Equal(1, rig.Count("acme", "GET", $"/api/Client/{clientId}"));
    }

    [Fact]
    public async Task A_revenue_breakdown_is_kept_per_client_and_period_until_an_invoice_changes()
    {
        await using var rig = await GrainLayerRig.StartAsync();
        var sim = rig.Instance("acme");
        var clientId = HaloPsa.HaloRig.Int(sim.Data.All(SimEntityKind.Invoice)[0], "client_id");
        var from = new DateTimeOffset(sim.Data.Anchor.AddYears(-2), TimeSpan.Zero);
        var to = new DateTimeOffset(sim.Data.Anchor.AddDays(1), TimeSpan.Zero);
        var billing = rig.Grains.GetGrain<IBillingGrain>("acme");
        int Requests() => sim.Requests.Entries.Count(e => e.Path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase));

        var first = await ResultAsync(billing, new RevenueQuery(clientId, from, to));
        var spent = Requests();
        var again = await ResultAsync(rig.Entry(1).GetGrain<IBillingGrain>("acme"), new RevenueQuery(clientId, from, to));
        Assert.False(first.FromCache);
        Assert.True(again.FromCache);
        Assert.Equal(first.Clients, again.Clients);
        Assert.Equal(first.Total, again.Total);
        Assert.Equal(spent, Requests());

        // Another period is another breakdown.
        await ResultAsync(billing, new RevenueQuery(clientId, from.AddMonths(1), to));
        Assert.True(Requests() > spent);

        // An invoice of the client changed in HaloPSA: its webhook drops what it counted in.
        var invoice = sim.Data.Where(SimEntityKind.Invoice, i => HaloPsa.HaloRig.Int(i, "client_id") == clientId)[0];
        var webhook = new JsonObject
        {
            ["event"] = "Invoice Updated", ["event_type"] = "invoice", ["entity_id"] = Id(invoice),
            ["invoice"] = new JsonObject { ["id"] = Id(invoice), ["client_id"] = clientId },
        };
        await rig.Grains.GetGrain<IWebhookGrain>("acme").ApplyAsync(new WebhookDelivery(System.Text.Encoding.UTF8.GetBytes(webhook.ToJsonString())), default);
        var afterChange = Requests();
        Assert.False((await ResultAsync(billing, new RevenueQuery(clientId, from, to))).FromCache);
        Assert.True(Requests() > afterChange);
    }

    [Fact]
    public async Task Scans_and_breakdowns_too_wide_to_read_are_refused_on_the_first_page_and_then_without_a_request()
    {
        await using var rig = await GrainLayerRig.StartAsync(o => o.Instances.Add(GrainLayerRigOptions.Instance("acme", configure: i => i.Sizes.Invoices = 3_200)));
        var sim = rig.Instance("acme");
        var billing = rig.Grains.GetGrain<IBillingGrain>("acme");
        int Requests() => sim.Requests.Entries.Count(e => e.Path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase));

        // list_invoices {}: HaloPSA's first page says 3,200 invoices; a scan of 32 pages is refused at once.
        var wide = new InvoiceQuery(null, null, null, false, 1, 25);
        var refused = await Assert.ThrowsAsync<HaloOperationException>(() => billing.ListInvoicesAsync(wide, default));
        Assert.Equal(HaloFailureKind.Validation, refused.Kind);
        Assert.Contains("3,200 records", refused.Message);
        Assert.Equal(1, Requests());
        await Assert.ThrowsAsync<HaloOperationException>(() => billing.ListInvoicesAsync(wide with { Page = 2 }, default));
        Assert.Equal(1, Requests());

        // Every client's revenue over the whole history: the first page of invoices and of schedules say it is too much.
        var from = new DateTimeOffset(sim.Data.Anchor.AddYears(-3), TimeSpan.Zero);
        var to = new DateTimeOffset(sim.Data.Anchor.AddDays(1), TimeSpan.Zero);
        var tooMuch = await Assert.ThrowsAsync<HaloOperationException>(() => ResultAsync(billing, new RevenueQuery(null, from, to)));
        Assert.Contains("give a client_id or a shorter period", tooMuch.Message);
        Assert.Equal(3, Requests());
        await Assert.ThrowsAsync<HaloOperationException>(() => ResultAsync(billing, new RevenueQuery(null, from, to)));
        Assert.Equal(3, Requests());
    }

    private static async Task<RevenueBreakdown> ResultAsync(IBillingGrain billing, RevenueQuery query)
    {
        await foreach (var update in billing.GetRevenueBreakdownAsync(query, default))
        {
            if (update.Result is { } result)
            {
                return result;
            }
        }

        throw new InvalidOperationException("The breakdown ended without a result.");
    }
}
