namespace Portal.Monitoraggio.Data.Migrations;

/// <summary>
/// Data of the migration StoricoVersioni (both databases, the same SQL): the history had a row for every applied line,
/// the current one included; it now holds only the superseded versions, each up to the next (DataFine), and the
/// practice row holds the current version from DataVersione.
/// </summary>
internal static class StoricoVersioniData
{
    private const string Keys = "h.\"EnteCode\" = monitoraggio_pratica_storico.\"EnteCode\" AND h.\"IdPratica\" = monitoraggio_pratica_storico.\"IdPratica\"";
    private const string PraticaKeys = "p.\"EnteCode\" = monitoraggio_pratica_storico.\"EnteCode\" AND p.\"IdPratica\" = monitoraggio_pratica_storico.\"IdPratica\"";

    public static readonly string[] Up =
    [
        "UPDATE monitoraggio_pratica SET \"DataVersione\" = \"DataRiferimento\"",
        "UPDATE monitoraggio_pratica_storico SET \"DataFine\" = COALESCE(" +
        $"(SELECT MIN(h.\"DataRiferimento\") FROM monitoraggio_pratica_storico h WHERE {Keys} AND h.\"DataRiferimento\" > monitoraggio_pratica_storico.\"DataRiferimento\"), " +
        $"(SELECT p.\"DataRiferimento\" FROM monitoraggio_pratica p WHERE {PraticaKeys}), \"DataRiferimento\")",
        $"DELETE FROM monitoraggio_pratica_storico WHERE EXISTS (SELECT 1 FROM monitoraggio_pratica p WHERE {PraticaKeys} " +
        "AND p.\"DataRiferimento\" = monitoraggio_pratica_storico.\"DataRiferimento\")",
    ];

    /// <summary>Back to a row per version with the current one in the history too (resent unchanged lines are not recovered).</summary>
    public const string Down =
        "INSERT INTO monitoraggio_pratica_storico (\"EnteCode\", \"IdPratica\", \"DataRiferimento\", \"DataFine\", \"Stato\", \"Misura\", \"SiglaProvincia\", " +
        "\"ImportoRichiesto\", \"ImportoDeliberato\", \"ImportoErogato\", \"FlussoId\") SELECT \"EnteCode\", \"IdPratica\", \"DataVersione\", \"DataVersione\", \"Stato\", " +
        "\"Misura\", \"SiglaProvincia\", \"ImportoRichiesto\", \"ImportoDeliberato\", \"ImportoErogato\", \"FlussoId\" FROM monitoraggio_pratica WHERE 1 = 1 " +
        "ON CONFLICT (\"EnteCode\", \"IdPratica\", \"DataRiferimento\") DO NOTHING";
}
