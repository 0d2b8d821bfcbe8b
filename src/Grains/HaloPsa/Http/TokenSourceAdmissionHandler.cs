using Microsoft.Extensions.Logging;

namespace HaloMcp.Grains.HaloPsa.Http;

/// <summary>
/// Admission for a client that stands alone (tools, tests, one caller): permits from an <see cref="IHaloRequestGate"/>,
/// tokens from an <see cref="IHaloTokenSource"/>, and the connection's own API root.
/// </summary>
/// <param name="connection">The instance the tokens are for.</param>
/// <param name="tokens">Where tokens come from.</param>
/// <param name="gate">The request budget.</param>
/// <param name="time">The clock a Retry-After date is read against.</param>
/// <param name="logger">Logs refused tokens.</param>
public sealed class TokenSourceAdmissionHandler(HaloConnection connection, IHaloTokenSource tokens, IHaloRequestGate gate, TimeProvider time, ILogger logger)
    : HaloAdmissionHandler(logger)
{
    /// <inheritdoc />
    protected override TimeProvider Time => time;

    /// <inheritdoc />
    protected override async ValueTask<HaloAdmission> AdmitAsync(
        HttpRequestMessage request, HaloRequestKind kind, HaloAdmission? rejected, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        if (rejected is not null)
        {
            tokens.Invalidate(rejected.Token);
        }

        await gate.AcquireAsync(kind, cancellationToken);
        var token = await tokens.GetTokenAsync(cancellationToken);
        return new HaloAdmission(token, connection.ApiBaseUri);
    }

    /// <inheritdoc />
    protected override ValueTask OnRejectedAsync(HttpRequestMessage request, HaloAdmission rejected, CancellationToken cancellationToken)
    {
        tokens.Invalidate(rejected.Token);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    protected override ValueTask OnRateLimitedAsync(HttpRequestMessage request, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        gate.OnRateLimited(retryAfter);
        return ValueTask.CompletedTask;
    }
}
