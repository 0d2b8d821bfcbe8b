using System.Diagnostics;
using System.Text.Json;

namespace HaloMcp.Api.Tests.Support;

/// <summary>
/// Runs a script of <c>tests/Api.Tests/TypeScriptClient</c> (the official MCP TypeScript SDK, under node) and reads the
/// one JSON report it prints last. <c>.ci/run</c> installs node and the packages; a plain <c>dotnet test</c> installs
/// the packages where npm reaches its registry.
/// </summary>
public static class TypeScriptClients
{
    public static async Task<JsonDocument> RunAsync(string script, params string[] args)
    {
        var directory = ClientDirectory();
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "@modelcontextprotocol", "sdk")))
        {
            var (code, _, error) = await RunProcessAsync("npm", ["ci", "--no-audit", "--no-fund"], directory, TimeSpan.FromMinutes(5));
            Assert.True(code == 0, $"npm ci failed in {directory}: {error}");
        }

        var (exitCode, stdout, stderr) = await RunProcessAsync("node", [script, .. args], directory, TimeSpan.FromMinutes(2));
        Assert.True(exitCode == 0, $"the TypeScript client {script} failed ({exitCode}): {stderr}");
        return JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
    }

    private static string ClientDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "TypeScriptClient");
            if (File.Exists(Path.Combine(candidate, "client.mjs")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/Api.Tests/TypeScriptClient (client.mjs) was not found above " + AppContext.BaseDirectory);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunProcessAsync(string command, string[] args, string directory, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(command) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"'{command}' is not installed; .ci/run installs node and npm (Debian packages nodejs, npm).", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{command} {string.Join(' ', args)} did not finish within {timeout}.");
            }

            return (process.ExitCode, await stdout, await stderr);
        }
    }
}
