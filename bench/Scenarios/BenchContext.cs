namespace HaloMcp.Bench.Scenarios;

/// <summary>Where things are and how long to run.</summary>
internal sealed record BenchContext(string RepoRoot, bool Quick, string OutputPath, string MicroResults, string Command)
{
    public string ApiDll => Path.Combine(RepoRoot, "src/Api/bin/Release/net10.0/HaloMcp.Api.dll");

    public string SimDll => Path.Combine(RepoRoot, "src/HaloSim/bin/Release/net10.0/HaloMcp.HaloSim.dll");

    public string LogDirectory => Path.Combine(RepoRoot, "bench/results/logs");

    /// <summary>Repeated runs per measured configuration (medians are over these).</summary>
    public int Runs => Quick ? 1 : 3;
}
