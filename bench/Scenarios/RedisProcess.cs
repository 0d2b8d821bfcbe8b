using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace HaloMcp.Bench.Scenarios;

/// <summary>Debian's redis-server on a free loopback port without persistence, for a cluster rig; killed on dispose.</summary>
internal sealed class RedisProcess : IAsyncDisposable
{
    private readonly Process _process;

    private RedisProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public static async Task<RedisProcess> StartAsync(CancellationToken cancellationToken)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var info = new ProcessStartInfo("redis-server") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var arg in new[] { "--bind", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no" })
        {
            info.ArgumentList.Add(arg);
        }

        var redis = new RedisProcess(Process.Start(info) ?? throw new InvalidOperationException("Cannot start redis-server (apt-get install redis-server)."), port);
        while (await redis._process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Contains("Ready to accept connections", StringComparison.Ordinal))
            {
                _ = redis._process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                return redis;
            }
        }

        throw new InvalidOperationException("redis-server exited during start-up.");
    }

    /// <summary>
    /// Calls and microseconds Redis spent per command since the last reset (<c>INFO commandstats</c>), e.g.
    /// <c>evalsha</c>: the grain storage's conditional writes are Lua scripts.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, (long Calls, long Microseconds)>> CommandStatsAsync(CancellationToken cancellationToken)
    {
        var output = await CliAsync(cancellationToken, "INFO", "commandstats");
        var stats = new Dictionary<string, (long, long)>();
        foreach (var line in output.Split('\n', StringSplitOptions.TrimEntries).Where(l => l.StartsWith("cmdstat_", StringComparison.Ordinal)))
        {
            var name = line["cmdstat_".Length..line.IndexOf(':', StringComparison.Ordinal)];
            var fields = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Split(',').Select(f => f.Split('=')).ToDictionary(f => f[0], f => f[1]);
            stats[name] = (long.Parse(fields["calls"], CultureInfo.InvariantCulture), long.Parse(fields["usec"], CultureInfo.InvariantCulture));
        }

        return stats;
    }

    public Task ResetStatsAsync(CancellationToken cancellationToken) => CliAsync(cancellationToken, "CONFIG", "RESETSTAT");

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task<string> CliAsync(CancellationToken cancellationToken, params string[] command)
    {
        var info = new ProcessStartInfo("redis-cli") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-p", Port.ToString(CultureInfo.InvariantCulture) }.Concat(command))
        {
            info.ArgumentList.Add(arg);
        }

        using var cli = Process.Start(info) ?? throw new InvalidOperationException("Cannot start redis-cli.");
        var output = await cli.StandardOutput.ReadToEndAsync(cancellationToken);
        await cli.WaitForExitAsync(cancellationToken);
        return output;
    }
}
