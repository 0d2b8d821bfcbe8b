using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Orleans.Runtime;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>
/// Sits in the grains' HaloPSA HTTP pipeline, after admission and in front of the real socket handler, and records
/// every <c>/api</c> request as it leaves: method, URL, bearer token, POST body and the silo that sent it, in the order
/// the requests leave. It changes nothing, unless a test holds POSTs (<see cref="HoldPosts"/>): a held POST has left
/// our code (its write-ahead record is written) but not yet reached HaloPSA.
/// </summary>
public sealed class UpstreamRecorder
{
    private readonly ConcurrentQueue<UpstreamRequest> _requests = new();
    private volatile TaskCompletionSource? _postGate;

    /// <summary>Every request, in the order it left.</summary>
    public IReadOnlyList<UpstreamRequest> Requests => [.. _requests];

    /// <summary>The POSTs' paths and bodies, in the order they left.</summary>
    public IReadOnlyList<(string Path, JsonNode? Body)> Posts =>
        [.. _requests.Where(r => r.Method == "POST").Select(r => (r.Url.AbsolutePath, r.Body))];

    public DelegatingHandler CreateHandler(SiloAddress silo) => new Handler(this, silo);

    /// <summary>From now on every POST waits, recorded, until <see cref="ReleasePosts"/>; it then fails without reaching HaloPSA.</summary>
    public void HoldPosts() => _postGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The held POSTs are cancelled without reaching HaloPSA; later ones pass.</summary>
    public void ReleasePosts() => Interlocked.Exchange(ref _postGate, null)?.TrySetCanceled();

    public sealed record UpstreamRequest(string Method, Uri Url, string? BearerToken, JsonNode? Body, SiloAddress Silo);

    private sealed class Handler(UpstreamRecorder owner, SiloAddress silo) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.Contains("/api/", StringComparison.OrdinalIgnoreCase))
            {
                var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
                owner._requests.Enqueue(new UpstreamRequest(
                    request.Method.Method, request.RequestUri, request.Headers.Authorization?.Parameter, body is null ? null : JsonNode.Parse(body), silo));
                if (request.Method == HttpMethod.Post && owner._postGate is { } gate)
                {
                    await gate.Task;
                }
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
