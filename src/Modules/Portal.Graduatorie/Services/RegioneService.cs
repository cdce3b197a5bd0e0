using Microsoft.EntityFrameworkCore;
using Portal.Core.Comuni;
using Portal.Core.Security;
using Portal.Graduatorie.Data;

namespace Portal.Graduatorie.Services;

/// <summary>
/// The Funzionario's view of a Finestra: which of the region's Comuni have a valid list, the consolidated list of
/// all valid lists, and the students listed by more than one Comune. Callers hold Graduatorie.ViewAll.
/// </summary>
public sealed class RegioneService(GraduatorieDbContext db, RegionComuni regionComuni, IRoleAssignments roles, IPeople people,
    FinestreGraduatorie finestre, TimeProvider clock)
{
    public async Task<StatoFinestra> StatusAsync(Guid finestraId, CancellationToken ct)
    {
        var finestra = await finestre.GetAsync(finestraId, ct);
        var comuni = await regionComuni.ListAsync(ct);
        var valid = await db.Invii.AsNoTracking().Where(i => i.FinestraId == finestraId && i.Stato == StatoInvio.Valido)
            .ToDictionaryAsync(i => i.ComuneIstat, ct);
        var operators = await OperatorsAsync(ct);
        var rows = comuni.Select(c => new ComuneStato(c.CodiceIstat, c.Nome, c.SiglaProvincia, valid.GetValueOrDefault(c.CodiceIstat),
            operators.TryGetValue(c.CodiceIstat, out var ops) ? ops : [])).ToList();
        return new StatoFinestra(finestra, finestra.Info.StateAt(clock.GetUtcNow()), rows);
    }

    /// <summary>
    /// The Funzionario's status table, one page at a time: the Comuni searched by name, all or only those with (or
    /// without) a valid list, paged in the database; the totals count every Comune of the region.
    /// </summary>
    public async Task<StatoFinestraPagina> StatusPageAsync(Guid finestraId, string filtro, string? nome, int pagina, int perPagina, CancellationToken ct)
    {
        var finestra = await finestre.GetAsync(finestraId, ct);
        var validCodes = await db.Invii.AsNoTracking().Where(i => i.FinestraId == finestraId && i.Stato == StatoInvio.Valido)
            .Select(i => i.ComuneIstat).Distinct().ToListAsync(ct);
        var (_, totalComuni) = await regionComuni.PageAsync(null, null, null, 0, 0, ct);
        var (_, inviati) = validCodes.Count == 0 ? (null!, 0) : await regionComuni.PageAsync(null, validCodes, null, 0, 0, ct);
        var (comuni, righe) = await regionComuni.PageAsync(nome, filtro == "inviati" ? validCodes : null, filtro == "mancanti" ? validCodes : null,
            (pagina - 1) * perPagina, perPagina, ct);
        var codes = comuni.Select(c => c.CodiceIstat).ToList();
        var valid = await db.Invii.AsNoTracking().Where(i => i.FinestraId == finestraId && i.Stato == StatoInvio.Valido && codes.Contains(i.ComuneIstat))
            .ToDictionaryAsync(i => i.ComuneIstat, ct);
        var operators = await OperatorsAsync(ct);
        var rows = comuni.Select(c => new ComuneStato(c.CodiceIstat, c.Nome, c.SiglaProvincia, valid.GetValueOrDefault(c.CodiceIstat),
            operators.TryGetValue(c.CodiceIstat, out var ops) ? ops : [])).ToList();
        return new StatoFinestraPagina(finestra, finestra.Info.StateAt(clock.GetUtcNow()), rows, righe, totalComuni, inviati);
    }

    /// <summary>Every row of every valid list for the Finestra, by Comune name and sheet row.</summary>
    public async Task<IReadOnlyList<RigaConsolidata>> ConsolidatedAsync(Guid finestraId, CancellationToken ct)
    {
        await finestre.GetAsync(finestraId, ct);
        var rows = await (from r in db.Righe.AsNoTracking()
                          join i in db.Invii.AsNoTracking() on r.InvioId equals i.Id
                          where i.FinestraId == finestraId && i.Stato == StatoInvio.Valido
                          select new { r, i }).ToListAsync(ct);
        var names = await regionComuni.NamesAsync(rows.Select(x => x.i.ComuneIstat), ct);
        return rows.Select(x => new RigaConsolidata(x.i.ComuneIstat, names.GetValueOrDefault(x.i.ComuneIstat, x.i.ComuneIstat), x.i, x.r))
            .OrderBy(x => x.ComuneNome, StringComparer.Ordinal).ThenBy(x => x.ComuneIstat, StringComparer.Ordinal).ThenBy(x => x.Riga.Row).ToList();
    }

    /// <summary>Students (by CF) in the valid lists of two or more Comuni.</summary>
    public async Task<IReadOnlyList<Duplicato>> DuplicatesAsync(Guid finestraId, CancellationToken ct) =>
        Duplicates(await ConsolidatedAsync(finestraId, ct));

    public static IReadOnlyList<Duplicato> Duplicates(IEnumerable<RigaConsolidata> rows) =>
        rows.GroupBy(r => r.Riga.CfStudente, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(r => r.ComuneIstat).Distinct().Count() > 1)
            .Select(g => new Duplicato(g.Key, g.OrderBy(r => r.Invio.DecidedUtc).ThenBy(r => r.ComuneIstat, StringComparer.Ordinal).ToList()))
            .OrderBy(d => d.CfStudente, StringComparer.Ordinal).ToList();

    /// <summary>Active OperatoreComune holdings, by Comune ISTAT code.</summary>
    internal async Task<Dictionary<string, List<OperatoreComune>>> OperatorsAsync(CancellationToken ct)
    {
        var holdings = (await roles.HoldersAsync(PortalRoles.OperatoreComune, ScopeTypes.Comune, ct: ct)).Where(h => h.ScopeValue is not null).ToList();
        var persons = await people.FindManyAsync(holdings.Select(h => h.PersonId).Distinct(), ct);
        return holdings.Where(h => persons.ContainsKey(h.PersonId)).GroupBy(h => h.ScopeValue!)
            .ToDictionary(g => g.Key, g => g.Select(h => persons[h.PersonId]).DistinctBy(p => p.Id).OrderBy(p => p.Cognome).ThenBy(p => p.Nome)
                .Select(p => new OperatoreComune(p.Id, $"{p.Nome} {p.Cognome}", p.Email)).ToList());
    }
}
