using HaloMcp.HaloSim;

namespace HaloMcp.HaloSim.Tests;

public sealed class DatasetTests
{
    [Fact]
    public async Task Same_seed_gives_the_same_data_and_another_seed_does_not()
    {
        await using var a = await SimTestHost.StartAsync(SimTestHost.Instance(seed: 42));
        await using var b = await SimTestHost.StartAsync(SimTestHost.Instance(seed: 42));
        await using var c = await SimTestHost.StartAsync(SimTestHost.Instance(seed: 43));
        foreach (var kind in Enum.GetValues<SimEntityKind>())
        {
            var left = string.Join('\n', a.Demo.Data.All(kind).Select(r => r.ToJsonString()));
            var right = string.Join('\n', b.Demo.Data.All(kind).Select(r => r.ToJsonString()));
            Assert.Equal(left, right);
        }

        // And over the wire, byte for byte.
        var wireA = (await a.GetJsonAsync("api/Tickets?pageinate=true&page_size=20")).ToJsonString();
        var wireB = (await b.GetJsonAsync("api/Tickets?pageinate=true&page_size=20")).ToJsonString();
        var wireC = (await c.GetJsonAsync("api/Tickets?pageinate=true&page_size=20")).ToJsonString();
        Assert.Equal(wireA, wireB);
        Assert.NotEqual(wireA, wireC);
    }

    [Fact]
    public async Task Data_does_not_depend_on_which_kinds_are_touched_first()
    {
        await using var a = await SimTestHost.StartAsync(SimTestHost.Instance(seed: 9));
        await using var b = await SimTestHost.StartAsync(SimTestHost.Instance(seed: 9));
        var kinds = Enum.GetValues<SimEntityKind>();
        _ = a.Demo.Data.Count(SimEntityKind.Invoice);
        _ = a.Demo.Data.Count(SimEntityKind.Asset);
        _ = b.Demo.Data.Count(SimEntityKind.Action);
        foreach (var kind in kinds.Reverse())
        {
            Assert.Equal(
                string.Join('\n', a.Demo.Data.All(kind).Select(r => r.ToJsonString())),
                string.Join('\n', b.Demo.Data.All(kind).Select(r => r.ToJsonString())));
        }
    }

    [Fact]
    public async Task Sizes_are_honoured_and_reference_data_is_present()
    {
        await using var sim = await SimTestHost.StartAsync();
        var sizes = SimTestHost.SmallSizes();
        var data = sim.Demo.Data;
        Assert.Equal(sizes.Clients, data.Count(SimEntityKind.Client));
        Assert.Equal(sizes.Sites, data.Count(SimEntityKind.Site));
        Assert.Equal(sizes.Users, data.Count(SimEntityKind.User));
        Assert.Equal(sizes.Tickets, data.Count(SimEntityKind.Ticket));
        Assert.Equal(sizes.Actions, data.Count(SimEntityKind.Action));
        Assert.Equal(sizes.Assets, data.Count(SimEntityKind.Asset));
        Assert.Equal(sizes.Invoices, data.Count(SimEntityKind.Invoice));
        Assert.Equal(sizes.RecurringInvoices, data.Count(SimEntityKind.RecurringInvoice));
        Assert.Equal(sizes.Agents, data.Count(SimEntityKind.Agent));
        Assert.Equal(sizes.Teams, data.Count(SimEntityKind.Team));
        Assert.Equal(8, data.Count(SimEntityKind.Priority));
        Assert.True(data.Count(SimEntityKind.TicketType) >= 3);
        Assert.True(data.Count(SimEntityKind.AssetType) >= 3);

        // Every ticket references records that exist.
        foreach (var t in data.All(SimEntityKind.Ticket))
        {
            Assert.NotNull(data.Get(SimEntityKind.Client, t.Field("client_id")));
            Assert.NotNull(data.Get(SimEntityKind.Site, t.Field("site_id")));
            Assert.NotNull(data.Get(SimEntityKind.Status, t.Field("status_id")));
        }
    }

    [Fact]
    public async Task Seeded_dates_count_back_from_the_clock_at_start_and_never_reach_the_future()
    {
        await using var sim = await SimTestHost.StartAsync();
        var anchor = sim.Demo.Data.Anchor;
        Assert.Equal(SimTestHost.Start.UtcDateTime, anchor);
        var stamps = new List<DateTime>();
        void Collect(SimEntityKind kind, params string[] fields) => stamps.AddRange(sim.Demo.Data.All(kind)
            .SelectMany(r => fields.Select(f => r.Str(f))).Where(v => !v.StartsWith("1900", StringComparison.Ordinal)).Select(Parse));
        Collect(SimEntityKind.Ticket, "dateoccurred", "dateclosed", "dateassigned", "lastactiondate", "last_update");
        Collect(SimEntityKind.Action, "datetime");
        Collect(SimEntityKind.Invoice, "invoice_date", "datepaid");
        Assert.All(stamps, s => Assert.True(s < anchor, $"{s:O} is not before the anchor {anchor:O}"));
        Assert.True(stamps.Min() >= anchor.AddYears(-2).AddDays(-1));

        // The newest ticket is fresh, and a year of monthly invoicing lies behind the start: the demo's "last 12 months" is full.
        var newest = sim.Demo.Data.All(SimEntityKind.Ticket).Max(t => Parse(t.Str("dateoccurred")));
        Assert.True(anchor - newest < TimeSpan.FromDays(2), $"newest ticket {newest:O}");
        var lastYear = sim.Demo.Data.All(SimEntityKind.Invoice).Count(i => Parse(i.Str("invoice_date")) >= anchor.AddMonths(-12));
        Assert.True(lastYear > sim.Demo.Data.Count(SimEntityKind.Invoice) / 3, $"{lastYear} invoices in the last 12 months");
    }

    [Fact]
    public async Task Another_start_shifts_every_date_and_changes_nothing_else()
    {
        await using var early = await SimTestHost.StartAsync();
        var later = new DateTimeOffset(2027, 3, 9, 8, 0, 0, TimeSpan.Zero);
        await using var late = await SimTestHost.StartAsync(later, SimTestHost.Instance());
        var shift = later - SimTestHost.Start;
        var a = early.Demo.Data.All(SimEntityKind.Ticket);
        var b = late.Demo.Data.All(SimEntityKind.Ticket);
        Assert.Equal(a.Count, b.Count);
        for (var i = 0; i < a.Count; i++)
        {
            Assert.Equal(a[i].Str("summary"), b[i].Str("summary"));
            Assert.Equal(a[i].Field("client_id"), b[i].Field("client_id"));
            Assert.Equal(Parse(a[i].Str("dateoccurred")) + shift, Parse(b[i].Str("dateoccurred")));
        }
    }

    [Fact]
    public async Task A_fixed_data_anchor_ignores_the_clock()
    {
        var pinned = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
        await using var a = await SimTestHost.StartAsync(SimTestHost.Instance(configure: o => o.DataAnchor = pinned));
        await using var b = await SimTestHost.StartAsync(SimTestHost.Start.AddDays(40), SimTestHost.Instance(configure: o => o.DataAnchor = pinned));
        Assert.Equal(pinned.UtcDateTime, a.Demo.Data.Anchor);
        Assert.Equal(
            string.Join('\n', a.Demo.Data.All(SimEntityKind.Invoice).Select(r => r.ToJsonString())),
            string.Join('\n', b.Demo.Data.All(SimEntityKind.Invoice).Select(r => r.ToJsonString())));
    }

    private static DateTime Parse(string text) =>
        DateTime.SpecifyKind(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    [Fact]
    public void Default_sizes_match_the_brief()
    {
        var sizes = new SimSizeOptions();
        Assert.Equal((200, 600, 2000, 5000, 20000, 3000, 2000, 300), (sizes.Clients, sizes.Sites, sizes.Users, sizes.Tickets, sizes.Actions, sizes.Assets, sizes.Invoices, sizes.RecurringInvoices));
    }
}
