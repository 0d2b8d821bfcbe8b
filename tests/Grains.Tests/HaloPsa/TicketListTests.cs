using System.Text.Json.Nodes;
using HaloMcp.Grains.HaloPsa.Errors;
using HaloMcp.Grains.HaloPsa.Model;
using HaloMcp.Grains.HaloPsa.Queries;
using HaloMcp.HaloSim;

namespace HaloMcp.Grains.Tests.HaloPsa;

public sealed class TicketListTests
{
    [Fact]
    public async Task Paging_reports_record_count_has_more_and_distinct_pages()
    {
        await using var rig = await HaloRig.StartAsync();
        var total = rig.Sim.Data.Count(SimEntityKind.Ticket);

        var first = await rig.Client.ListTicketsAsync(new TicketQuery { Page = 1, PageSize = 10 }, default);
        var second = await rig.Client.ListTicketsAsync(new TicketQuery { Page = 2, PageSize = 10 }, default);
        var lastPage = (total + 9) / 10;
        var last = await rig.Client.ListTicketsAsync(new TicketQuery { Page = lastPage, PageSize = 10 }, default);

        Assert.Equal(total, first.Total);
        Assert.Equal(10, first.Items.Count);
        Assert.True(first.HasMore);
        Assert.Equal(2, second.Page);
        Assert.Empty(first.Items.Select(t => t.Id).Intersect(second.Items.Select(t => t.Id)));
        Assert.False(last.HasMore);
        Assert.Equal(total - ((lastPage - 1) * 10), last.Items.Count);
        Assert.All((await rig.SettledEntriesAsync()).Where(e => e.Path.EndsWith("/Tickets", StringComparison.OrdinalIgnoreCase)),
            e => Assert.Contains("pageinate=true", e.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Order_and_orderdesc_are_sent_and_sort_the_list()
    {
        await using var rig = await HaloRig.StartAsync();
        var newest = await rig.Client.ListTicketsAsync(new TicketQuery { PageSize = 20, OrderBy = "id", OrderDescending = true }, default);

        var ids = newest.Items.Select(t => t.Id).ToList();
        Assert.Equal(ids.OrderByDescending(id => id), ids);
        Assert.Equal(rig.Sim.Data.All(SimEntityKind.Ticket).Max(t => (int)t["id"]!), ids[0]);
        var entry = (await rig.SettledEntriesAsync()).Single(e => e.Path.EndsWith("/Tickets", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("order=id", entry.Query, StringComparison.Ordinal);
        Assert.Contains("orderdesc=true", entry.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_size_is_clamped_to_100()
    {
        await using var rig = await HaloRig.StartAsync();
        var page = await rig.Client.ListTicketsAsync(new TicketQuery { PageSize = 500 }, default);

        Assert.Equal(100, page.PageSize);
        Assert.Equal(100, page.Items.Count);
        Assert.True(page.HasMore);
    }

    [Fact]
    public async Task Tickets_carry_typed_fields_and_unset_dates_are_null()
    {
        await using var rig = await HaloRig.StartAsync();
        var page = await rig.Client.ListTicketsAsync(new TicketQuery { PageSize = 100 }, default);

        Assert.All(page.Items, t =>
        {
            Assert.True(t.Id > 0);
            Assert.False(string.IsNullOrEmpty(t.Summary));
            Assert.True(t.ClientId > 0);
            Assert.NotNull(t.DateOccurred);
            Assert.Equal(TimeSpan.Zero, t.DateOccurred!.Value.Offset);
            Assert.True(t.DateClosed is null || t.DateClosed.Value.Year > 1900);
        });
        var truth = rig.Sim.Data.Get(SimEntityKind.Ticket, page.Items[0].Id)!;
        Assert.Equal(HaloRig.Str(truth, "summary"), page.Items[0].Summary);
        Assert.Equal(HaloRig.Int(truth, "status_id"), page.Items[0].StatusId);
        Assert.Contains(page.Items, t => t.DateClosed is null);
    }

    public static TheoryData<string> Filters => new()
    {
        "client", "site", "user", "agent", "team", "status", "priority", "tickettype", "open", "closed", "search", "dates",
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Each_filter_selects_exactly_the_matching_tickets(string filter)
    {
        await using var rig = await HaloRig.StartAsync();
        var all = rig.Sim.Data.All(SimEntityKind.Ticket);
        var sample = all.First(t => HaloRig.Int(t, "agent_id") > 0 && HaloRig.Int(t, "site_id") > 0 && HaloRig.Int(t, "user_id") > 0);
        int[] closed = [8, 9];
        var word = (HaloRig.Str(sample, "summary") ?? "x").Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).First();
        var from = new DateTimeOffset(all.Select(t => DateTime.Parse(HaloRig.Str(t, "dateoccurred")!, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal)).OrderBy(d => d).ElementAt(all.Count / 4), TimeSpan.Zero);
        var to = from.AddDays(30);

        (TicketQuery Query, Func<JsonObject, bool> Truth, Func<HaloTicket, bool> Check) c = filter switch
        {
            "client" => (new TicketQuery { ClientId = HaloRig.Int(sample, "client_id") }, t => HaloRig.Int(t, "client_id") == HaloRig.Int(sample, "client_id"), t => t.ClientId == HaloRig.Int(sample, "client_id")),
            "site" => (new TicketQuery { SiteId = HaloRig.Int(sample, "site_id") }, t => HaloRig.Int(t, "site_id") == HaloRig.Int(sample, "site_id"), t => t.SiteId == HaloRig.Int(sample, "site_id")),
            "user" => (new TicketQuery { UserId = HaloRig.Int(sample, "user_id") }, t => HaloRig.Int(t, "user_id") == HaloRig.Int(sample, "user_id"), t => t.UserId == HaloRig.Int(sample, "user_id")),
            "agent" => (new TicketQuery { AgentId = HaloRig.Int(sample, "agent_id") }, t => HaloRig.Int(t, "agent_id") == HaloRig.Int(sample, "agent_id"), t => t.AgentId == HaloRig.Int(sample, "agent_id")),
            "team" => (new TicketQuery { TeamId = HaloRig.Int(sample, "team_id") }, t => HaloRig.Int(t, "team_id") == HaloRig.Int(sample, "team_id"), t => t.TeamId == HaloRig.Int(sample, "team_id")),
            "status" => (new TicketQuery { StatusId = HaloRig.Int(sample, "status_id") }, t => HaloRig.Int(t, "status_id") == HaloRig.Int(sample, "status_id"), t => t.StatusId == HaloRig.Int(sample, "status_id")),
            "priority" => (new TicketQuery { PriorityId = HaloRig.Int(sample, "priority_id") }, t => HaloRig.Int(t, "priority_id") == HaloRig.Int(sample, "priority_id"), t => t.PriorityId == HaloRig.Int(sample, "priority_id")),
            "tickettype" => (new TicketQuery { TicketTypeId = HaloRig.Int(sample, "tickettype_id") }, t => HaloRig.Int(t, "tickettype_id") == HaloRig.Int(sample, "tickettype_id"), t => t.TicketTypeId == HaloRig.Int(sample, "tickettype_id")),
            "open" => (new TicketQuery { OpenOnly = true }, t => !closed.Contains(HaloRig.Int(t, "status_id")), t => !closed.Contains(t.StatusId)),
            "closed" => (new TicketQuery { ClosedOnly = true }, t => closed.Contains(HaloRig.Int(t, "status_id")), t => closed.Contains(t.StatusId)),
            "search" => (new TicketQuery { Search = word.ToUpperInvariant() },
                t => (HaloRig.Str(t, "summary") ?? "").Contains(word, StringComparison.OrdinalIgnoreCase) || (HaloRig.Str(t, "details") ?? "").Contains(word, StringComparison.OrdinalIgnoreCase),
                t => (t.Summary ?? "").Contains(word, StringComparison.OrdinalIgnoreCase) || (t.Details ?? "").Contains(word, StringComparison.OrdinalIgnoreCase)),
            "dates" => (new TicketQuery { DateFrom = from, DateTo = to }, null!, t => t.DateOccurred >= from && t.DateOccurred <= to.AddDays(1)),
            _ => throw new ArgumentOutOfRangeException(nameof(filter)),
        };

        var page = await rig.Client.ListTicketsAsync(c.Query with { PageSize = 100 }, default);

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, t => Assert.True(c.Check(t), $"ticket {t.Id} does not match {filter}"));
        if (c.Truth is not null)
        {
            Assert.Equal(all.Count(c.Truth), page.Total);
        }

        Assert.True(page.Total < all.Count, $"{filter} filtered nothing out");
    }

    [Fact]
    public async Task Get_by_id_returns_the_ticket_and_unknown_id_is_not_found()
    {
        await using var rig = await HaloRig.StartAsync();
        var id = HaloRig.Int(rig.Sim.Data.All(SimEntityKind.Ticket)[3], "id");

        var ticket = await rig.Client.GetTicketAsync(id, default);
        var missing = await Assert.ThrowsAsync<HaloNotFoundException>(() => rig.Client.GetTicketAsync(987_654, default));

        Assert.Equal(id, ticket.Id);
        Assert.Equal("ticket", missing.Entity);
        Assert.Equal("987654", missing.Id);
        Assert.Equal("No ticket 987654.", missing.Message);
    }
}
