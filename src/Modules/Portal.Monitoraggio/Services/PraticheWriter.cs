using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Monitoraggio.Data;
using Portal.Monitoraggio.Validation;

namespace Portal.Monitoraggio.Services;

/// <summary>
/// Writes a feed's lines in batches of multi-row INSERT into a temporary stage table, then applies them with
/// <see cref="PraticheStage"/> (the versions the lines change go to the history, then one upsert by (ente, ID_PRATICA)),
/// inside the caller's unit of work. Used on SQLite (PostgreSQL has <see cref="PostgresPraticheSink"/>).
/// </summary>
public sealed class PraticheWriter(MonitoraggioDbContext db, Guid flussoId, IReadOnlyDictionary<string, string> province, bool sqlite) : IPraticheSink
{
    private const int BatchSize = 400;
    private readonly List<FeedRecord> _batch = new(BatchSize);
    private bool _staged;

    public async ValueTask AddAsync(FeedRow row, CancellationToken ct)
    {
        _batch.Add(row.ToRecord());
        if (_batch.Count >= BatchSize) await FlushAsync(ct);
    }

    public async Task CompleteAsync(CancellationToken ct)
    {
        await FlushAsync(ct);
        if (!_staged) return;
        await PraticheStage.ApplyAsync(db, ct);
        if (sqlite) await db.Database.ExecuteSqlRawAsync(PraticheStage.Drop, ct);
        _staged = false;
    }

    public ValueTask AbortAsync()
    {
        _batch.Clear();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => AbortAsync();

    private async Task FlushAsync(CancellationToken ct)
    {
        if (_batch.Count == 0) return;
        if (!_staged)
        {
            if (sqlite) await db.Database.ExecuteSqlRawAsync(PraticheStage.Drop, ct);
            await db.Database.ExecuteSqlRawAsync(PraticheStage.Create(postgres: !sqlite), ct);
            _staged = true;
        }
        var values = new List<object?>(_batch.Count * PraticheStage.Columns.Length);
        foreach (var r in _batch)
            values.AddRange([r.CodiceEnte, r.IdPratica, r.CfPiva, r.Denominazione, r.ComuneIstat, province[r.ComuneIstat], r.Misura, r.DataDomanda,
                r.ImportoRichiesto, r.Stato, r.DataDelibera, r.ImportoDeliberato, r.DataErogazione, r.ImportoErogato, r.Note, r.DataRiferimento, flussoId,
                r.DataRiferimento]);
        await db.Database.ExecuteSqlRawAsync(Insert(_batch.Count), Parameters(values), ct);
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

    private static readonly Dictionary<int, string> Statements = [];

    private static string Insert(int rows)
    {
        lock (Statements)
        {
            if (Statements.TryGetValue(rows, out var cached)) return cached;
            var columns = PraticheStage.Columns;
            var sb = new StringBuilder();
            sb.Append("INSERT INTO \"").Append(PraticheStage.Stage).Append("\" (").AppendJoin(", ", columns.Select(c => $"\"{c}\"")).Append(") VALUES ");
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
            return Statements[rows] = sb.ToString();
        }
    }
}
