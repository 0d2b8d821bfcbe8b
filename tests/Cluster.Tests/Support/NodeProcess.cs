using System.Diagnostics;
using System.Text;

namespace HaloMcp.Cluster.Tests.Support;

/// <summary>
/// One child process of the cluster (Redis, a silo, a front end, the simulator) with its output kept for failure
/// messages. <see cref="Kill"/> is SIGKILL: no shutdown code runs. Every process is killed on dispose, and when the test
/// process exits.
/// </summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    private const int KeptLines = 400;
    private static readonly List<NodeProcess> Running = [];
    private readonly Process _process;
    private readonly Queue<string> _lines = new();
    private readonly List<(string Marker, TaskCompletionSource<string> Seen)> _waits = [];

    static NodeProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        lock (Running)
        {
            foreach (var node in Running)
            {
                node.Kill();
            }
        }
    };

    private NodeProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="fileName"/> (for .NET programs: <c>dotnet</c> with the dll first in <paramref name="args"/>).</summary>
    public static NodeProcess Start(string name, string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var node = new NodeProcess(name, process);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.Exited += (_, _) => node.FailWaits();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        lock (Running)
        {
            Running.Add(node);
        }

        return node;
    }

    /// <summary>Waits for an output line containing <paramref name="marker"/> (seen before or after the call) and returns it.</summary>
    public async Task<string> WaitForLineAsync(string marker, TimeSpan timeout)
    {
        TaskCompletionSource<string> seen;
        lock (_lines)
        {
            if (_lines.FirstOrDefault(l => l.Contains(marker, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waits.Add((marker, seen));
            if (_process.HasExited)
            {
                seen.TrySetException(new InvalidOperationException($"{Name} exited (code {_process.ExitCode}) before printing '{marker}'.\n{Output()}"));
            }
        }

        try
        {
            return await seen.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Name} did not print '{marker}' within {timeout.TotalSeconds:0} s.\n{Output()}");
        }
    }

    /// <summary>The last lines of its output, for a failure message.</summary>
    public string Output(int lines = 60)
    {
        lock (_lines)
        {
            return $"--- last output of {Name} (pid {_process.Id}) ---\n" + string.Join('\n', _lines.TakeLast(lines));
        }
    }

    /// <summary>Whether any output line so far contains <paramref name="text"/>.</summary>
    public bool Printed(string text)
    {
        lock (_lines)
        {
            return _lines.Any(l => l.Contains(text, StringComparison.Ordinal));
        }
    }

    /// <summary>SIGKILL, at once; waits until the process is gone.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        lock (Running)
        {
            Running.Remove(this);
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Enqueue(line);
            if (_lines.Count > KeptLines)
            {
                _lines.Dequeue();
            }

            foreach (var wait in _waits.Where(w => line.Contains(w.Marker, StringComparison.Ordinal)).ToList())
            {
                wait.Seen.TrySetResult(line);
                _waits.Remove(wait);
            }
        }
    }

    private void FailWaits()
    {
        lock (_lines)
        {
            foreach (var wait in _waits)
            {
                wait.Seen.TrySetException(new InvalidOperationException($"{Name} exited (code {_process.ExitCode}) before printing '{wait.Marker}'.\n{Output()}"));
            }

            _waits.Clear();
        }
    }
}
