using HaloMcp.Grains.Paging;
using HaloMcp.Grains.ServiceDesk;
using HaloMcp.Grains.Tickets;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>Where one ticket's change lands in a cached first page of tickets, newest first, and when it cannot be placed.</summary>
public sealed class TicketListRevisionTests
{
    private static readonly TicketQuery OpenOfClient = new(7, null, null, null, null, null, null, true, null, null, null, 1, 3);

    [Fact]
    public void A_changed_member_is_replaced_in_place()
    {
        var page = Page(hasMore: true, 30, 20, 10);

        var revised = TicketListRevision.Revise(OpenOfClient, page, 20, Ticket(20, statusId: 2) with { Summary = "Renamed" }, deleted: false);

        Assert.Equal([30, 20, 10], revised!.Items.Select(r => r.Id));
        Assert.Equal("Renamed", revised.Items[1].Summary);
        Assert.Null(revised.Items[1].ClientId);
        Assert.Equal(page.Total, revised.Total);
    }

    [Fact]
    public void A_new_ticket_joins_at_the_top_and_pushes_the_last_row_to_the_next_page()
    {
        var revised = TicketListRevision.Revise(OpenOfClient, Page(hasMore: false, 30, 20, 10), 40, Ticket(40, statusId: 1), deleted: false);

        Assert.Equal([40, 30, 20], revised!.Items.Select(r => r.Id));
        Assert.True(revised.HasMore);
        Assert.Equal(4, revised.Total);
    }

    [Fact]
    public void A_closed_ticket_leaves_a_complete_open_list_but_a_page_with_more_after_it_is_read_again()
    {
        var closed = Ticket(20, statusId: 9);

        var complete = TicketListRevision.Revise(OpenOfClient, Page(hasMore: false, 30, 20, 10), 20, closed, deleted: false);
        var partial = TicketListRevision.Revise(OpenOfClient, Page(hasMore: true, 30, 20, 10), 20, closed, deleted: false);

        Assert.Equal([30, 10], complete!.Items.Select(r => r.Id));
        Assert.Equal(2, complete.Total);
        Assert.Null(partial);
    }

    [Fact]
    public void Another_clients_ticket_leaves_the_page_alone_unless_it_may_sit_on_a_later_page()
    {
        var elsewhere = Ticket(25, statusId: 1) with { ClientId = 8 };

        Assert.Equal([30, 20, 10], TicketListRevision.Revise(OpenOfClient, Page(hasMore: true, 30, 20, 10), 25, elsewhere, deleted: false)!.Items.Select(r => r.Id));
        Assert.Null(TicketListRevision.Revise(OpenOfClient, Page(hasMore: true, 30, 20, 10), 5, elsewhere with { Id = 5 }, deleted: false));
    }

    [Fact]
    public void Searches_dates_later_pages_and_unknown_states_are_never_revised()
    {
        var page = Page(hasMore: false, 30, 20, 10);
        var ticket = Ticket(20, statusId: 1);

        Assert.Null(TicketListRevision.Revise(OpenOfClient with { Search = "printer" }, page, 20, ticket, deleted: false));
        Assert.Null(TicketListRevision.Revise(OpenOfClient with { DateFrom = DateTimeOffset.UnixEpoch }, page, 20, ticket, deleted: false));
        Assert.Null(TicketListRevision.Revise(OpenOfClient with { Page = 2 }, page, 20, ticket, deleted: false));
        Assert.Null(TicketListRevision.Revise(OpenOfClient, page, 20, null, deleted: false));
        Assert.Equal([30, 10], TicketListRevision.Revise(OpenOfClient, page, 20, null, deleted: true)!.Items.Select(r => r.Id));
    }

    private static PagedResult<TicketRow> Page(bool hasMore, params int[] ids) =>
        new([.. ids.Select(id => new TicketRow(id, $"Ticket {id}", null, null, 1, "New", 3, "Normal", 4, "Sam", null))], 1, 3, ids.Length + (hasMore ? 10 : 0), hasMore);

    private static TicketDetail Ticket(int id, int statusId) => new(
        id, $"Ticket {id}", null, 7, "Contoso", null, null, null, null, statusId, "Status", 3, "Normal", null, null, 4, "Sam", null, null, null,
        null, null, null, null, null, 0, false, statusId is 8 or 9, null, null);
}
