using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Security.Tests;

/// <summary>
/// Counts the rows of every table of every module's DbContext (found in the container, not listed here),
/// except the tables that a refused request, or the test's own sign-ins, may legitimately write.
/// </summary>
public static class RowCounter
{
    /// <summary>Tables not counted, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> Excluded = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Refusals (403 of the CSRF check, denied reads, failed logins) and the test's own sign-ins are audited by design.
        ["core_audit"] = "il registro delle attività annota anche i rifiuti e gli accessi che il test stesso fa",
        // Each request family signs in afresh (so that a fuzzed /esci or /scelta-ruolo does not spoil the next one).
        ["core_session"] = "le sessioni degli accessi che il test stesso fa (accesso di prova)",
    };

    public static async Task<IReadOnlyDictionary<string, long>> CountAsync(SecurityPortal portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        var seen = new HashSet<Type>();
        foreach (var type in portal.DbContextTypes)
        {
            if (scope.ServiceProvider.GetService(type) is not DbContext db || !seen.Add(db.GetType())) continue;
            var tables = db.Model.GetEntityTypes()
                .Where(e => e.GetTableName() is not null && e.GetViewName() is null)
                .Select(e => (Schema: e.GetSchema(), Table: e.GetTableName()!))
                .Distinct()
                .Where(t => !Excluded.ContainsKey(t.Table) && !result.ContainsKey(Key(t.Schema, t.Table)))
                .ToList();
            if (tables.Count == 0) continue;
            var sql = string.Join(" UNION ALL ", tables.Select(t =>
                $"SELECT '{Key(t.Schema, t.Table)}', COUNT(*) FROM {(t.Schema is null ? "" : $"\"{t.Schema}\".")}\"{t.Table}\""));
            var connection = db.Database.GetDbConnection();
            var opened = connection.State != ConnectionState.Open;
            if (opened) await connection.OpenAsync();
            try
            {
                await using DbCommand command = connection.CreateCommand();
                command.CommandText = sql;
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync()) result[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1));
            }
            finally
            {
                if (opened) await connection.CloseAsync();
            }
        }
        return result;
    }

    /// <summary>The tables whose count changed, as "table: before → after".</summary>
    public static IReadOnlyList<string> Changes(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        after.Where(a => before.GetValueOrDefault(a.Key) != a.Value)
            .Select(a => $"{a.Key}: {before.GetValueOrDefault(a.Key)} → {a.Value}").ToList();

    private static string Key(string? schema, string table) => schema is null ? table : schema + "." + table;
}
