using System.Net;
using System.Net.Http.Headers;
using HaloMcp.Grains.HaloPsa.Resilience;
using Microsoft.Extensions.Logging;

namespace HaloMcp.Grains.HaloPsa.Http;

/// <summary>
/// The first handler of the HaloPSA pipeline: every attempt is admitted before it leaves (a budget permit and a token
/// in one step), addressed to the API root its token was issued for, and carries that token. A 401 re-asks once,
/// naming the refused token, and sends again; a 429 reports the pause HaloPSA asked for.
/// </summary>
/// <param name="logger">Logs refused tokens (never their value).</param>
public abstract class HaloAdmissionHandler(ILogger logger) : DelegatingHandler
{
    /// <summary>
    /// Admits one attempt: waits for a permit of <paramref name="kind"/> until <paramref name="deadline"/> at the latest,
    /// then hands out a token; <paramref name="rejected"/> is the token HaloPSA just refused for this request, if any.
    /// </summary>
    protected abstract ValueTask<HaloAdmission> AdmitAsync(
        HttpRequestMessage request, HaloRequestKind kind, HaloAdmission? rejected, DateTimeOffset deadline, CancellationToken cancellationToken);

    /// <summary>
    /// HaloPSA refused the freshly admitted token of <paramref name="rejected"/> too: it must not be handed out again
    /// (awaited, so that the caller's next attempt cannot be admitted with it).
    /// </summary>
    protected abstract ValueTask OnRejectedAsync(HttpRequestMessage request, HaloAdmission rejected, CancellationToken cancellationToken);

    /// <summary>HaloPSA answered 429, with the wait it asked for when it gave one (awaited, so a retry sees the pause).</summary>
    protected abstract ValueTask OnRateLimitedAsync(HttpRequestMessage request, TimeSpan? retryAfter, CancellationToken cancellationToken);

    /// <summary>The clock a Retry-After date is read against.</summary>
    protected virtual TimeProvider Time => TimeProvider.System;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var state = request.Options.TryGetValue(HaloRequestOptions.Attempt, out var attempt)
            ? attempt
            : throw new InvalidOperationException("HaloPSA requests go through HaloApiClient, which describes each attempt.");
        var admission = await AdmitAsync(request, state.Request.Kind, null, state.Deadline, cancellationToken);
        var response = await SendAdmittedAsync(request, state, admission, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            HaloApiClientLog.TokenRejected(logger, state.Request.Path);
            response.Dispose();
            var refused = admission;
            admission = await AdmitAsync(request, state.Request.Kind, refused, state.Deadline, cancellationToken);
            response = await SendAdmittedAsync(request, state, admission, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                await OnRejectedAsync(request, admission, cancellationToken);
            }
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            await OnRateLimitedAsync(request, HaloRetryAfter.FromHeader(response.Headers.RetryAfter, Time), cancellationToken);
        }

        return response;
    }

    private Task<HttpResponseMessage> SendAdmittedAsync(HttpRequestMessage request, HaloAttemptState state, HaloAdmission admission, CancellationToken cancellationToken)
    {
        // The token goes only where it was issued for, whatever URL the client was built with.
        request.RequestUri = new Uri(admission.ApiBase, state.Request.PathAndQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admission.Token.Value);
        return base.SendAsync(request, cancellationToken);
    }
}
