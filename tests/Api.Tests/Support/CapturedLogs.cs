using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace HaloMcp.Api.Tests.Support;

/// <summary>Captures every log line (message, scopes and exception) the server writes, for assertions.</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLogLine> _lines = new();
    private readonly Lock _gate = new();
    private readonly List<(Func<CapturedLogLine, bool> Predicate, TaskCompletionSource<CapturedLogLine> Done)> _waiters = [];
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLogLine> Lines => [.. _lines];

    public string AllText => string.Join('\n', _lines.Select(l => l.ToString()));

    /// <summary>Completes when a matching line is (or already was) written; no polling.</summary>
    public Task<CapturedLogLine> WaitForAsync(Func<CapturedLogLine, bool> predicate)
    {
        lock (_gate)
        {
            if (_lines.FirstOrDefault(predicate) is { } existing)
            {
                return Task.FromResult(existing);
            }

            var done = new TaskCompletionSource<CapturedLogLine>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((predicate, done));
            return done.Task;
        }
    }

    private void Add(CapturedLogLine line)
    {
        lock (_gate)
        {
            _lines.Enqueue(line);
            foreach (var waiter in _waiters.Where(w => w.Predicate(line)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(line);
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<KeyValuePair<string, object?>>();
            var scopeText = new StringBuilder();
            owner._scopes.ForEachScope(
                (scope, _) =>
                {
                    scopeText.Append(" => ").Append(scope);
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        scopes.AddRange(pairs);
                    }
                },
                (object?)null);
            var properties = state as IEnumerable<KeyValuePair<string, object?>>;
            owner.Add(new CapturedLogLine(
                logLevel,
                category,
                eventId,
                formatter(state, exception),
                exception?.ToString(),
                scopes,
                scopeText.ToString(),
                properties?.Select(p => $"{p.Key}={p.Value}").ToList() ?? []));
        }
    }
}
