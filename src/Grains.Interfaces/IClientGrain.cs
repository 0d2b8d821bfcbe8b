using HaloMcp.Grains.Assets;
using HaloMcp.Grains.Customers;
using HaloMcp.Grains.Tickets;

namespace HaloMcp.Grains;

/// <summary>
/// One client and what hangs off it. Key: the client id, with the tenant id as key extension
/// (<c>grains.GetGrain&lt;IClientGrain&gt;(clientId, tenantId)</c>). Creates for the client run in its turn and are
/// idempotent: the same create twice within the window makes one POST, and one whose outcome is unknown is refused.
/// </summary>
[Alias("halo.IClientGrain")]
[Repeatable]
public interface IClientGrain : IGrainWithIntegerCompoundKey
{
    /// <summary>The client, with its sites when <paramref name="includeSites"/> is set.</summary>
    [ReadOnly]
    [Alias("Get")]
    Task<ClientDetail> GetAsync(bool includeSites, CancellationToken cancellationToken);

    /// <summary>Creates a ticket for this client.</summary>
    [Alias("CreateTicket")]
    Task<TicketDetail> CreateTicketAsync(CreateTicketCommand command, CancellationToken cancellationToken);

    /// <summary>Creates an asset for this client.</summary>
    [Alias("CreateAsset")]
    Task<AssetDetail> CreateAssetAsync(CreateAssetCommand command, CancellationToken cancellationToken);
}
