using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>
/// Debian's redis-server on a free loopback port, without persistence, for the tests of durable grain state (cluster
/// mode's storage); killed on dispose. <c>.ci/run</c> installs the package.
/// </summary>
public sealed class TestRedis : IAsyncDisposable
{
    private const string Binary = "/usr/bin/redis-server";
    private readonly Process _process;

    private TestRedis(Process process, int port)
    {
        _process = process;
        ConnectionString = $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>StackExchange.Redis syntax.</summary>
    public string ConnectionString { get; }

    public static async Task<TestRedis> StartAsync()
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException("redis-server is not installed: apt-get install -y redis-server (.ci/run does).");
        }

        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var info = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--bind", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no" })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        var redis = new TestRedis(process, port);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                await redis.DisposeAsync();
                throw new InvalidOperationException($"redis-server exited: {await process.StandardError.ReadToEndAsync(CancellationToken.None)}");
            }

            if (line.Contains("Ready to accept connections", StringComparison.Ordinal))
            {
                // Keep draining its output so that it never blocks on a full pipe.
                _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                return redis;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
