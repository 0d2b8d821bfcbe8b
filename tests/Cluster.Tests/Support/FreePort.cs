using System.Net;
using System.Net.Sockets;

namespace HaloMcp.Cluster.Tests.Support;

/// <summary>Free loopback ports for child processes (another process may take one first: start-up then fails and says so).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
