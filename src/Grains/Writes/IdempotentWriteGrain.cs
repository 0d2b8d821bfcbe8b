using HaloMcp.Grains.Assets;
using HaloMcp.Grains.Customers;
using HaloMcp.Grains.Errors;
using HaloMcp.Grains.HaloPsa.Writes;
using HaloMcp.Grains.Mapping;
using HaloMcp.Grains.Reference;
using HaloMcp.Grains.Tenancy;
using HaloMcp.Grains.Tickets;
using HaloMcp.Grains.Upstream;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HaloMcp.Grains.Writes;

/// <summary>
/// Holds the record of one idempotent write and makes it: nothing yet, done (with its result), or outcome unknown,
/// each for <see cref="ReferenceDataOptions.IdempotencyWindow"/> from the first attempt. The record is a field (in
/// memory for now; a persisted state can replace it without changing the callers), and the activation is kept for the
/// window so that the record lives as long as it counts.
/// </summary>
public sealed partial class IdempotentWriteGrain(
    TenantHaloClients clients,
    IOptions<ReferenceDataOptions> options,
    TimeProvider time,
    ILogger<IdempotentWriteGrain> logger) : Grain, IIdempotentWriteGrain
{
    private WriteRecord? _record;

    private string TenantId => this.GetPrimaryKeyString().Split('/', 2)[0];

    /// <inheritdoc />
    public Task<TicketChange> CreateTicketAsync(int clientId, CreateTicketCommand command, CancellationToken cancellationToken) =>
        OnceAsync("ticket create", async () =>
        {
            var sent = time.GetUtcNow();
            var saved = await clients.CallAsync(TenantId, c => c.CreateTicketAsync(
                new HaloTicketWrite
                {
                    Summary = command.Summary, Details = command.Details, ClientId = clientId, SiteId = command.SiteId,
                    UserId = command.UserId, TicketTypeId = command.TicketTypeId, PriorityId = command.PriorityId,
                    StatusId = command.StatusId, TeamId = command.TeamId, AgentId = command.AgentId,
                },
                CancellationToken.None));
            return new TicketChange(TicketMapper.ToCopy(saved), sent);
        });

    /// <inheritdoc />
    public Task<AssetDetail> CreateAssetAsync(int clientId, CreateAssetCommand command, CancellationToken cancellationToken) =>
        OnceAsync("asset create", async () =>
        {
            var saved = await clients.CallAsync(TenantId, c => c.CreateAssetAsync(
                new HaloAssetWrite
                {
                    ClientId = clientId, AssetTypeId = command.AssetTypeId, SiteId = command.SiteId,
                    InventoryNumber = command.InventoryNumber, KeyField = command.KeyField, KeyField2 = command.KeyField2,
                    KeyField3 = command.KeyField3,
                },
                CancellationToken.None));
            return AssetMapper.ToDetail(saved, []);
        });

    /// <inheritdoc />
    public Task<ClientDetail> CreateClientAsync(CreateClientCommand command, CancellationToken cancellationToken) =>
        OnceAsync("client create", async () =>
        {
            var saved = await clients.CallAsync(TenantId, c => c.CreateClientAsync(
                new HaloClientWrite { Name = command.Name, Website = command.Website, PhoneNumber = command.PhoneNumber, Notes = command.Notes },
                CancellationToken.None));
            return CustomerMapper.ToDetail(saved, null);
        });

    /// <inheritdoc />
    public Task<ActionRow> AddActionAsync(int ticketId, AddActionCommand command, OutcomeInfo outcome, CancellationToken cancellationToken) =>
        OnceAsync("note", async () =>
        {
            var saved = await clients.CallAsync(TenantId, c => c.AddActionAsync(
                new HaloActionWrite
                {
                    TicketId = ticketId,
                    OutcomeId = outcome.Id,
                    Outcome = outcome.Name,
                    Note = command.Note,
                    TimeTaken = command.TimeTakenMinutes is { } minutes ? Math.Round(minutes / 60.0, 4) : null,
                    HiddenFromUser = command.HiddenFromUser,
                    NewStatus = command.NewStatusId,
                },
                CancellationToken.None));
            return TicketMapper.ToRow(saved);
        });

    // The write runs on no caller's token: a caller may give up waiting (its own call returns at once), but a write
    // half-sent on its behalf must finish, and the callers queued behind it get its result.
    private async Task<T> OnceAsync<T>(string operation, Func<Task<T>> write)
        where T : class
    {
        var now = time.GetUtcNow();
        if (_record is { } record && now < record.ExpiresAt)
        {
            if (record.Result is T result)
            {
                LogRepeatAnswered(logger, operation);
                return result;
            }

            throw new HaloOperationException(HaloFailureKind.WriteOutcomeUnknown,
                $"An identical {operation} failed moments ago and may or may not have been applied; it is not sent again. Check in HaloPSA (e.g. with a list tool) before sending it with changed details.");
        }

        var window = options.Value.IdempotencyWindow;
        try
        {
            var result = await write();
            _record = new WriteRecord(result, now + window);
            DelayDeactivation(window);
            return result;
        }
        catch (HaloOperationException ex) when (ex.Kind == HaloFailureKind.WriteOutcomeUnknown)
        {
            _record = new WriteRecord(null, now + window);
            DelayDeactivation(window);
            throw;
        }
        catch
        {
            // Refused or never sent (validation, permission, budget): nothing was written, so a repeat may go ahead.
            _record = null;
            throw;
        }
    }

    /// <summary>What happened to the write: its result, or null when its outcome is unknown.</summary>
    private sealed record WriteRecord(object? Result, DateTimeOffset ExpiresAt);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "An identical {Operation} within the idempotency window was answered with the first result")]
    private static partial void LogRepeatAnswered(ILogger logger, string operation);
}
