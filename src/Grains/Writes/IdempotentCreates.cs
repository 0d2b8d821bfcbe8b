using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HaloMcp.Grains.Errors;
using HaloMcp.Grains.Tenancy;
using HaloMcp.Silo.Cluster;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HaloMcp.Grains.Writes;

/// <summary>
/// Makes creates idempotent at our layer: the same tenant sending the same create with the same arguments within the
/// window gets the first result and causes no second upstream POST. A create whose outcome is unknown is remembered
/// as such, so an identical repeat is refused rather than risking a duplicate.
/// </summary>
public sealed partial class IdempotentCreates(IIdempotencyStore store, IOptions<ReferenceDataOptions> options, TimeProvider time, ILogger<IdempotentCreates> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _inFlight = new(StringComparer.Ordinal);

    /// <summary>How many distinct creates are under way on this node right now.</summary>
    internal int InFlight => _inFlight.Count;

    /// <summary>Runs <paramref name="create"/> once per identical <paramref name="command"/> within the window.</summary>
    public async Task<TResult> RunAsync<TCommand, TResult>(
        string tenantId,
        string operation,
        TCommand command,
        JsonTypeInfo<TCommand> commandType,
        JsonTypeInfo<TResult> resultType,
        Func<CancellationToken, Task<TResult>> create,
        CancellationToken cancellationToken)
    {
        var key = KeyOf(tenantId, operation, JsonSerializer.SerializeToUtf8Bytes(command, commandType));
        // Concurrent identical creates on this node share one attempt; the store covers the other nodes and later repeats.
        // The attempt belongs to every caller, so no single caller's cancellation stops it: each caller may give up
        // on its own.
        var attempt = _inFlight.GetOrAdd(key, k => new Lazy<Task<string>>(() => AttemptAsync(k, operation, resultType, create)));
        var json = await attempt.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(json, resultType)!;
    }

    /// <summary>The idempotency key: tenant, operation and a hash of the canonical arguments.</summary>
    public static string KeyOf(string tenantId, string operation, ReadOnlySpan<byte> canonicalArguments)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(canonicalArguments));
        return $"{tenantId}:{operation}:{hash}";
    }

    private async Task<string> AttemptAsync<TResult>(
        string key,
        string operation,
        JsonTypeInfo<TResult> resultType,
        Func<CancellationToken, Task<TResult>> create)
    {
        try
        {
            return await ClaimAndCreateAsync(key, operation, resultType, create).ConfigureAwait(false);
        }
        finally
        {
            // Forgotten as soon as it is done, even when every caller gave up waiting for it; only this attempt removes
            // its entry, so the entry under the key is this attempt's own.
            _inFlight.TryRemove(key, out _);
        }
    }

    private async Task<string> ClaimAndCreateAsync<TResult>(
        string key,
        string operation,
        JsonTypeInfo<TResult> resultType,
        Func<CancellationToken, Task<TResult>> create)
    {
        var window = options.Value.IdempotencyWindow;
        var claim = await store.TryClaimAsync(key, window, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        switch (claim.State)
        {
            case IdempotencyState.Completed:
                LogRepeatAnswered(logger, operation);
                return claim.Result!;
            case IdempotencyState.OutcomeUnknown:
                throw new HaloOperationException(HaloFailureKind.WriteOutcomeUnknown,
                    $"An identical {operation} failed moments ago and may or may not have been applied; it is not sent again. Check in HaloPSA (e.g. with a list tool) before creating it with changed details.");
            case IdempotencyState.InProgress:
                throw new HaloOperationException(HaloFailureKind.Unavailable,
                    $"An identical {operation} is in progress; retry in a few seconds to get its result.");
        }

        try
        {
            // No caller's token: the attempt is shared, and a create half-sent on one caller's behalf must finish.
            var result = await create(CancellationToken.None).ConfigureAwait(false);
            var json = JsonSerializer.Serialize(result, resultType);
            await store.CompleteAsync(key, json, CancellationToken.None).ConfigureAwait(false);
            return json;
        }
        catch (Exception ex) when (ex is OperationCanceledException or HaloOperationException { Kind: HaloFailureKind.WriteOutcomeUnknown })
        {
            // A create cancelled in flight may have reached HaloPSA: treat it as unknown rather than risk a duplicate.
            await store.MarkOutcomeUnknownAsync(key, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch
        {
            // Refused or never sent (validation, permission, budget, cancellation): nothing was created, so a retry may go ahead.
            await store.ReleaseAsync(key, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "An identical {Operation} within the idempotency window was answered with the first result")]
    private static partial void LogRepeatAnswered(ILogger logger, string operation);
}
