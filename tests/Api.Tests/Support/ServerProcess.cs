using System.Diagnostics;
using HaloMcp.Api.Hosting;

namespace HaloMcp.Api.Tests.Support;

/// <summary>Runs the built server executable (HaloMcp.Api.dll next to the tests) as a child process.</summary>
public static class ServerProcess
{
    public static readonly string[] HaloVariables =
    [
        "HALOPSA_CLIENT_ID", "HALOPSA_CLIENT_SECRET", "HALOPSA_TENANT", "HALOPSA_BASE_URL", "HALOPSA_AUTH_URL", "HALOPSA_SCOPE",
        "HALO_INSTANCE_URL", "HALO_CLIENT_ID", "HALO_CLIENT_SECRET", "X_CLIENT_ID", "X_CLIENT_SECRET", "X_TENANT",
    ];

    public static string ServerDll => Path.Combine(AppContext.BaseDirectory, "HaloMcp.Api.dll");

    public static ProcessStartInfo StartInfo(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ServerDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Nothing of the test runner's own environment chooses the server's transport or tenant.
        foreach (var name in HaloVariables.Append(HostCommandLine.TransportVariable))
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return info;
    }

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Process.Start(StartInfo(args, environment))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
