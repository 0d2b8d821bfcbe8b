using System.Runtime.InteropServices;

namespace HaloMcp.Bench.Scenarios;

/// <summary>What the figures were measured on.</summary>
internal sealed record MachineFacts(int Cores, string Cpu, string Os, string Runtime, string LoadAtStart, string MemoryTotal)
{
    public static MachineFacts Collect() => new(
        Environment.ProcessorCount,
        ReadFirst("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a",
        ReadFirst("/proc/meminfo", "MemTotal") ?? "n/a");

    private static string? ReadFirst(string path, string key)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line?[(line.IndexOf(':') + 1)..].Trim();
    }
}
