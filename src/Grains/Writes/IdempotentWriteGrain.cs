using HaloMcp.Grains.Assets;
using HaloMcp.Grains.Customers;
using HaloMcp.Grains.Errors;
using HaloMcp.Grains.HaloPsa.Writes;
using HaloMcp.Grains.Mapping;
using HaloMcp.Grains.Reference;
using HaloMcp.Grains.Storage;
using HaloMcp.Grains.Tenancy;
using HaloMcp.Grains.Tickets;
using HaloMcp.Grains.Upstream;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace HaloMcp.Grains.Writes;

/// <summary>
/// Holds the write-ahead record of one idempotent write and makes the write: nothing yet, in progress, done (with its
/// result), or outcome unknown, each for <see cref="ReferenceDataOptions.IdempotencyWindow"/> from the first attempt. The
/// record is durable (<see cref="HaloStorage.WriteAhead"/>) before the request leaves, so a repeat that arrives after the
/// silo making the write died finds "in progress" and is refused as outcome unknown, never sent again; a completed
/// write's result answers repeats on any silo. The activation is kept for the window (repeats are answered from memory)
/// and clears its record when it goes after the window.
/// </summary>
public sealed partial class IdempotentWriteGrain(
    [PersistentState("write", HaloStorage.WriteAhead)] IPersistentState<WriteRecord> record,
    TenantHaloClients clients,
    IOptions<ReferenceDataOptions> options,
    TimeProvider time,
    ILogger<IdempotentWriteGrain> logger) : Grain, IIdempotentWriteGrain
{
    private string TenantId => this.GetPrimaryKeyString().Split('/', 2)[0];

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (record.RecordExists && time.GetUtcNow() >= record.State.ExpiresAt)
        {
            try
            {
                await record.ClearStateAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Redis expires it on its own; an in-memory record would stay until the process ends.
                LogNotCleared(logger, ex.GetType().Name);
            }
        }
    }

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
        if (record.State is { Status: not WriteStatus.None } existing && now < existing.ExpiresAt)
        {
            if (existing is { Status: WriteStatus.Done, Result: T result })
            {
                LogRepeatAnswered(logger, operation);
                return result;
            }

            throw new HaloOperationException(HaloFailureKind.WriteOutcomeUnknown, existing.Status == WriteStatus.InProgress
                ? $"An identical {operation} was being sent when the server handling it stopped; it may or may not have been applied and is not sent again. Check in HaloPSA (e.g. with a list tool) before sending it with changed details."
                : $"An identical {operation} failed moments ago and may or may not have been applied; it is not sent again. Check in HaloPSA (e.g. with a list tool) before sending it with changed details.");
        }

        var expiresAt = now + options.Value.IdempotencyWindow;
        try
        {
            await SaveAsync(WriteStatus.InProgress, expiresAt, null);
        }
        catch (Exception ex) when (ex is not HaloOperationException)
        {
            LogNotRecorded(logger, operation, ex.GetType().Name);
            throw new HaloOperationException(HaloFailureKind.Unavailable, $"The {operation} could not be recorded before sending, so it was not sent; try again.");
        }

        T written;
        try
        {
            written = await write();
        }
        catch (HaloOperationException ex) when (ex.Kind == HaloFailureKind.WriteOutcomeUnknown)
        {
            await SaveOrKeepAsync(WriteStatus.OutcomeUnknown, expiresAt, null);
            DelayDeactivation(options.Value.IdempotencyWindow);
            throw;
        }
        catch
        {
            // Refused or never sent (validation, permission, budget): nothing was written, so a repeat may go ahead.
            await ClearOrKeepAsync();
            throw;
        }

        await SaveOrKeepAsync(WriteStatus.Done, expiresAt, written);
        DelayDeactivation(options.Value.IdempotencyWindow);
        return written;
    }

    private async Task SaveAsync(WriteStatus status, DateTimeOffset expiresAt, object? result)
    {
        var previous = record.State;
        record.State = new WriteRecord { Status = status, ExpiresAt = expiresAt, Result = result };
        try
        {
            await record.WriteStateAsync();
        }
        catch
        {
            record.State = previous;
            throw;
        }
    }

    // After the request: if the end cannot be recorded, the record stays "in progress" in storage, so a repeat on another
    // activation is refused (safe); this activation answers from memory meanwhile.
    private async Task SaveOrKeepAsync(WriteStatus status, DateTimeOffset expiresAt, object? result)
    {
        record.State = new WriteRecord { Status = status, ExpiresAt = expiresAt, Result = result };
        try
        {
            await record.WriteStateAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogEndNotRecorded(logger, ex.GetType().Name);
        }
    }

    private async Task ClearOrKeepAsync()
    {
        try
        {
            await record.ClearStateAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogEndNotRecorded(logger, ex.GetType().Name);
            record.State = new WriteRecord();
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "An identical {Operation} within the idempotency window was answered with the first result")]
    private static partial void LogRepeatAnswered(ILogger logger, string operation);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "The write-ahead record of a {Operation} could not be written ({Error}); the write was not sent")]
    private static partial void LogNotRecorded(ILogger logger, string operation, string error);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "The end of a write could not be recorded ({Error}); its record stays 'in progress', so repeats elsewhere are refused as outcome unknown")]
    private static partial void LogEndNotRecorded(ILogger logger, string error);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "An expired write record could not be cleared ({Error})")]
    private static partial void LogNotCleared(ILogger logger, string error);
}
