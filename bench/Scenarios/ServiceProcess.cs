using System.Diagnostics;

namespace HaloMcp.Bench.Scenarios;

/// <summary>A child process (<c>dotnet some.dll ...</c>) with its output in a log file, stopped on dispose.</summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, string name, Uri baseUrl, string logPath)
    {
        _process = process;
        Name = name;
        BaseUrl = baseUrl;
        LogPath = logPath;
    }

    public string Name { get; }

    public Uri BaseUrl { get; }

    public string LogPath { get; }

    public int Pid => _process.Id;

    public static async Task<ServiceProcess> StartAsync(string name, string dll, IEnumerable<string> args, int port, string readyPath, string logDirectory, CancellationToken cancellationToken)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{port}");
        var service = Launch(name, dll, [.. args, "--urls", baseUrl.ToString()], baseUrl, port, logDirectory);
        try
        {
            await service.WaitReadyAsync(readyPath, cancellationToken);
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a process without HTTP (a silo): ready once its log has a line containing <paramref name="readyLine"/>.</summary>
    public static async Task<ServiceProcess> StartAsync(string name, string dll, IEnumerable<string> args, string readyLine, string logDirectory, CancellationToken cancellationToken)
    {
        var service = Launch(name, dll, args, new Uri("http://127.0.0.1/"), Environment.TickCount, logDirectory);
        try
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
            while (!service.Logged(readyLine))
            {
                if (service._process.HasExited)
                {
                    throw new InvalidOperationException($"{name} exited with code {service._process.ExitCode} during start-up; see {service.LogPath}:\n{service.Tail()}");
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"{name} did not log '{readyLine}' within 120 s; see {service.LogPath}:\n{service.Tail()}");
                }

                await Task.Delay(100, cancellationToken);
            }

            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(20_000);
        }
        catch (InvalidOperationException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
        }

        _process.Dispose();
    }

    private static ServiceProcess Launch(string name, string dll, IEnumerable<string> args, Uri baseUrl, int tag, string logDirectory)
    {
        Directory.CreateDirectory(logDirectory);
        var logPath = Path.Combine(logDirectory, $"{name}-{DateTime.UtcNow:HHmmss}-{tag}.log");
        var info = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
        };

        // exec keeps the pid: the process we measure is dotnet itself, not the shell.
        var command = $"exec dotnet {Quote(dll)} {string.Join(' ', args.Select(Quote))} > {Quote(logPath)} 2>&1";
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Cannot start {name}.");
        return new ServiceProcess(process, name, baseUrl, logPath);
    }

    private bool Logged(string text)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Contains(text, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private async Task WaitReadyAsync(string readyPath, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} during start-up; see {LogPath}:\n{Tail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseUrl, readyPath), cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        throw new TimeoutException($"{Name} did not answer within 120 s; see {LogPath}:\n{Tail()}");
    }

    private string Tail()
    {
        try
        {
            return string.Join('\n', File.ReadLines(LogPath).TakeLast(20));
        }
        catch (IOException)
        {
            return "";
        }
    }
}
