using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HaloMcp.Grains.HaloPsa.Errors;
using HaloMcp.Grains.HaloPsa.Http;
using HaloMcp.Grains.HaloPsa.Json;
using HaloMcp.Grains.HaloPsa.Queries;
using HaloMcp.Grains.HaloPsa.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace HaloMcp.Grains.HaloPsa;

/// <summary>
/// Typed client for one HaloPSA instance's REST API. Its <see cref="HttpClient"/> carries the HaloPSA pipeline
/// (<see cref="Http.HaloHttpPipeline"/>): an admission handler that takes a budget permit and the bearer token for every
/// attempt (a 401 re-asks once naming the rejected token), then a handler that times each attempt. Reads retry 429s,
/// 5xx and timeouts within <see cref="HaloClientOptions.ReadDeadline"/>; writes are retried only when HaloPSA provably
/// did not process them, and otherwise fail with <see cref="HaloWriteOutcomeUnknownException"/>. Failures surface as
/// <see cref="HaloApiException"/> subtypes.
/// </summary>
/// <param name="httpClient">The HTTP client with the HaloPSA pipeline (its own timeout infinite or longer than an attempt).</param>
/// <param name="connection">Which instance to call (the admission may redirect to the URL its token was issued for).</param>
/// <param name="options">Timeouts and retries.</param>
/// <param name="timeProvider">Drives back-off, timeouts and deadlines.</param>
/// <param name="logger">Logs retries and failures (never tokens or secrets).</param>
/// <param name="tenantId">The tenant whose budget and token admit each attempt; it travels in the request's options.</param>
public sealed partial class HaloApiClient(
    HttpClient httpClient,
    HaloConnection connection,
    HaloClientOptions options,
    TimeProvider timeProvider,
    ILogger<HaloApiClient> logger,
    string? tenantId = null)
{
    /// <summary>HaloPSA's page-size ceiling (documented for the ticket family, silently applied elsewhere).</summary>
    public const int MaxPageSize = 100;

    private readonly Uri _apiBase = connection.ApiBaseUri;
    private readonly ResiliencePipeline<HaloResponse> _reads = HaloResiliencePipelines.ForReads(options, timeProvider, logger);
    private readonly ResiliencePipeline<HaloResponse> _writes = HaloResiliencePipelines.ForWrites(options, timeProvider, logger);

    /// <summary>
    /// Enumerates every record of a paged list, page by page (<see cref="MaxPageSize"/> rows each), until HaloPSA
    /// reports no more. Each page is one budgeted request.
    /// </summary>
    /// <param name="fetchPage">Fetches page N (1-based), e.g. <c>(n, ct) =&gt; client.ListInvoicesAsync(query with { Page = n, PageSize = 100 }, ct)</c>.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    public static async IAsyncEnumerable<T> AllPagesAsync<T>(
        Func<int, CancellationToken, Task<HaloPage<T>>> fetchPage,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var page = 1; ; page++)
        {
            var result = await fetchPage(page, cancellationToken);
            foreach (var item in result.Items)
            {
                yield return item;
            }

            if (!result.HasMore || result.Items.Count == 0)
            {
                yield break;
            }
        }
    }

    private async Task<T> GetOneAsync<T>(string path, string entity, int id, JsonTypeInfo<T> info, CancellationToken cancellationToken, params KeyValuePair<string, string>[] parameters)
    {
        var idText = id.ToString(CultureInfo.InvariantCulture);
        var request = new HaloRequest(HttpMethod.Get, HaloQueryParameters.BuildPath($"{path}/{idText}", parameters), HaloRequestKind.Read, entity, idText);
        var response = await ReadAsync(request, cancellationToken);
        return ParseSingle(response, request, info, absentMeansNotFound: true);
    }

    private async Task<HaloPage<T>> GetPageAsync<T>(
        string path,
        List<KeyValuePair<string, string>> filters,
        int page,
        int pageSize,
        string envelopeKey,
        string entity,
        JsonTypeInfo<T> info,
        CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        // Without pageinate=true HaloPSA ignores page_size/page_no and returns its default page.
        filters.Add(new("pageinate", "true"));
        filters.Add(new("page_size", pageSize.ToString(CultureInfo.InvariantCulture)));
        filters.Add(new("page_no", page.ToString(CultureInfo.InvariantCulture)));
        var request = new HaloRequest(HttpMethod.Get, HaloQueryParameters.BuildPath(path, filters), HaloRequestKind.Read, entity);
        var response = await ReadAsync(request, cancellationToken);
        var (items, recordCount) = Parse(request, () => HaloListReader.Read(response.Body, envelopeKey, info));
        var total = recordCount ?? ((page - 1) * pageSize) + items.Count;
        var hasMore = recordCount is { } count ? (long)page * pageSize < count : items.Count >= pageSize;
        return new HaloPage<T>(items, page, pageSize, total, hasMore);
    }

    private async Task<IReadOnlyList<T>> GetListAsync<T>(
        string path,
        List<KeyValuePair<string, string>> filters,
        string? envelopeKey,
        string entity,
        JsonTypeInfo<T> info,
        CancellationToken cancellationToken)
    {
        var request = new HaloRequest(HttpMethod.Get, HaloQueryParameters.BuildPath(path, filters), HaloRequestKind.Read, entity);
        var response = await ReadAsync(request, cancellationToken);
        return Parse(request, () => HaloListReader.Read(response.Body, envelopeKey, info).Items);
    }

    private async Task<T> PostOneAsync<TWrite, T>(
        string path,
        string entity,
        TWrite write,
        int? id,
        JsonTypeInfo<TWrite[]> writeInfo,
        JsonTypeInfo<T> readInfo,
        CancellationToken cancellationToken)
    {
        // HaloPSA's POST is an upsert of a JSON array; one element comes back as one object.
        var body = JsonSerializer.SerializeToUtf8Bytes([write], writeInfo);
        var request = new HaloRequest(HttpMethod.Post, path, HaloRequestKind.Write, entity, id?.ToString(CultureInfo.InvariantCulture), body);
        var response = await WriteAsync(request, cancellationToken);
        return ParseSingle(response, request, readInfo, absentMeansNotFound: false);
    }

    private async Task<HaloResponse> ReadAsync(HaloRequest request, CancellationToken cancellationToken)
    {
        var context = NewContext(request, options.ReadDeadline, cancellationToken, out var state);
        HaloResponse response;
        try
        {
            response = await _reads.ExecuteAsync(static (ctx, s) => s.Client.SendOnceAsync(s.State, ctx.CancellationToken), context, (Client: this, State: state));
        }
        catch (TimeoutRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            if (state.LastResponse is { IsRateLimited: true } limited)
            {
                throw RateLimited(limited, request);
            }

            throw state.Attempts == 0
                ? NotStarted(request, ex)
                : new HaloTransientException("HaloPSA did not answer in time; the read can be retried.", state.LastResponse?.Status, request.Path, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new HaloTransientException("Could not reach HaloPSA; the read can be retried.", null, request.Path, ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (response.IsServerError)
        {
            HaloApiClientLog.RequestFailed(logger, request.Method.Method, request.Path, (int)response.Status);
            throw new HaloTransientException(
                $"HaloPSA failed (HTTP {(int)response.Status}); the read can be retried.", response.Status, request.Path);
        }

        return EnsureSuccess(response, request);
    }

    private async Task<HaloResponse> WriteAsync(HaloRequest request, CancellationToken cancellationToken)
    {
        var context = NewContext(request, options.WriteDeadline, cancellationToken, out var state);
        HaloResponse response;
        try
        {
            response = await _writes.ExecuteAsync(static (ctx, s) => s.Client.SendOnceAsync(s.State, ctx.CancellationToken), context, (Client: this, State: state));
        }
        catch (TimeoutRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            if (state.InFlight)
            {
                HaloApiClientLog.WriteOutcomeUnknown(logger, request.Method.Method, request.Path, "timeout after sending");
                throw new HaloWriteOutcomeUnknownException(request.Path, null, ex);
            }

            if (state.LastResponse is { IsRateLimited: true } limited)
            {
                throw RateLimited(limited, request);
            }

            throw state.Attempts == 0
                ? NotStarted(request, ex)
                : new HaloTransientException("Could not reach HaloPSA in time; the write was not sent and can be repeated.", null, request.Path, ex);
        }
        catch (HttpRequestException ex) when (HaloResiliencePipelines.NeverSent(ex))
        {
            throw new HaloTransientException("Could not reach HaloPSA; the write was not sent and can be repeated.", null, request.Path, ex);
        }
        catch (HttpRequestException ex)
        {
            HaloApiClientLog.WriteOutcomeUnknown(logger, request.Method.Method, request.Path, ex.HttpRequestError.ToString());
            throw new HaloWriteOutcomeUnknownException(request.Path, null, ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (response.IsServerError)
        {
            HaloApiClientLog.WriteOutcomeUnknown(logger, request.Method.Method, request.Path, $"HTTP {(int)response.Status}");
            throw new HaloWriteOutcomeUnknownException(request.Path, response.Status);
        }

        return EnsureSuccess(response, request);
    }

    private static HaloTransientException NotStarted(HaloRequest request, Exception inner) =>
        new("The call to HaloPSA could not start before its deadline (request budget or token wait); nothing was sent.", null, request.Path, inner);

    private ResilienceContext NewContext(HaloRequest request, TimeSpan deadline, CancellationToken cancellationToken, out HaloAttemptState state)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        var at = timeProvider.GetUtcNow() + deadline;
        state = new HaloAttemptState(request, at);
        context.Properties.Set(HaloResiliencePipelines.DeadlineKey, at);
        context.Properties.Set(HaloResiliencePipelines.RequestKey, request);
        return context;
    }

    // One attempt. The pipeline's admission handler adds the permit and the token (and re-sends once after a 401); its
    // attempt handler times the exchange and records whether the request may have reached HaloPSA.
    private async ValueTask<HaloResponse> SendOnceAsync(HaloAttemptState state, CancellationToken cancellationToken)
    {
        var request = state.Request;
        using var message = new HttpRequestMessage(request.Method, new Uri(_apiBase, request.PathAndQuery));
        message.Options.Set(HaloRequestOptions.Attempt, state);
        if (tenantId is not null)
        {
            message.Options.Set(HaloRequestOptions.Tenant, tenantId);
        }

        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        HaloResponse response;
        try
        {
            using var answer = await httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var bytes = await answer.Content.ReadAsByteArrayAsync(cancellationToken);
            response = new HaloResponse(answer.StatusCode, bytes, HaloRetryAfter.FromHeader(answer.Headers.RetryAfter, timeProvider));
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout fired, not the caller or our attempt timeout: a transport fault like any other.
            throw new HttpRequestException(HttpRequestError.Unknown, "HaloPSA did not answer within the HTTP client's timeout.", ex);
        }

        state.InFlight = false;
        state.LastResponse = response;
        if (response.IsRateLimited)
        {
            HaloApiClientLog.RateLimited(logger, request.Path, response.RetryAfter);
        }

        return response;
    }
}