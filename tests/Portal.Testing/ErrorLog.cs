using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Portal.Testing;

/// <summary>
/// What a test host logged as an Error with an exception (the last 50): shows the cause of a 500, and proves that an expected
/// refusal (a conflict handled, a bad upload) is not logged as an error with a stack trace.
/// </summary>
public sealed class ErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public ILogger CreateLogger(string categoryName) => new Category(this, categoryName);

    /// <summary>The errors logged since the last call, " | " between them; empty when none.</summary>
    public string Drain()
    {
        var list = new List<string>();
        while (_entries.TryDequeue(out var e)) list.Add(e);
        return string.Join(" | ", list);
    }

    public void Dispose() { }

    private sealed class Category(ErrorLog log, string name) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is null || logLevel < LogLevel.Error) return;
            var at = exception.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains(" Portal.", StringComparison.Ordinal))?.Trim();
            log._entries.Enqueue($"{name}: {formatter(state, exception)} ← {exception.GetType().Name}: {exception.Message} {at}");
            while (log._entries.Count > 50) log._entries.TryDequeue(out _);
        }
    }
}
