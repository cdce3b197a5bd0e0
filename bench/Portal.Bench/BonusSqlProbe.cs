using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Testing;

namespace Portal.Bench;

/// <summary>
/// The portal of the Bonus load run, with EF Core's command log captured (not printed): while <see cref="Start"/>..
/// <see cref="Stop"/> is open, every SQL statement the portal executes is kept with its duration, so the run can show
/// the round trips of one send.
/// </summary>
/// <param name="dispatcher">False: no outbox dispatcher runs while the sends run (the run drains the outbox afterwards).</param>
public sealed class BonusBenchPortal(bool dispatcher = true) : PortalFactory(TestDatabase.Create(),
    new Dictionary<string, string?> { ["Portal:Outbox:DispatcherEnabled"] = dispatcher ? "true" : "false" })
{
    public BonusSqlProbe Probe { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(l =>
        {
            l.AddProvider(Probe);
            l.AddFilter<BonusSqlProbe>("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information);
        });
    }
}

public sealed class BonusSqlProbe : ILoggerProvider, ILogger
{
    private volatile bool _on;
    private readonly ConcurrentQueue<string> _commands = new();

    public void Start() { _commands.Clear(); _on = true; }

    public IReadOnlyList<string> Stop() { _on = false; return _commands.ToList(); }

    public ILogger CreateLogger(string categoryName) =>
        categoryName == "Microsoft.EntityFrameworkCore.Database.Command" ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public bool IsEnabled(LogLevel logLevel) => _on && logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        // RelationalEventId.CommandExecuted (20101): "Executed DbCommand (3ms) [...] SELECT ..."
        if (!_on || eventId.Id != 20101) return;
        var text = formatter(state, exception);
        var sqlStart = text.IndexOf('\n');
        var head = text[..Math.Max(0, text.IndexOf('[') - 1)].Replace("Executed DbCommand ", "");
        var sql = sqlStart < 0 ? "" : string.Join(' ', text[(sqlStart + 1)..].Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        _commands.Enqueue($"{head} {(sql.Length > 160 ? sql[..160] + "…" : sql)}");
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public void Dispose() { }
}
