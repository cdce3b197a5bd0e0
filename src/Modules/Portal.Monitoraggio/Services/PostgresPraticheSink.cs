using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Monitoraggio.Data;
using Portal.Monitoraggio.Validation;

namespace Portal.Monitoraggio.Services;

/// <summary>
/// On PostgreSQL a feed is applied with binary COPY, its rows built from the feed's own bytes (<see cref="PgBinaryRows"/>):
/// <list type="bullet">
/// <item>a practice the portal does not hold yet streams straight into monitoraggio_pratica while the file is read
/// (the server works on its own core meanwhile): one row, its first version, and no history row;</item>
/// <item>a practice it holds (an update) is spooled to a temporary file on disk (one COPY at a time per connection); at the
/// end the spool is copied into a temporary table and applied by <see cref="PraticheStage"/>: the versions the lines change
/// go to the history, then one upsert.</item>
/// </list>
/// Everything runs in the unit of work's transaction: an error rolls back all of it. Memory stays at a few buffers.
/// </summary>
public sealed class PostgresPraticheSink(MonitoraggioDbContext db, Guid flussoId) : IPraticheSink
{
    private static readonly string[] Columns = PraticheStage.Columns;

    private NpgsqlRawCopyStream? _copy;
    private PgBinaryRows? _direct;
    private Spool? _updates;
    private bool _aborted;

    private NpgsqlConnection Connection => (NpgsqlConnection)db.Database.GetDbConnection();

    public async ValueTask AddAsync(FeedRow r, CancellationToken ct)
    {
        if (_aborted) return;
        PgBinaryRows rows;
        if (r.Held)
        {
            // A hash of a held practice (or, rarely, a collision with one): the upsert decides.
            _updates ??= Spool.Create();
            rows = _updates.Rows;
        }
        else
        {
            if (_direct is null)
            {
                _copy = await Connection.BeginRawBinaryCopyAsync(CopyCommand(PraticheStage.Pratica, Columns), ct);
                _direct = new PgBinaryRows(_copy);
                _direct.Header();
            }
            rows = _direct;
        }
        rows.Row((short)Columns.Length);
        rows.Text(r.Utf8(0));
        rows.Text(r.Utf8(2));
        rows.Text(r.Utf8(3));
        rows.Text(r.Utf8(4));
        rows.Text(r.Utf8(5));
        rows.Text(r.SiglaProvinciaUtf8);
        rows.Text(r.Utf8(6));
        rows.Date(r.DataDomanda);
        rows.Int64(r.ImportoRichiesto);
        rows.Text(r.Utf8(9));
        rows.Date(r.DataDelibera);
        rows.Int64(r.ImportoDeliberato);
        rows.Date(r.DataErogazione);
        rows.Int64(r.ImportoErogato);
        rows.NullableText(r.Utf8(14));
        rows.Date(r.DataRiferimento);
        rows.Uuid(flussoId);
        rows.Date(r.DataRiferimento);
        await rows.MaybeFlushAsync(ct);
    }

    public async Task CompleteAsync(CancellationToken ct)
    {
        if (_aborted) return;
        if (_direct is not null)
        {
            await _direct.CompleteAsync(ct);
            // Disposing the stream of a COPY FROM ends it: the server checks and keeps the rows (in the open transaction).
            await _copy!.DisposeAsync();
            _copy = null;
        }
        if (_updates is not null)
        {
            await db.Database.ExecuteSqlRawAsync(PraticheStage.Create(postgres: true), ct);
            await CopySpoolAsync(_updates, PraticheStage.Stage, Columns, ct);
            await PraticheStage.ApplyAsync(db, ct);
        }
        await DisposeSpoolsAsync();
    }

    private async Task CopySpoolAsync(Spool spool, string table, string[] columns, CancellationToken ct)
    {
        await spool.Rows.CompleteAsync(ct);
        spool.File.Position = 0;
        await using var copy = await Connection.BeginRawBinaryCopyAsync(CopyCommand(table, columns), ct);
        var buffer = new byte[1 << 17];
        int read;
        while ((read = spool.File.Read(buffer, 0, buffer.Length)) > 0) await copy.WriteAsync(buffer.AsMemory(0, read), ct);
    }

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(c => $"\"{c}\""));

    private static string CopyCommand(string table, string[] columns) => $"COPY \"{table}\" ({Quoted(columns)}) FROM STDIN (FORMAT BINARY)";

    public async ValueTask AbortAsync()
    {
        _aborted = true;
        if (_copy is not null)
        {
            // Cancelling the COPY discards what was sent; the transaction is rolled back by the caller.
            try { await _copy.CancelAsync(); }
            catch (PostgresException) { }
            catch (NpgsqlException) { }
            try { await _copy.DisposeAsync(); }
            catch (PostgresException) { }
            catch (NpgsqlException) { }
            _copy = null;
        }
        await DisposeSpoolsAsync();
    }

    private async ValueTask DisposeSpoolsAsync()
    {
        if (_updates is not null) await _updates.File.DisposeAsync();
        _updates = null;
    }

    public ValueTask DisposeAsync() => AbortAsync();

    /// <summary>A temporary file (<see cref="SpoolFiles"/>: deleted when closed, or at the next start after a crash) holding rows in COPY format.</summary>
    private sealed record Spool(FileStream File, PgBinaryRows Rows)
    {
        public static Spool Create()
        {
            var file = SpoolFiles.Create();
            var rows = new PgBinaryRows(file);
            rows.Header();
            return new Spool(file, rows);
        }
    }
}
