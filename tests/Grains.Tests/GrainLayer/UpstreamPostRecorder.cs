using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>
/// Sits in the grains' HaloPSA HTTP pipeline (in front of the real socket handler) and records the body of every POST
/// to <c>/api</c> in the order the requests leave, so a test can tell which write went first. It changes nothing.
/// </summary>
public sealed class UpstreamPostRecorder
{
    private readonly ConcurrentQueue<(string Path, JsonNode? Body)> _posts = new();

    public IReadOnlyList<(string Path, JsonNode? Body)> Posts => [.. _posts];

    public DelegatingHandler CreateHandler() => new Handler(this);

    private sealed class Handler(UpstreamPostRecorder owner) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.Contains("/api/", StringComparison.OrdinalIgnoreCase))
            {
                var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
                owner._posts.Enqueue((request.RequestUri.AbsolutePath, body is null ? null : JsonNode.Parse(body)));
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
