namespace HaloMcp.Cluster.Tests.Support;

/// <summary>Debian's redis-server on a free loopback port, without persistence; killed on dispose.</summary>
internal static class RedisServer
{
    public static async Task<(NodeProcess Process, string ConnectionString)> StartAsync()
    {
        const string binary = "/usr/bin/redis-server";
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException("redis-server is not installed: apt-get install -y redis-server (.ci/run does).");
        }

        var port = FreePort.Next();
        var redis = NodeProcess.Start("redis", binary, ["--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--daemonize", "no"]);
        await redis.WaitForLineAsync("Ready to accept connections", TimeSpan.FromSeconds(30));
        return (redis, $"127.0.0.1:{port}");
    }
}
