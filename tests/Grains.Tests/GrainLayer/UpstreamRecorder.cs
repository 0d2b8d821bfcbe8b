using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>
/// Sits in the grains' HaloPSA HTTP pipeline, after admission and in front of the real socket handler, and records
/// every <c>/api</c> request as it leaves: method, URL, bearer token and POST body, in the order the requests leave.
/// It changes nothing.
/// </summary>
public sealed class UpstreamRecorder
{
    private readonly ConcurrentQueue<UpstreamRequest> _requests = new();

    /// <summary>Every request, in the order it left.</summary>
    public IReadOnlyList<UpstreamRequest> Requests => [.. _requests];

    /// <summary>The POSTs' paths and bodies, in the order they left.</summary>
    public IReadOnlyList<(string Path, JsonNode? Body)> Posts =>
        [.. _requests.Where(r => r.Method == "POST").Select(r => (r.Url.AbsolutePath, r.Body))];

    public DelegatingHandler CreateHandler() => new Handler(this);

    public sealed record UpstreamRequest(string Method, Uri Url, string? BearerToken, JsonNode? Body);

    private sealed class Handler(UpstreamRecorder owner) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.Contains("/api/", StringComparison.OrdinalIgnoreCase))
            {
                var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
                owner._requests.Enqueue(new UpstreamRequest(
                    request.Method.Method, request.RequestUri, request.Headers.Authorization?.Parameter, body is null ? null : JsonNode.Parse(body)));
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
