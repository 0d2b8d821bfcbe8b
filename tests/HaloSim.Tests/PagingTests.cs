namespace HaloMcp.HaloSim.Tests;

public sealed class PagingTests
{
    [Fact]
    public async Task Pageinate_pages_are_one_based_disjoint_and_report_the_total()
    {
        await using var sim = await SimTestHost.StartAsync();
        var token = await sim.TokenAsync();
        var total = sim.Demo.Data.Count(SimEntityKind.Ticket);
        var seen = new List<int>();
        for (var page = 1; page <= (total + 39) / 40; page++)
        {
            var body = await sim.GetJsonAsync($"api/Tickets?pageinate=true&page_size=40&page_no={page}", token);
            Assert.Equal(page, body.Int("page_no"));
            Assert.Equal(40, body.Int("page_size"));
            Assert.Equal(total, body.Int("record_count"));
            seen.AddRange(body.Items("tickets").Select(t => t.Field("id")));
        }

        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Distinct().Count());
    }

    [Fact]
    public async Task Page_size_is_clamped_to_100()
    {
        await using var sim = await SimTestHost.StartAsync();
        var body = await sim.GetJsonAsync("api/Tickets?pageinate=true&page_size=500&page_no=1");
        Assert.Equal(100, body.Int("page_size"));
        Assert.Equal(100, body.Items("tickets").Count);
        var clients = await sim.GetJsonAsync("api/Users?pageinate=true&page_size=1000");
        Assert.Equal(100, clients.Int("page_size"));
    }

    [Fact]
    public async Task Without_pageinate_page_size_is_ignored_default_is_50_and_count_is_honoured()
    {
        await using var sim = await SimTestHost.StartAsync();
        var token = await sim.TokenAsync();
        var total = sim.Demo.Data.Count(SimEntityKind.Ticket);
        var ignored = await sim.GetJsonAsync("api/Tickets?page_size=5&page_no=2", token);
        Assert.Equal(50, ignored.Items("tickets").Count);
        Assert.Equal(total, ignored.Int("record_count"));
        Assert.False(ignored.AsObject().ContainsKey("page_no"));
        var counted = await sim.GetJsonAsync("api/Tickets?count=7", token);
        Assert.Equal(7, counted.Items("tickets").Count);
        var many = await sim.GetJsonAsync("api/Tickets?count=1000", token);
        Assert.Equal(total, many.Items("tickets").Count);
    }

    [Fact]
    public async Task Order_and_orderdesc_sort_the_list()
    {
        await using var sim = await SimTestHost.StartAsync();
        var token = await sim.TokenAsync();
        var desc = (await sim.GetJsonAsync("api/Tickets?count=1000&order=dateoccurred&orderdesc=true", token)).Items("tickets");
        var dates = desc.Select(t => t.Str("dateoccurred")).ToList();
        Assert.Equal(dates.OrderByDescending(d => d, StringComparer.Ordinal), dates);
        var byId = (await sim.GetJsonAsync("api/Tickets?count=1000&order=id", token)).Items("tickets").Select(t => t.Field("id")).ToList();
        Assert.Equal(byId.Order(), byId);
    }
}
