using HaloMcp.Grains.HaloPsa;
using HaloMcp.Grains.HaloPsa.Errors;
using HaloMcp.Grains.HaloPsa.Queries;
using HaloMcp.HaloSim;

namespace HaloMcp.Grains.Tests.HaloPsa;

public sealed class EntityListTests
{
    [Fact]
    public async Task Clients_page_and_name_search_filters_by_name()
    {
        await using var rig = await HaloRig.StartAsync();
        var all = rig.Sim.Data.All(SimEntityKind.Client);
        var name = HaloRig.Str(all[2], "name")!;
        var fragment = name.Split(' ')[0].ToLowerInvariant();

        var page = await rig.Client.ListClientsAsync(new ClientQuery { PageSize = 5, IncludeInactive = true }, default);
        var found = await rig.Client.ListClientsAsync(new ClientQuery { Search = fragment, PageSize = 100, IncludeInactive = true }, default);

        Assert.Equal(all.Count, page.Total);
        Assert.Equal(5, page.Items.Count);
        Assert.Contains(found.Items, c => c.Name == name);
        Assert.All(found.Items, c => Assert.Contains(fragment, c.Name!, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(all.Count(c => HaloRig.Str(c, "name")!.Contains(fragment, StringComparison.OrdinalIgnoreCase)), found.Total);
        Assert.True(found.Total < all.Count);
    }

    [Fact]
    public async Task Client_get_by_id_and_not_found()
    {
        await using var rig = await HaloRig.StartAsync();
        var id = HaloRig.Int(rig.Sim.Data.All(SimEntityKind.Client)[0], "id");

        var client = await rig.Client.GetClientAsync(id, default);
        var missing = await Assert.ThrowsAsync<HaloNotFoundException>(() => rig.Client.GetClientAsync(55_555, default));

        Assert.Equal(id, client.Id);
        Assert.Equal("client", missing.Entity);
    }

    [Fact]
    public async Task Sites_filter_by_client_and_get_by_id()
    {
        await using var rig = await HaloRig.StartAsync();
        var sample = rig.Sim.Data.All(SimEntityKind.Site)[1];
        var clientId = HaloRig.Int(sample, "client_id");

        var page = await rig.Client.ListSitesAsync(new SiteQuery { ClientId = clientId, PageSize = 100, IncludeInactive = true }, default);
        var site = await rig.Client.GetSiteAsync(HaloRig.Int(sample, "id"), default);

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, s => Assert.Equal(clientId, s.ClientId));
        Assert.Equal(rig.Sim.Data.Where(SimEntityKind.Site, s => HaloRig.Int(s, "client_id") == clientId).Count, page.Total);
        Assert.Equal(HaloRig.Str(sample, "name"), site.Name);
        await Assert.ThrowsAsync<HaloNotFoundException>(() => rig.Client.GetSiteAsync(77_777, default));
    }

    [Fact]
    public async Task Users_filter_by_client_and_site_and_get_by_id()
    {
        await using var rig = await HaloRig.StartAsync();
        var sample = rig.Sim.Data.All(SimEntityKind.User).First(u => HaloRig.Int(u, "site_id") > 0);
        var clientId = HaloRig.Int(sample, "client_id");
        var siteId = HaloRig.Int(sample, "site_id");

        var byClient = await rig.Client.ListUsersAsync(new UserQuery { ClientId = clientId, PageSize = 100, IncludeInactive = true }, default);
        var bySite = await rig.Client.ListUsersAsync(new UserQuery { SiteId = siteId, PageSize = 100, IncludeInactive = true }, default);
        var user = await rig.Client.GetUserAsync(HaloRig.Int(sample, "id"), default);

        Assert.All(byClient.Items, u => Assert.Equal(clientId, u.ClientId));
        Assert.All(bySite.Items, u => Assert.Equal(siteId, u.SiteId));
        Assert.Contains(bySite.Items, u => u.Id == user.Id);
        Assert.Equal(HaloRig.Str(sample, "emailaddress"), user.EmailAddress);
        await Assert.ThrowsAsync<HaloNotFoundException>(() => rig.Client.GetUserAsync(88_888, default));
    }

    [Fact]
    public async Task Assets_filter_by_client_and_type_and_get_by_id()
    {
        await using var rig = await HaloRig.StartAsync();
        var sample = rig.Sim.Data.All(SimEntityKind.Asset)[0];
        var clientId = HaloRig.Int(sample, "client_id");
        var typeId = HaloRig.Int(sample, "assettype_id");

        var byClient = await rig.Client.ListAssetsAsync(new AssetQuery { ClientId = clientId, PageSize = 100, IncludeInactive = true }, default);
        var byType = await rig.Client.ListAssetsAsync(new AssetQuery { AssetTypeId = typeId, PageSize = 100, IncludeInactive = true }, default);
        var asset = await rig.Client.GetAssetAsync(HaloRig.Int(sample, "id"), default);

        Assert.All(byClient.Items, a => Assert.Equal(clientId, a.ClientId));
        Assert.All(byType.Items, a => Assert.Equal(typeId, a.AssetTypeId));
        Assert.Equal(rig.Sim.Data.Where(SimEntityKind.Asset, a => HaloRig.Int(a, "assettype_id") == typeId).Count, byType.Total);
        Assert.Equal(HaloRig.Str(sample, "inventory_number"), asset.InventoryNumber);
        await Assert.ThrowsAsync<HaloNotFoundException>(() => rig.Client.GetAssetAsync(99_999, default));
    }

    [Fact]
    public async Task Agents_are_a_bare_array_filtered_by_team_and_get_by_id()
    {
        await using var rig = await HaloRig.StartAsync();
        var agents = await rig.Client.ListAgentsAsync(new AgentQuery { IncludeDisabled = true }, default);
        var teams = await rig.Client.ListTeamsAsync(default);
        var team = teams.First(t => agents.Any(a => a.TeamId == t.Id || a.Team == t.Name));
        var members = await rig.Client.ListAgentsAsync(new AgentQuery { TeamId = team.Id, IncludeDisabled = true }, default);
        var agent = await rig.Client.GetAgentAsync(agents[0].Id, default);

        Assert.Equal(rig.Sim.Data.Count(SimEntityKind.Agent), agents.Count);
        Assert.NotEmpty(members);
        Assert.True(members.Count < agents.Count);
        Assert.Equal(agents[0].Name, agent.Name);
        Assert.Equal(rig.Sim.Data.Count(SimEntityKind.Team), teams.Count);
        await Assert.ThrowsAsync<HaloNotFoundException>(() => rig.Client.GetAgentAsync(4_444, default));
    }

    [Fact]
    public async Task Lookups_are_read_from_bare_arrays()
    {
        await using var rig = await HaloRig.StartAsync();

        var types = await rig.Client.ListTicketTypesAsync(default);
        var statuses = await rig.Client.ListStatusesAsync(default);
        var priorities = await rig.Client.ListPrioritiesAsync(default);
        var outcomes = await rig.Client.ListOutcomesAsync(default);
        var assetTypes = await rig.Client.ListAssetTypesAsync(default);

        Assert.Equal(rig.Sim.Data.Count(SimEntityKind.TicketType), types.Count);
        Assert.Contains(statuses, s => s.Id == 9 && s.Name == "Closed");
        Assert.Contains(statuses, s => s.Id == 1 && s.Name == "New");
        Assert.All(priorities, p =>
        {
            Assert.True(Guid.TryParse(p.Id, out _), $"priority id {p.Id} is not a GUID");
            Assert.True(p.PriorityId > 0);
            Assert.True(p.SlaId > 0);
        });
        Assert.True(priorities.Select(p => p.SlaId).Distinct().Count() >= 2);
        Assert.Contains(outcomes, o => o.Outcome == "Private Note");
        Assert.Equal(rig.Sim.Data.Count(SimEntityKind.AssetType), assetTypes.Count);
        Assert.All(assetTypes, t => Assert.False(string.IsNullOrEmpty(t.Name)));
    }

    [Fact]
    public async Task Contracts_filter_by_client_and_get_has_billing_lines()
    {
        await using var rig = await HaloRig.StartAsync();
        var sample = rig.Sim.Data.All(SimEntityKind.Contract)[0];
        var clientId = HaloRig.Int(sample, "client_id");

        var page = await rig.Client.ListContractsAsync(new ContractQuery { ClientId = clientId, PageSize = 100, IncludeInactive = true }, default);
        var contract = await rig.Client.GetContractAsync(HaloRig.Int(sample, "id"), default);
        var all = await ToListAsync(rig.Client.ListAllContractsAsync(new ContractQuery { IncludeInactive = true }, default));

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, c => Assert.Equal(clientId, c.ClientId));
        Assert.Equal(HaloRig.Str(sample, "ref"), contract.Ref);
        // Billing lines come only with includedetails=true; the simulator's first slice stores none yet.
        Assert.Contains((await rig.SettledEntriesAsync()), e => e.Path.EndsWith($"/ClientContract/{contract.Id}", StringComparison.OrdinalIgnoreCase) && e.Query.Contains("includedetails=true", StringComparison.Ordinal));
        if (sample["billingplans"] is System.Text.Json.Nodes.JsonArray plans)
        {
            Assert.Equal(plans.Count, contract.BillingPlans?.Count ?? 0);
        }
        Assert.Equal(rig.Sim.Data.Count(SimEntityKind.Contract), all.Count);
        await Assert.ThrowsAsync<HaloNotFoundException>(() => rig.Client.GetContractAsync(66_666, default));
    }

    [Fact]
    public async Task Invoices_carry_lines_and_totals_and_filter_by_client_and_date()
    {
        await using var rig = await HaloRig.StartAsync();
        var sample = rig.Sim.Data.All(SimEntityKind.Invoice).First(i => i["invoice_totals"] is not null);
        var clientId = HaloRig.Int(sample, "client_id");

        var page = await rig.Client.ListInvoicesAsync(new InvoiceQuery { ClientId = clientId, IncludeLines = true, PageSize = 100 }, default);
        var invoice = await rig.Client.GetInvoiceAsync(HaloRig.Int(sample, "id"), default);
        var from = invoice.InvoiceDate!.Value.AddDays(-1);
        var to = invoice.InvoiceDate!.Value.AddDays(1);
        var dated = await rig.Client.ListInvoicesAsync(new InvoiceQuery { DateFrom = from, DateTo = to, PageSize = 100 }, default);

        Assert.All(page.Items, i => Assert.Equal(clientId, i.ClientId));
        Assert.Equal(rig.Sim.Data.Where(SimEntityKind.Invoice, i => HaloRig.Int(i, "client_id") == clientId).Count, page.Total);
        Assert.All(page.Items, i => Assert.NotNull(i.Lines));
        Assert.NotNull(invoice.InvoiceTotals);
        Assert.NotNull(invoice.Lines);
        Assert.NotEmpty(invoice.Lines!);
        Assert.Equal(invoice.Total, invoice.InvoiceTotals!.Total!.Value, 2);
        Assert.Contains(dated.Items, i => i.Id == invoice.Id);
        Assert.All(dated.Items, i => Assert.InRange(i.InvoiceDate!.Value, from, to));
        Assert.Contains(rig.Sim.Data.All(SimEntityKind.Invoice), i => i["invoice_totals"] is null);
        await Assert.ThrowsAsync<HaloNotFoundException>(() => rig.Client.GetInvoiceAsync(123_456, default));
    }

    [Fact]
    public async Task Invoices_without_totals_read_as_null_totals()
    {
        await using var rig = await HaloRig.StartAsync();
        var bare = rig.Sim.Data.All(SimEntityKind.Invoice).First(i => i["invoice_totals"] is null);

        var invoice = await rig.Client.GetInvoiceAsync(HaloRig.Int(bare, "id"), default);

        Assert.Null(invoice.InvoiceTotals);
        Assert.NotEmpty(invoice.Lines!);
    }

    [Fact]
    public async Task All_invoices_of_a_client_page_through_everything()
    {
        await using var rig = await HaloRig.StartAsync(s => s.Sizes.Invoices = 260);
        var clientId = HaloRig.Int(rig.Sim.Data.All(SimEntityKind.Invoice)[0], "client_id");
        var truth = rig.Sim.Data.Count(SimEntityKind.Invoice);

        var all = await ToListAsync(rig.Client.ListAllInvoicesAsync(new InvoiceQuery { IncludeLines = true }, default));
        var mine = await ToListAsync(rig.Client.ListAllInvoicesAsync(new InvoiceQuery { ClientId = clientId }, default));

        Assert.Equal(truth, all.Count);
        Assert.Equal(truth, all.Select(i => i.Id).Distinct().Count());
        Assert.Equal(3, (await rig.SettledEntriesAsync()).Count(e => e.Path.EndsWith("/Invoice", StringComparison.OrdinalIgnoreCase) && e.Query.Contains("includelines", StringComparison.Ordinal)));
        Assert.All(mine, i => Assert.Equal(clientId, i.ClientId));
    }

    [Fact]
    public async Task Recurring_invoices_are_templates_with_lines()
    {
        await using var rig = await HaloRig.StartAsync();
        var sample = rig.Sim.Data.All(SimEntityKind.RecurringInvoice)[0];
        var clientId = HaloRig.Int(sample, "client_id");

        var page = await rig.Client.ListRecurringInvoicesAsync(new RecurringInvoiceQuery { ClientId = clientId, PageSize = 100 }, default);
        var template = await rig.Client.GetRecurringInvoiceAsync(HaloRig.Int(sample, "id"), default);
        var all = await ToListAsync(rig.Client.ListAllRecurringInvoicesAsync(new RecurringInvoiceQuery(), default));

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, r =>
        {
            Assert.True(r.IsRecurringInvoice);
            Assert.Equal(clientId, r.ClientId);
            Assert.NotNull(r.Lines);
        });
        Assert.True(template.IsRecurringInvoice);
        Assert.NotEmpty(template.Lines!);
        Assert.Equal(rig.Sim.Data.Count(SimEntityKind.RecurringInvoice), all.Count);
        await Assert.ThrowsAsync<HaloNotFoundException>(() => rig.Client.GetRecurringInvoiceAsync(424_242, default));
    }

    [Fact]
    public async Task Projects_filter_by_client_and_open_and_get_by_id()
    {
        await using var rig = await HaloRig.StartAsync();
        var sample = rig.Sim.Data.All(SimEntityKind.Project)[0];
        var clientId = HaloRig.Int(sample, "client_id");

        var all = await rig.Client.ListProjectsAsync(new ProjectQuery { PageSize = 100 }, default);
        var byClient = await rig.Client.ListProjectsAsync(new ProjectQuery { ClientId = clientId, PageSize = 100 }, default);
        var open = await rig.Client.ListProjectsAsync(new ProjectQuery { OpenOnly = true, PageSize = 100 }, default);
        var project = await rig.Client.GetProjectAsync(HaloRig.Int(sample, "id"), default);

        Assert.Equal(rig.Sim.Data.Count(SimEntityKind.Project), all.Total);
        Assert.All(byClient.Items, p => Assert.Equal(clientId, p.ClientId));
        Assert.All(open.Items, p => Assert.DoesNotContain(p.StatusId, new[] { 8, 9 }));
        Assert.Equal(HaloRig.Str(sample, "summary"), project.Summary);
        await Assert.ThrowsAsync<HaloNotFoundException>(() => rig.Client.GetProjectAsync(31_337, default));
    }

    [Fact]
    public async Task Reports_list_and_search()
    {
        await using var rig = await HaloRig.StartAsync();
        var name = HaloRig.Str(rig.Sim.Data.All(SimEntityKind.Report)[1], "name")!;
        var word = name.Split(' ').OrderByDescending(w => w.Length).First();

        var all = await rig.Client.ListReportsAsync(new ReportQuery { PageSize = 100 }, default);
        var found = await rig.Client.ListReportsAsync(new ReportQuery { Search = word, PageSize = 100 }, default);

        Assert.Equal(rig.Sim.Data.Count(SimEntityKind.Report), all.Total);
        Assert.Contains(found.Items, r => r.Name == name);
        Assert.All(found.Items, r => Assert.Contains(word, r.Name!, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Actions_list_by_ticket_and_get_by_id()
    {
        await using var rig = await HaloRig.StartAsync();
        var sample = rig.Sim.Data.All(SimEntityKind.Action)[0];
        var ticketId = HaloRig.Int(sample, "ticket_id");

        var page = await rig.Client.ListActionsAsync(new ActionQuery { TicketId = ticketId, PageSize = 100 }, default);
        var action = await rig.Client.GetActionAsync(ticketId, HaloRig.Int(sample, "id"), default);

        Assert.Equal(rig.Sim.Data.Where(SimEntityKind.Action, a => HaloRig.Int(a, "ticket_id") == ticketId).Count, page.Total);
        Assert.All(page.Items, a => Assert.Equal(ticketId, a.TicketId));
        Assert.Equal(HaloRig.Str(sample, "note"), action.Note);
        Assert.False(string.IsNullOrEmpty(action.Outcome));
    }

    [Fact]
    public async Task The_unlimited_gate_lets_every_call_through()
    {
        await using var rig = await HaloRig.StartAsync();

        var statuses = await rig.NewClient(rig.Tokens, HaloRequestGate.Unlimited).ListStatusesAsync(default);

        Assert.NotEmpty(statuses);
        Assert.Equal(0, rig.Gate.Total);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
