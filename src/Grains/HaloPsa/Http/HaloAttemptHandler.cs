using HaloMcp.Grains.HaloPsa.Resilience;
using Polly.Timeout;

namespace HaloMcp.Grains.HaloPsa.Http;

/// <summary>
/// The HaloPSA pipeline's last handler before the transport: it bounds one exchange (sending and reading the whole
/// answer) by <see cref="HaloClientOptions.AttemptTimeout"/> and records whether the request may have reached HaloPSA,
/// which decides whether a failed write is "never sent" or "outcome unknown". Waiting for admission happens before it,
/// so only the call's deadline bounds that wait.
/// </summary>
/// <param name="options">The attempt timeout.</param>
/// <param name="time">The clock the timeout runs on.</param>
public sealed class HaloAttemptHandler(HaloClientOptions options, TimeProvider time) : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.TryGetValue(HaloRequestOptions.Attempt, out var state);
        using var timeout = new CancellationTokenSource(options.AttemptTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        if (state is not null)
        {
            state.Attempts++;
            state.InFlight = true;
        }

        try
        {
            var response = await base.SendAsync(request, linked.Token);

            // Buffered here, so that a connection dropped mid-answer fails inside the attempt, not later in parsing.
            await response.Content.LoadIntoBufferAsync(linked.Token);
            return response;
        }
        catch (HttpRequestException ex) when (HaloResiliencePipelines.NeverSent(ex) && state is not null)
        {
            state.InFlight = false;
            throw;
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutRejectedException($"HaloPSA did not answer within the attempt timeout of {options.AttemptTimeout}.", options.AttemptTimeout, ex);
        }
    }
}
