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
    public void Default_sizes_match_the_brief()
    {
        var sizes = new SimSizeOptions();
        Assert.Equal((200, 600, 2000, 5000, 20000, 3000, 2000, 300), (sizes.Clients, sizes.Sites, sizes.Users, sizes.Tickets, sizes.Actions, sizes.Assets, sizes.Invoices, sizes.RecurringInvoices));
    }
}
