using System.Threading.Channels;
using HaloMcp.Grains.Billing;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace HaloMcp.Api.Tools.Billing;

/// <summary>
/// Forwards the progress a grain streams to the MCP client as <c>notifications/progress</c> on the call's own stream, in order,
/// and finishes sending before the tool's result goes out (the SDK's own IProgress is fire-and-forget and can race it).
/// Does nothing when the client sent no progress token.
/// </summary>
public sealed class RevenueProgressRelay : IAsyncDisposable
{
    private readonly Channel<RevenueProgress> _pending = Channel.CreateUnbounded<RevenueProgress>(new() { SingleReader = true });
    private readonly Task _sender;

    /// <summary>Starts forwarding for <paramref name="request"/>.</summary>
    public RevenueProgressRelay(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        var token = request.Params?.ProgressToken;
        _sender = token is { } progressToken ? SendAsync(request.Server, progressToken, cancellationToken) : Drain();
    }

    /// <summary>Queues <paramref name="progress"/> for the client; returns at once.</summary>
    public void OnProgress(RevenueProgress progress) => _pending.Writer.TryWrite(progress);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        try
        {
            await _sender.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The call was cancelled; its result is not going out either.
        }
    }

    private async Task Drain()
    {
        await foreach (var _ in _pending.Reader.ReadAllAsync().ConfigureAwait(false))
        {
        }
    }

    private async Task SendAsync(McpServer server, ProgressToken token, CancellationToken cancellationToken)
    {
        await foreach (var progress in _pending.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await server.NotifyProgressAsync(
                token,
                new ProgressNotificationValue { Progress = progress.Done, Total = progress.Total, Message = progress.Stage },
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
