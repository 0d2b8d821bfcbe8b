using System.Text.Json.Nodes;
using HaloMcp.Grains.Tests.HaloPsa;
using HaloMcp.Grains.Tickets;
using HaloMcp.HaloSim;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>Small builders and readers shared by the grain-layer tests.</summary>
public static class GrainQueries
{
    private static long _asked;

    /// <summary>
    /// One ticket of the list: the cheapest uncached read there is (one GET). Lists are cached per exact query, so each
    /// call asks a query no call asked before (logged before a moment in 2100 that moves back a second per call: every
    /// ticket still matches).
    /// </summary>
    public static TicketQuery OneTicket(int page = 1) =>
        new(null, null, null, null, null, null, null, false, null, null,
            new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(-Interlocked.Increment(ref _asked)), page, 1);

    public static UpdateTicketCommand Summary(string summary) =>
        new(summary, null, null, null, null, null, null, null);

    public static int Id(JsonObject record) => HaloRig.Int(record, "id");

    public static string? Text(JsonObject record, string field) => HaloRig.Str(record, field);

    public static IReadOnlyList<int> TicketIds(SimInstance instance) =>
        [.. instance.Data.All(SimEntityKind.Ticket).Select(Id)];
}
