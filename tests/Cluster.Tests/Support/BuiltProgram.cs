namespace HaloMcp.Cluster.Tests.Support;

/// <summary>
/// A program of the solution as built for this test run: <c>src/{project}/bin/{configuration}/net10.0/{dll}</c>, the same
/// configuration as the tests (the solution builds it first: the test project references it).
/// </summary>
internal static class BuiltProgram
{
    public static string Silo => Path("Silo", "HaloMcp.Silo.dll");

    public static string Api => Path("Api", "HaloMcp.Api.dll");

    public static string HaloSim => Path("HaloSim", "HaloMcp.HaloSim.dll");

    private static string Path(string project, string dll)
    {
        // .../tests/Cluster.Tests/bin/{configuration}/{framework}/
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var root = output;
        while (root is not null && !File.Exists(System.IO.Path.Combine(root.FullName, "HaloMcp.Orleans.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException($"No HaloMcp.Orleans.sln above {AppContext.BaseDirectory}.");
        }

        var path = System.IO.Path.Combine(root.FullName, "src", project, "bin", configuration, framework, dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{dll} is not built; build the solution first.", path);
    }
}
