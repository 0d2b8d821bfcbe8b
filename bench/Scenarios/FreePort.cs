using System.Net;
using System.Net.Sockets;

namespace HaloMcp.Bench.Scenarios;

/// <summary>A loopback port free right now (the OS picks it; a child process binds it a moment later).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
