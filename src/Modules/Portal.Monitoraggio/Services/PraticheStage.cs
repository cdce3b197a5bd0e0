using Microsoft.EntityFrameworkCore;
using Portal.Monitoraggio.Data;

namespace Portal.Monitoraggio.Services;

/// <summary>
/// The SQL that applies a feed's lines for practices the portal may hold, copied first into a temporary stage table shaped
/// like monitoraggio_pratica (the same statements on PostgreSQL and SQLite). Versions (monitoraggio.md: every practice keeps
/// its history of states and amounts): the practice row holds the current version from its DataVersione; a line that changes
/// the state, measure, province or an amount moves the version it replaces into monitoraggio_pratica_storico as
/// [DataRiferimento, DataFine); a line that changes none of these writes no history row. A line dated before the practice's
/// DataRiferimento (a feed older than the last accepted one, confirmed by the operator) is placed in the history at its date,
/// between the versions around it; the later description stays current. When the line falls inside the current version (that
/// version was sent again unchanged after the line's date), the current version is split: its start up to the line's date goes
/// to the history, the line's version holds up to the practice's DataRiferimento, and the current version holds from there.
/// </summary>
public static class PraticheStage
{
    public const string Pratica = "monitoraggio_pratica";
    public const string Storico = "monitoraggio_pratica_storico";
    public const string Stage = "monitoraggio_stage";

    /// <summary>The practice columns in the order the writers send them (DataVersione = the feed's DATA_RIFERIMENTO).</summary>
    public static readonly string[] Columns =
    [
        "EnteCode", "IdPratica", "CfPiva", "Denominazione", "ComuneIstat", "SiglaProvincia", "Misura", "DataDomanda", "ImportoRichiesto",
        "Stato", "DataDelibera", "ImportoDeliberato", "DataErogazione", "ImportoErogato", "Note", "DataRiferimento", "FlussoId", "DataVersione",
    ];

    private static readonly string[] Version = ["Stato", "Misura", "SiglaProvincia", "ImportoRichiesto", "ImportoDeliberato", "ImportoErogato"];

    private static string Q(IEnumerable<string> names, string? alias = null) =>
        string.Join(", ", names.Select(c => alias is null ? $"\"{c}\"" : $"{alias}.\"{c}\""));

    /// <summary>True when row <paramref name="a"/> and row <paramref name="b"/> describe different versions (amounts may be null).</summary>
    private static string Changed(string a, string b) => "(" + string.Join(" OR ", Version.Select(c => c.StartsWith("Importo", StringComparison.Ordinal) && c != "ImportoRichiesto"
        ? $"COALESCE({a}.\"{c}\", -1) <> COALESCE({b}.\"{c}\", -1)"
        : $"{a}.\"{c}\" <> {b}.\"{c}\"")) + ")";

    /// <summary>An empty stage table (no constraints: CREATE … AS copies none).</summary>
    public static string Create(bool postgres) =>
        $"CREATE TEMP TABLE \"{Stage}\"{(postgres ? " ON COMMIT DROP" : "")} AS SELECT {Q(Columns)} FROM \"{Pratica}\" WHERE 1 = 0";

    private const string Join = $"FROM \"{Stage}\" s JOIN \"{Pratica}\" p ON p.\"EnteCode\" = s.\"EnteCode\" AND p.\"IdPratica\" = s.\"IdPratica\"";

    /// <summary>
    /// Whether any staged line is dated before the practice's DataRiferimento, the latest date the portal knows it at (then
    /// <see cref="BackDated"/> runs). Not its DataVersione: a version sent again unchanged holds from its first date, but was
    /// observed up to the last one.
    /// </summary>
    public const string AnyBackDated = $"SELECT CAST(COUNT(*) AS INTEGER) AS \"Value\" {Join} WHERE s.\"DataRiferimento\" < p.\"DataRiferimento\"";

    private static readonly string HistoryColumns = Q(["EnteCode", "IdPratica", "DataRiferimento", "DataFine", .. Version, "FlussoId"]);

    /// <summary>The held versions a staged line replaces, into the history up to the line's date.</summary>
    public static readonly string Supersede =
        $"INSERT INTO \"{Storico}\" ({HistoryColumns}) " +
        $"SELECT p.\"EnteCode\", p.\"IdPratica\", p.\"DataVersione\", s.\"DataRiferimento\", {Q(Version, "p")}, p.\"FlussoId\" {Join} " +
        $"WHERE s.\"DataRiferimento\" > p.\"DataVersione\" AND {Changed("s", "p")} " +
        $"ON CONFLICT (\"EnteCode\", \"IdPratica\", \"DataRiferimento\") DO UPDATE SET \"DataFine\" = excluded.\"DataFine\", " +
        string.Join(", ", Version.Append("FlussoId").Select(c => $"\"{c}\" = excluded.\"{c}\""));

    /// <summary>
    /// Lines dated before the practice's DataRiferimento. Before the held version: each becomes a history version up to the next
    /// one (the next history row, else the current version), and the history version that covered its date now ends there.
    /// Inside the held version (from its DataVersione, before its DataRiferimento) and different from it: the held version up to
    /// the line's date goes to the history, the line's version up to the practice's DataRiferimento, and the current version
    /// now holds from its DataRiferimento. Run in this order, before <see cref="Supersede"/> and <see cref="Upsert"/>.
    /// </summary>
    public static readonly string[] BackDated =
    [
        $"INSERT INTO \"{Storico}\" ({HistoryColumns}) " +
        $"SELECT s.\"EnteCode\", s.\"IdPratica\", s.\"DataRiferimento\", COALESCE((SELECT MIN(h.\"DataRiferimento\") FROM \"{Storico}\" h " +
        $"WHERE h.\"EnteCode\" = s.\"EnteCode\" AND h.\"IdPratica\" = s.\"IdPratica\" AND h.\"DataRiferimento\" > s.\"DataRiferimento\"), p.\"DataVersione\"), " +
        $"{Q(Version, "s")}, s.\"FlussoId\" {Join} WHERE s.\"DataRiferimento\" < p.\"DataVersione\" " +
        $"ON CONFLICT (\"EnteCode\", \"IdPratica\", \"DataRiferimento\") DO UPDATE SET " +
        string.Join(", ", Version.Append("FlussoId").Select(c => $"\"{c}\" = excluded.\"{c}\"")),
        $"UPDATE \"{Storico}\" SET \"DataFine\" = (SELECT s.\"DataRiferimento\" FROM \"{Stage}\" s " +
        $"WHERE s.\"EnteCode\" = \"{Storico}\".\"EnteCode\" AND s.\"IdPratica\" = \"{Storico}\".\"IdPratica\") " +
        $"WHERE EXISTS (SELECT 1 {Join} WHERE s.\"EnteCode\" = \"{Storico}\".\"EnteCode\" AND s.\"IdPratica\" = \"{Storico}\".\"IdPratica\" " +
        $"AND s.\"DataRiferimento\" < p.\"DataVersione\" AND \"{Storico}\".\"DataRiferimento\" < s.\"DataRiferimento\" " +
        $"AND \"{Storico}\".\"DataFine\" > s.\"DataRiferimento\")",
        $"INSERT INTO \"{Storico}\" ({HistoryColumns}) " +
        $"SELECT p.\"EnteCode\", p.\"IdPratica\", p.\"DataVersione\", s.\"DataRiferimento\", {Q(Version, "p")}, p.\"FlussoId\" {Join} " +
        $"WHERE {Inside("p")} AND s.\"DataRiferimento\" > p.\"DataVersione\" " +
        $"ON CONFLICT (\"EnteCode\", \"IdPratica\", \"DataRiferimento\") DO UPDATE SET \"DataFine\" = excluded.\"DataFine\", " +
        string.Join(", ", Version.Append("FlussoId").Select(c => $"\"{c}\" = excluded.\"{c}\"")),
        $"INSERT INTO \"{Storico}\" ({HistoryColumns}) " +
        $"SELECT s.\"EnteCode\", s.\"IdPratica\", s.\"DataRiferimento\", p.\"DataRiferimento\", {Q(Version, "s")}, s.\"FlussoId\" {Join} WHERE {Inside("p")} " +
        $"ON CONFLICT (\"EnteCode\", \"IdPratica\", \"DataRiferimento\") DO UPDATE SET \"DataFine\" = excluded.\"DataFine\", " +
        string.Join(", ", Version.Append("FlussoId").Select(c => $"\"{c}\" = excluded.\"{c}\"")),
        $"UPDATE \"{Pratica}\" SET \"DataVersione\" = \"DataRiferimento\" WHERE EXISTS (SELECT 1 FROM \"{Stage}\" s " +
        $"WHERE s.\"EnteCode\" = \"{Pratica}\".\"EnteCode\" AND s.\"IdPratica\" = \"{Pratica}\".\"IdPratica\" AND {Inside($"\"{Pratica}\"")})",
    ];

    /// <summary>A staged line (s) dated inside the held version of practice <paramref name="p"/>, before its DataRiferimento, and describing another version.</summary>
    private static string Inside(string p) =>
        $"s.\"DataRiferimento\" >= {p}.\"DataVersione\" AND s.\"DataRiferimento\" < {p}.\"DataRiferimento\" AND {Changed("s", p)}";

    /// <summary>
    /// The staged lines into monitoraggio_pratica: new practices inserted, held ones updated unless the line is dated before
    /// the practice's DataRiferimento (<see cref="BackDated"/> placed it); DataVersione moves to the line's date only when the
    /// version changes.
    /// </summary>
    public static readonly string Upsert =
        $"INSERT INTO \"{Pratica}\" ({Q(Columns)}) SELECT {Q(Columns)} FROM \"{Stage}\" WHERE 1 = 1 " +
        $"ON CONFLICT (\"EnteCode\", \"IdPratica\") DO UPDATE SET " +
        string.Join(", ", Columns.Skip(2).SkipLast(1).Select(c => $"\"{c}\" = excluded.\"{c}\"")) +
        $", \"DataVersione\" = CASE WHEN {Changed("excluded", $"\"{Pratica}\"")} THEN excluded.\"DataVersione\" ELSE \"{Pratica}\".\"DataVersione\" END " +
        $"WHERE excluded.\"DataRiferimento\" >= \"{Pratica}\".\"DataRiferimento\"";

    /// <summary>SQLite only (PostgreSQL drops the stage at the end of the transaction).</summary>
    public const string Drop = $"DROP TABLE IF EXISTS temp.\"{Stage}\"";

    /// <summary>Applies the filled stage, inside the caller's transaction.</summary>
    public static async Task ApplyAsync(MonitoraggioDbContext db, CancellationToken ct)
    {
        if ((await db.Database.SqlQueryRaw<int>(AnyBackDated).ToListAsync(ct))[0] > 0)
            foreach (var sql in BackDated) await db.Database.ExecuteSqlRawAsync(sql, ct);
        await db.Database.ExecuteSqlRawAsync(Supersede, ct);
        await db.Database.ExecuteSqlRawAsync(Upsert, ct);
    }
}
