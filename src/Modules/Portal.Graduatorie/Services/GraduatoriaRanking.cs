using Portal.Graduatorie.Data;

namespace Portal.Graduatorie.Services;

/// <summary>
/// The order of the regional Graduatoria: ISEE ascending, then the younger student first, then the pseudonymous code
/// ascending (a reproducible draw that depends neither on names nor on the Comune). A student in the valid lists of
/// several Comuni takes one place only, through the Comune whose list became valid first (then the lower ISTAT code);
/// the other rows are left out and counted. The first <c>borse</c> places are beneficiari, the others idonei.
/// </summary>
public static class GraduatoriaRanking
{
    /// <summary>The ordering and the outcome, on rows already read; pure so the order can be tested on its own.</summary>
    public static (List<GraduatoriaPosizione> Posizioni, int Esclusi) Rank(Guid graduatoriaId, Guid finestraId, IEnumerable<RigaConsolidata> rows, int borse, byte[] key)
    {
        var kept = rows.Where(r => r.Riga.ValoreIsee is not null)
            .GroupBy(r => r.Riga.CfStudente.ToUpperInvariant())
            .Select(g => (All: g.Count(), First: g.OrderBy(r => r.Invio.DecidedUtc).ThenBy(r => r.ComuneIstat, StringComparer.Ordinal).ThenBy(r => r.Riga.Row).First()))
            .ToList();
        var esclusi = kept.Sum(k => k.All - 1);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var coded = kept.Select(k =>
        {
            var attempt = 0;
            string code;
            while (!used.Add(code = CodiciPseudonimi.Code(key, finestraId, k.First.Riga.CfStudente, attempt))) attempt++;
            return (Row: k.First, Code: code);
        }).ToList();
        var ordered = coded
            .OrderBy(x => x.Row.Riga.ValoreIsee)
            .ThenByDescending(x => x.Row.Riga.DataNascitaStudente ?? DateOnly.MinValue)
            .ThenBy(x => x.Code, StringComparer.Ordinal)
            .ToList();
        var posizioni = ordered.Select((x, i) => new GraduatoriaPosizione
        {
            GraduatoriaId = graduatoriaId,
            Posizione = i + 1,
            Codice = x.Code,
            ComuneIstat = x.Row.ComuneIstat,
            CfStudente = x.Row.Riga.CfStudente,
            CognomeStudente = x.Row.Riga.CognomeStudente,
            NomeStudente = x.Row.Riga.NomeStudente,
            DataNascitaStudente = x.Row.Riga.DataNascitaStudente,
            ValoreIsee = x.Row.Riga.ValoreIsee!.Value,
            Esito = i < borse ? EsitoPosizione.Beneficiario : EsitoPosizione.Idoneo,
            InvioId = x.Row.Invio.Id,
            Riga = x.Row.Riga.Row,
        }).ToList();
        return (posizioni, esclusi);
    }
}
