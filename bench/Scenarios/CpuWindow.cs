using System.Diagnostics;

namespace HaloMcp.Bench.Scenarios;

/// <summary>CPU used by the server, the simulator and this load generator over one measured interval, in cores.</summary>
internal sealed class CpuWindow
{
    private readonly int[] _server;
    private readonly int _sim;
    private readonly double _server0;
    private readonly double _sim0;
    private readonly double _self0;
    private readonly long _start;

    private CpuWindow(int[] server, int sim)
    {
        _server = server;
        _sim = sim;
        _server0 = server.Sum(ProcessCpu.Seconds);
        _sim0 = ProcessCpu.Seconds(sim);
        _self0 = ProcessCpu.Self();
        _start = Stopwatch.GetTimestamp();
    }

    /// <summary>"Server" is the server process, plus its silo processes in cluster mode.</summary>
    public static CpuWindow Start(Rig rig) => new([rig.Server.Pid, .. rig.Silos.Where(s => s is not null).Select(s => s!.Pid)], rig.Sim.Pid);

    public CpuUse Stop()
    {
        var wall = Stopwatch.GetElapsedTime(_start).TotalSeconds;
        return new CpuUse(
            (_server.Sum(ProcessCpu.Seconds) - _server0) / wall,
            (ProcessCpu.Seconds(_sim) - _sim0) / wall,
            (ProcessCpu.Self() - _self0) / wall);
    }
}
