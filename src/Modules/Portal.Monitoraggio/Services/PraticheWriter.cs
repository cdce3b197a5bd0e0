using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Monitoraggio.Data;
using Portal.Monitoraggio.Validation;

namespace Portal.Monitoraggio.Services;

/// <summary>
/// Upserts a feed's practices by (ente, ID_PRATICA) and their history by DATA_RIFERIMENTO, in batches of multi-row
/// INSERT … ON CONFLICT DO UPDATE (the same SQL on PostgreSQL and SQLite), inside the caller's unit of work.
/// Column names are those of PraticaConfiguration and PraticaStoricoConfiguration.
/// </summary>
public sealed class PraticheWriter(MonitoraggioDbContext db, Guid flussoId, IReadOnlyDictionary<string, string> province, bool sqlite) : IPraticheSink
{
    private const int BatchSize = 400;
    private readonly List<FeedRecord> _batch = new(BatchSize);

    private static readonly string[] PraticaColumns =
    [
        "EnteCode", "IdPratica", "CfPiva", "Denominazione", "ComuneIstat", "SiglaProvincia", "Misura", "DataDomanda", "ImportoRichiesto",
        "Stato", "DataDelibera", "ImportoDeliberato", "DataErogazione", "ImportoErogato", "Note", "DataRiferimento", "FlussoId",
    ];

    private static readonly string[] StoricoColumns =
    [
        "EnteCode", "IdPratica", "DataRiferimento", "Stato", "Misura", "SiglaProvincia", "ImportoRichiesto", "ImportoDeliberato", "ImportoErogato", "FlussoId",
    ];

    public async ValueTask AddAsync(FeedRow row, CancellationToken ct)
    {
        _batch.Add(row.ToRecord());
        if (_batch.Count >= BatchSize) await FlushAsync(ct);
    }

    public Task CompleteAsync(CancellationToken ct) => FlushAsync(ct);

    public ValueTask AbortAsync()
    {
        _batch.Clear();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => AbortAsync();

    private async Task FlushAsync(CancellationToken ct)
    {
        if (_batch.Count == 0) return;
        var values = new List<object?>(_batch.Count * PraticaColumns.Length);
        foreach (var r in _batch)
            values.AddRange([r.CodiceEnte, r.IdPratica, r.CfPiva, r.Denominazione, r.ComuneIstat, province[r.ComuneIstat], r.Misura, r.DataDomanda,
                r.ImportoRichiesto, r.Stato, r.DataDelibera, r.ImportoDeliberato, r.DataErogazione, r.ImportoErogato, r.Note, r.DataRiferimento, flussoId]);
        await db.Database.ExecuteSqlRawAsync(Upsert("monitoraggio_pratica", PraticaColumns, 2, _batch.Count), Parameters(values), ct);

        values.Clear();
        foreach (var r in _batch)
            values.AddRange([r.CodiceEnte, r.IdPratica, r.DataRiferimento, r.Stato, r.Misura, province[r.ComuneIstat], r.ImportoRichiesto,
                r.ImportoDeliberato, r.ImportoErogato, flussoId]);
        await db.Database.ExecuteSqlRawAsync(Upsert("monitoraggio_pratica_storico", StoricoColumns, 3, _batch.Count), Parameters(values), ct);
        _batch.Clear();
    }

    // Parameters made by the provider itself; a Guid is stored by EF as upper-case TEXT on SQLite, as uuid on PostgreSQL.
    private List<System.Data.Common.DbParameter> Parameters(List<object?> values)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        var list = new List<System.Data.Common.DbParameter>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            p.Value = values[i] switch
            {
                null => DBNull.Value,
                Guid g when sqlite => g.ToString().ToUpperInvariant(),
                var v => v,
            };
            list.Add(p);
        }
        return list;
    }

    private static readonly Dictionary<(string, int), string> Statements = [];

    private static string Upsert(string table, string[] columns, int keyCount, int rows)
    {
        lock (Statements)
        {
            if (Statements.TryGetValue((table, rows), out var cached)) return cached;
            var sb = new StringBuilder();
            sb.Append("INSERT INTO \"").Append(table).Append("\" (").AppendJoin(", ", columns.Select(c => $"\"{c}\"")).Append(") VALUES ");
            var p = 0;
            for (var r = 0; r < rows; r++)
            {
                if (r > 0) sb.Append(", ");
                sb.Append('(');
                for (var c = 0; c < columns.Length; c++)
                {
                    if (c > 0) sb.Append(", ");
                    sb.Append("@p").Append(p++);
                }
                sb.Append(')');
            }
            sb.Append(" ON CONFLICT (").AppendJoin(", ", columns.Take(keyCount).Select(c => $"\"{c}\"")).Append(") DO UPDATE SET ")
                .AppendJoin(", ", columns.Skip(keyCount).Select(c => $"\"{c}\" = excluded.\"{c}\""));
            return Statements[(table, rows)] = sb.ToString();
        }
    }
}
