using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Portal.Monitoraggio.Data;
using Portal.Monitoraggio.Validation;

namespace Portal.Monitoraggio.Services;

/// <summary>
/// On PostgreSQL the lines stream into a temporary table with binary COPY while the file is read (the server
/// works on its own core meanwhile), then two statements upsert the practices and their history from it.
/// Everything runs in the unit of work's transaction; the table is dropped at its end.
/// </summary>
public sealed class PostgresPraticheSink(MonitoraggioDbContext db, Guid flussoId, IReadOnlyDictionary<string, string> province) : IPraticheSink
{
    private const string Stage = "monitoraggio_stage";
    private NpgsqlBinaryImporter? _importer;
    private bool _aborted;

    private static readonly string[] Columns =
    [
        "EnteCode", "IdPratica", "CfPiva", "Denominazione", "ComuneIstat", "SiglaProvincia", "Misura", "DataDomanda", "ImportoRichiesto",
        "Stato", "DataDelibera", "ImportoDeliberato", "DataErogazione", "ImportoErogato", "Note", "DataRiferimento", "FlussoId",
    ];

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(c => $"\"{c}\""));

    private async Task<NpgsqlBinaryImporter> ImporterAsync(CancellationToken ct)
    {
        if (_importer is not null) return _importer;
        await db.Database.ExecuteSqlRawAsync(CreateStage, ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        _importer = await connection.BeginBinaryImportAsync($"COPY \"{Stage}\" ({Quoted(Columns)}) FROM STDIN (FORMAT BINARY)", ct);
        return _importer;
    }

    public async ValueTask AddAsync(FeedRecord r, CancellationToken ct)
    {
        if (_aborted) return;
        var w = await ImporterAsync(ct);
        w.StartRow();
        w.Write(r.CodiceEnte, NpgsqlDbType.Varchar);
        w.Write(r.IdPratica, NpgsqlDbType.Varchar);
        w.Write(r.CfPiva, NpgsqlDbType.Varchar);
        w.Write(r.Denominazione, NpgsqlDbType.Varchar);
        w.Write(r.ComuneIstat, NpgsqlDbType.Varchar);
        w.Write(province[r.ComuneIstat], NpgsqlDbType.Varchar);
        w.Write(r.Misura, NpgsqlDbType.Varchar);
        w.Write(r.DataDomanda, NpgsqlDbType.Date);
        w.Write(r.ImportoRichiesto, NpgsqlDbType.Bigint);
        w.Write(r.Stato, NpgsqlDbType.Varchar);
        WriteNullable(w, r.DataDelibera, NpgsqlDbType.Date);
        WriteNullable(w, r.ImportoDeliberato, NpgsqlDbType.Bigint);
        WriteNullable(w, r.DataErogazione, NpgsqlDbType.Date);
        WriteNullable(w, r.ImportoErogato, NpgsqlDbType.Bigint);
        if (r.Note is null) w.WriteNull(); else w.Write(r.Note, NpgsqlDbType.Varchar);
        w.Write(r.DataRiferimento, NpgsqlDbType.Date);
        w.Write(flussoId, NpgsqlDbType.Uuid);
    }

    // Synchronous writes: the importer buffers them, and an await per field costs more than the write itself.
    private static void WriteNullable<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type) where T : struct
    {
        if (value is { } v) w.Write(v, type);
        else w.WriteNull();
    }

    public async Task CompleteAsync(CancellationToken ct)
    {
        if (_aborted) return;
        await ImporterAsync(ct);
        await _importer!.CompleteAsync(ct);
        await _importer.DisposeAsync();
        _importer = null;
        await db.Database.ExecuteSqlRawAsync(UpsertPratiche, ct);
        await db.Database.ExecuteSqlRawAsync(UpsertStorico, ct);
    }

    private static readonly string[] History =
        ["EnteCode", "IdPratica", "DataRiferimento", "Stato", "Misura", "SiglaProvincia", "ImportoRichiesto", "ImportoDeliberato", "ImportoErogato", "FlussoId"];

    private static readonly string UpsertPratiche =
        $"INSERT INTO \"monitoraggio_pratica\" ({Quoted(Columns)}) SELECT {Quoted(Columns)} FROM \"{Stage}\" " +
        $"ON CONFLICT ({Quoted(Columns.Take(2))}) DO UPDATE SET " + string.Join(", ", Columns.Skip(2).Select(c => $"\"{c}\" = excluded.\"{c}\""));

    private static readonly string UpsertStorico =
        $"INSERT INTO \"monitoraggio_pratica_storico\" ({Quoted(History)}) SELECT {Quoted(History)} FROM \"{Stage}\" " +
        $"ON CONFLICT ({Quoted(History.Take(3))}) DO UPDATE SET " + string.Join(", ", History.Skip(3).Select(c => $"\"{c}\" = excluded.\"{c}\""));

    private static readonly string CreateStage = $"CREATE TEMP TABLE \"{Stage}\" (LIKE \"monitoraggio_pratica\") ON COMMIT DROP";

    public async ValueTask AbortAsync()
    {
        _aborted = true;
        if (_importer is null) return;
        // Disposing without Complete cancels the COPY; the transaction is rolled back by the caller.
        try { await _importer.DisposeAsync(); }
        catch (PostgresException) { }
        catch (NpgsqlException) { }
        _importer = null;
    }

    public ValueTask DisposeAsync() => AbortAsync();
}
