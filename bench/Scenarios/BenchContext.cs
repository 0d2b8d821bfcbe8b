namespace HaloMcp.Bench.Scenarios;

/// <summary>Where things are and how long to run.</summary>
internal sealed record BenchContext(string RepoRoot, bool Quick, string OutputPath, string MicroResults, string Command)
{
    /// <summary>The server under test: this checkout's Release build, or another build's (<c>--server-dll</c>).</summary>
    public string ApiDll => ServerDll ?? Path.Combine(RepoRoot, "src/Api/bin/Release/net10.0/HaloMcp.Api.dll");

    /// <summary>Another build of the server to measure instead of this checkout's (a side-by-side run).</summary>
    public string? ServerDll { get; init; }

    /// <summary>Where the run's named figures go (<c>bench/results/figures.json</c> unless <c>--figures</c>).</summary>
    public string FiguresPath => FiguresFile ?? Path.Combine(RepoRoot, "bench/results/figures.json");

    /// <summary>Set by <c>--figures</c>.</summary>
    public string? FiguresFile { get; init; }

    /// <summary>A silo process of a cluster (the cluster scenario).</summary>
    public string SiloDll => Path.Combine(RepoRoot, "src/Silo/bin/Release/net10.0/HaloMcp.Silo.dll");

    public string SimDll => Path.Combine(RepoRoot, "src/HaloSim/bin/Release/net10.0/HaloMcp.HaloSim.dll");

    public string LogDirectory => Path.Combine(RepoRoot, "bench/results/logs");

    /// <summary>Repeated runs per measured configuration (medians are over these).</summary>
    public int Runs => Quick ? 1 : 3;
}
