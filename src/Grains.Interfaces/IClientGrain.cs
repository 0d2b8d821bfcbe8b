using HaloMcp.Grains.Assets;
using HaloMcp.Grains.Customers;
using HaloMcp.Grains.Tickets;

namespace HaloMcp.Grains;

/// <summary>
/// One client (key: <see cref="GrainKeys.ForEntity"/> of tenant and client id) and what hangs off it. Creates for
/// the client run inside its turn and are idempotent: the same create twice within the window makes one POST.
/// </summary>
public interface IClientGrain : IGrainWithStringKey
{
    /// <summary>The client, with its sites when <paramref name="includeSites"/> is set.</summary>
    [ReadOnly]
    Task<ClientDetail> GetAsync(bool includeSites, CancellationToken cancellationToken);

    /// <summary>Creates a ticket for this client.</summary>
    Task<TicketDetail> CreateTicketAsync(CreateTicketCommand command, CancellationToken cancellationToken);

    /// <summary>Creates an asset for this client.</summary>
    Task<AssetDetail> CreateAssetAsync(CreateAssetCommand command, CancellationToken cancellationToken);
}
