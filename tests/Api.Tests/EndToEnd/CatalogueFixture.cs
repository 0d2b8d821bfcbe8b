using HaloMcp.HaloSim;
using ModelContextProtocol.Client;

namespace HaloMcp.Api.Tests.EndToEnd;

/// <summary>One simulator and server for the catalogue tests, plus the client whose records they read and write.</summary>
public sealed class CatalogueFixture : IAsyncLifetime
{
    public EndToEndHost Host { get; private set; } = null!;

    public McpClient Client { get; private set; } = null!;

    public SimInstance Sim => Host.Alpha;

    public SimDataset Data => Host.Alpha.Data;

    /// <summary>The alpha client with the most invoices among those that also have schedules, contracts and tickets.</summary>
    public int ClientId { get; private set; }

    /// <summary>The client's seeded tickets, oldest first, as they were before any test wrote.</summary>
    public IReadOnlyList<int> SeedTicketIds { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Host = await EndToEndHost.StartAsync();
        Client = await Host.ConnectAsync(EndToEndHost.AlphaKey);
        var data = Host.Alpha.Data;
        ClientId = data.All(SimEntityKind.Client)
            .Select(c => c.Int("id"))
            .Where(id => data.Where(SimEntityKind.RecurringInvoice, r => r.Int("client_id") == id).Count > 0
                && data.Where(SimEntityKind.Contract, r => r.Int("client_id") == id).Count > 0
                && data.Where(SimEntityKind.Ticket, r => r.Int("client_id") == id).Count >= 8
                && data.Where(SimEntityKind.Asset, r => r.Int("client_id") == id).Count > 0)
            .OrderByDescending(id => data.Where(SimEntityKind.Invoice, r => r.Int("client_id") == id).Count)
            .First();
        SeedTicketIds = [.. data.Where(SimEntityKind.Ticket, r => r.Int("client_id") == ClientId).Select(r => r.Int("id"))];
    }

    public async Task DisposeAsync()
    {
        await Client.DisposeAsync();
        await Host.DisposeAsync();
    }
}
