namespace HaloMcp.Silo.Cluster;

/// <summary>
/// A front end's signal that it lost a gateway connection (a silo died or left). Orleans 10.4.2 fails a client's calls
/// whose gateway or destination silo died only at their response timeout (dotnet/orleans#10165); the calls in flight at
/// that moment are abandoned through <see cref="Token"/> and <see cref="FailoverRetryFilter"/> decides whether to send
/// them again.
/// </summary>
internal sealed class GatewayLoss : IClusterConnectionStatusObserver, IDisposable
{
    private CancellationTokenSource _current = new();

    /// <summary>Cancelled at the next loss of a gateway connection.</summary>
    public CancellationToken Token => Volatile.Read(ref _current).Token;

    public void NotifyGatewayCountChanged(int currentNumberOfConnectedGateways, int previousNumberOfConnectedGateways, bool connectionRecovered)
    {
        if (currentNumberOfConnectedGateways < previousNumberOfConnectedGateways)
        {
            Signal();
        }
    }

    public void NotifyClusterConnectionLost() => Signal();

    public void Dispose() => _current.Dispose();

    // The old source is cancelled, not disposed: attempts may still be linking to its token.
    private void Signal() => Interlocked.Exchange(ref _current, new CancellationTokenSource()).Cancel();
}
