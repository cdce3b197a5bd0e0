using Portal.Core.Comuni;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Contents.Data;
using Portal.Contents.Model;
using Portal.Contents.Services;
using Portal.Core.Audit;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Graduatorie.Data;

namespace Portal.Graduatorie.Services;

/// <summary>
/// The regional Graduatoria of a Finestra. Order: ISEE ascending, then the younger student first, then the
/// pseudonymous code ascending (a reproducible draw that depends neither on names nor on the Comune).
/// A student in the valid lists of several Comuni takes one place only, through the Comune whose list became
/// valid first (then the lower ISTAT code); the other rows are left out and counted as duplicates.
/// The first numeroBorse places are beneficiari, the others idonei. Rebuildable until approved.
/// </summary>
public sealed class GraduatoriaRegionaleService(
    GraduatorieDbContext db, CoreDbContext core, RegionComuni regionComuni, ContentsDbContext contentsDb, ContentService contents, RegioneService regione,
    FinestreGraduatorie finestre, CodiciPseudonimi codici, IAuditTrail audit, IPermissionService permissions, TimeProvider clock)
{
    public async Task<GraduatoriaDettaglio?> GetAsync(Guid finestraId, CancellationToken ct)
    {
        await finestre.GetAsync(finestraId, ct);
        var g = await db.Graduatorie.AsNoTracking().FirstOrDefaultAsync(x => x.FinestraId == finestraId, ct);
        if (g is null) return null;
        var posizioni = await db.Posizioni.AsNoTracking().Where(p => p.GraduatoriaId == g.Id).OrderBy(p => p.Posizione).ToListAsync(ct);
        return new GraduatoriaDettaglio(g, posizioni, await regionComuni.NamesAsync(posizioni.Select(p => p.ComuneIstat), ct));
    }

    public async Task<GraduatoriaDettaglio> BuildAsync(Guid finestraId, string by, CancellationToken ct)
    {
        var finestra = await finestre.GetAsync(finestraId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (finestra.Info.StateAt(new DateTimeOffset(now)) != FinestraState.Chiusa)
            throw new GraduatorieConflictException(
                $"La graduatoria si può costruire solo dopo la chiusura della finestra «{finestra.Info.Nome}», prevista il {RomeTime.Format(finestra.Info.ClosesAtUtc)}: fino ad allora i Comuni possono ancora inviare o sostituire gli elenchi.");
        if (finestra.NumeroBorse is not int borse || borse < 0)
            throw new GraduatorieConflictException(
                "Il numero di borse non è indicato nei parametri della finestra (numeroBorse): la redazione deve indicarlo prima di costruire la graduatoria.");

        var rows = await regione.ConsolidatedAsync(finestraId, ct);
        var key = await codici.KeyAsync(ct);
        await using (var tx = await db.BeginSharedTransactionAsync(ct, core))
        {
            var g = await db.Graduatorie.FirstOrDefaultAsync(x => x.FinestraId == finestraId, ct);
            if (g is not null && g.Stato != StatoGraduatoria.Bozza)
                throw new GraduatorieConflictException($"La graduatoria è già {RegioneLabels.Stato(g.Stato).ToLowerInvariant()}: non può più essere ricostruita.");
            if (g is null)
            {
                g = new GraduatoriaRegionale { FinestraId = finestraId, BuiltBy = by };
                db.Graduatorie.Add(g);
            }
            else
            {
                await db.Posizioni.Where(p => p.GraduatoriaId == g.Id).ExecuteDeleteAsync(ct);
            }

            var (posizioni, esclusi) = Rank(g.Id, finestraId, rows, borse, key);
            (g.NumeroBorse, g.BuiltUtc, g.BuiltBy, g.DuplicatiEsclusi) = (borse, now, by, esclusi);
            g.Revision++;
            db.Posizioni.AddRange(posizioni);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                throw new GraduatorieConflictException("La graduatoria è stata costruita o modificata da un'altra richiesta nello stesso momento: ricaricare la pagina e ripetere.");
            }
            await audit.RecordAsync("Graduatorie.Costruzione", $"Finestra {finestraId}",
                $"Graduatoria di «{finestra.Info.Nome}» costruita: {posizioni.Count} studenti, {Math.Min(borse, posizioni.Count)} beneficiari, " +
                $"{esclusi} righe escluse perché lo studente è già in graduatoria tramite un altro Comune.");
            await tx.CommitAsync(ct);
        }
        return (await GetAsync(finestraId, ct))!;
    }

    /// <summary>The ordering and the outcome, on rows already read; pure so the order can be tested on its own.</summary>
    internal static (List<GraduatoriaPosizione> Posizioni, int Esclusi) Rank(Guid graduatoriaId, Guid finestraId, IEnumerable<RigaConsolidata> rows, int borse, byte[] key)
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

    public async Task<GraduatoriaDettaglio> ApproveAsync(Guid finestraId, string? decretoNumero, string? decretoData, string by, CancellationToken ct)
    {
        var finestra = await finestre.GetAsync(finestraId, ct);
        var errors = new Dictionary<string, string>();
        var numero = decretoNumero?.Trim();
        if (string.IsNullOrEmpty(numero)) errors["decretoNumero"] = "Indicare il numero del decreto di approvazione.";
        else if (numero.Length > 50) errors["decretoNumero"] = "Il numero del decreto può avere al massimo 50 caratteri.";
        var today = DateOnly.FromDateTime(RomeTime.ToRome(clock.GetUtcNow().UtcDateTime));
        var closed = DateOnly.FromDateTime(RomeTime.ToRome(finestra.Info.ClosesAtUtc));
        DateOnly data = default;
        if (string.IsNullOrWhiteSpace(decretoData)) errors["decretoData"] = "Indicare la data del decreto.";
        else if (!DateOnly.TryParseExact(decretoData.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out data))
            errors["decretoData"] = $"«{decretoData}» non è una data valida: usare il formato gg/mm/aaaa.";
        else if (data > today) errors["decretoData"] = "La data del decreto non può essere futura.";
        else if (data < closed) errors["decretoData"] = $"La data del decreto non può precedere la chiusura della finestra ({closed:dd/MM/yyyy}).";
        if (errors.Count > 0) throw new RegioneInputException(errors);

        await using (var tx = await db.BeginSharedTransactionAsync(ct, core))
        {
            var g = await db.Graduatorie.FirstOrDefaultAsync(x => x.FinestraId == finestraId, ct)
                ?? throw new GraduatorieConflictException("La graduatoria non è ancora stata costruita: costruirla prima di approvarla.");
            if (g.Stato != StatoGraduatoria.Bozza)
                throw new GraduatorieConflictException($"La graduatoria è già {RegioneLabels.Stato(g.Stato).ToLowerInvariant()}.");
            (g.Stato, g.DecretoNumero, g.DecretoData, g.ApprovedUtc, g.ApprovedBy) = (StatoGraduatoria.Approvata, numero, data, clock.GetUtcNow().UtcDateTime, by);
            g.Revision++;
            await SaveAsync(ct);
            await audit.RecordAsync("Graduatorie.Approvazione", $"Finestra {finestraId}",
                $"Graduatoria di «{finestra.Info.Nome}» approvata con decreto n. {numero} del {data:dd/MM/yyyy}.");
            await tx.CommitAsync(ct);
        }
        return (await GetAsync(finestraId, ct))!;
    }

    /// <summary>Publishes the approved Graduatoria as Graduatoria content under the Avviso: codes, Comuni and outcomes only.</summary>
    public async Task<GraduatoriaDettaglio> PublishAsync(Guid finestraId, string by, CancellationToken ct)
    {
        var finestra = await finestre.GetAsync(finestraId, ct);
        var detail = await GetAsync(finestraId, ct)
            ?? throw new GraduatorieConflictException("La graduatoria non è ancora stata costruita.");
        if (detail.Graduatoria.Stato != StatoGraduatoria.Approvata)
            throw new GraduatorieConflictException(detail.Graduatoria.Stato == StatoGraduatoria.Bozza
                ? "La graduatoria va approvata con il decreto prima di essere pubblicata."
                : "La graduatoria è già pubblicata.");
        var g = detail.Graduatoria;
        await using (var tx = await db.BeginSharedTransactionAsync(ct, core, contentsDb))
        {
            var item = await contents.CreateAsync(ContentTypes.Graduatoria, new ContentInput
            {
                Title = $"Graduatoria regionale – {finestra.AvvisoTitle} – {finestra.Info.Nome}",
                Summary = $"Approvata con decreto n. {g.DecretoNumero} del {g.DecretoData:dd/MM/yyyy}: {detail.Beneficiari} beneficiari e {detail.Idonei} idonei.",
                Body = PublicBody(detail),
                AvvisoId = finestra.Info.AvvisoId,
                FinestraId = finestraId,
                DecretoNumero = g.DecretoNumero,
                DecretoData = g.DecretoData,
            }, [], by, ct);
            await contents.PublishAsync(item.Id, null, by, ct);
            var changed = await db.Graduatorie.Where(x => x.Id == g.Id && x.Stato == StatoGraduatoria.Approvata && x.Revision == g.Revision)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.Stato, StatoGraduatoria.Pubblicata).SetProperty(x => x.ContentId, item.Id)
                    .SetProperty(x => x.PublishedUtc, clock.GetUtcNow().UtcDateTime).SetProperty(x => x.PublishedBy, by)
                    .SetProperty(x => x.Revision, x => x.Revision + 1), ct);
            if (changed == 0) throw new GraduatorieConflictException("La graduatoria è stata pubblicata da un'altra richiesta nello stesso momento.");
            await audit.RecordAsync("Graduatorie.Pubblicazione", $"Finestra {finestraId}",
                $"Graduatoria di «{finestra.Info.Nome}» pubblicata come contenuto {item.Id}.");
            await tx.CommitAsync(ct);
        }
        return (await GetAsync(finestraId, ct))!;
    }

    /// <summary>The Comune's students with their codes, for its operators (scope) or a Funzionario; null before approval.</summary>
    public async Task<IReadOnlyList<GraduatoriaPosizione>?> ForComuneAsync(ClaimsPrincipal user, Guid finestraId, string comuneIstat, CancellationToken ct)
    {
        if (!user.HasScope(ScopeTypes.Comune, comuneIstat) && !await permissions.HasPermissionAsync(user, GraduatoriePermissions.ViewAll.Name))
            throw new GraduatorieForbiddenException($"Non si è autorizzati a consultare la graduatoria del Comune {comuneIstat}.");
        await finestre.GetAsync(finestraId, ct);
        var g = await db.Graduatorie.AsNoTracking().FirstOrDefaultAsync(x => x.FinestraId == finestraId && x.Stato != StatoGraduatoria.Bozza, ct);
        if (g is null) return null;
        return await db.Posizioni.AsNoTracking().Where(p => p.GraduatoriaId == g.Id && p.ComuneIstat == comuneIstat)
            .OrderBy(p => p.Posizione).ToListAsync(ct);
    }

    private static string PublicBody(GraduatoriaDettaglio d)
    {
        var sb = new StringBuilder();
        sb.Append("Ogni studente è indicato con un codice personale, comunicato alla famiglia dal Comune che ha inviato l'elenco. ")
            .Append("L'ordine segue il valore ISEE crescente, poi l'età (prima lo studente più giovane), poi il codice. ")
            .Append($"Le borse disponibili sono {d.Graduatoria.NumeroBorse}.\n\n");
        sb.Append("| Posizione | Codice | Comune | Esito |\n|---:|---|---|---|\n");
        foreach (var p in d.Posizioni)
            sb.Append($"| {p.Posizione} | {p.Codice} | {d.ComuneLabel(p.ComuneIstat).Replace("|", "/")} | {RegioneLabels.Esito(p.Esito)} |\n");
        return sb.ToString();
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new GraduatorieConflictException("La graduatoria è stata modificata da un'altra richiesta nello stesso momento: ricaricare la pagina e ripetere.");
        }
    }
}
