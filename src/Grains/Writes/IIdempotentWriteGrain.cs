using HaloMcp.Grains.Assets;
using HaloMcp.Grains.Customers;
using HaloMcp.Grains.Reference;
using HaloMcp.Grains.Tickets;

namespace HaloMcp.Grains.Writes;

/// <summary>
/// One write that must not happen twice (key: <see cref="IdempotencyKey"/>): the same tenant sending the same create
/// or note within the window gets the first result and causes no second POST, and one whose outcome is unknown is
/// refused rather than risking a duplicate. Single activation makes the record cluster-wide; identical callers queue
/// on its turn, so concurrent repeats share the one attempt. Internal to the grains.
/// </summary>
[Alias("halo.IIdempotentWriteGrain")]
[Repeatable]
public interface IIdempotentWriteGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates a ticket for client <paramref name="clientId"/>, once; answers the new ticket as HaloPSA saved it, with
    /// when it was sent (a repeat answers the first).
    /// </summary>
    [Alias("CreateTicket")]
    Task<TicketChange> CreateTicketAsync(int clientId, CreateTicketCommand command, CancellationToken cancellationToken);

    /// <summary>Creates an asset for client <paramref name="clientId"/>, once.</summary>
    [Alias("CreateAsset")]
    Task<AssetDetail> CreateAssetAsync(int clientId, CreateAssetCommand command, CancellationToken cancellationToken);

    /// <summary>Creates a client, once.</summary>
    [Alias("CreateClient")]
    Task<ClientDetail> CreateClientAsync(CreateClientCommand command, CancellationToken cancellationToken);

    /// <summary>Adds an action to ticket <paramref name="ticketId"/> with the outcome already resolved, once.</summary>
    [Alias("AddAction")]
    Task<ActionRow> AddActionAsync(int ticketId, AddActionCommand command, OutcomeInfo outcome, CancellationToken cancellationToken);
}
