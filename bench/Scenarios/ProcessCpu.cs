using System.Globalization;

namespace HaloMcp.Bench.Scenarios;

/// <summary>CPU time of a process from <c>/proc/&lt;pid&gt;/stat</c> (utime + stime), in seconds.</summary>
internal static class ProcessCpu
{
    // USER_HZ is 100 on every Linux the project targets; sysconf is not reachable without P/Invoke.
    private const double TicksPerSecond = 100.0;

    public static double Seconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");

            // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');

            // Fields 14 and 15 of the whole line are utime and stime; after the name they are at indexes 11 and 12.
            var utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
            var stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
            return (utime + stime) / TicksPerSecond;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    public static double Self() => Seconds(Environment.ProcessId);
}
