using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Contents.Contracts;
using Portal.Core.Audit;
using Portal.Core.Comuni;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Graduatorie.Data;

namespace Portal.Graduatorie.Services;

/// <summary>
/// The regional Graduatoria of a Finestra: built from the valid lists after the window closes (order in
/// <see cref="GraduatoriaRanking"/>), approved with the decree (<see cref="DecretoValidation"/>), published as
/// Graduatoria content under the Avviso (<see cref="GraduatoriaPublicText"/>). Rebuildable until approved.
/// </summary>
public sealed class GraduatoriaRegionaleService(
    GraduatorieDbContext db, IUnitOfWork unitOfWork, RegionComuni regionComuni, IContentPublisher publisher, RegioneService regione,
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
            throw PortalException.Conflict(
                $"La graduatoria si può costruire solo dopo la chiusura della finestra «{finestra.Info.Nome}», prevista il {RomeTime.Format(finestra.Info.ClosesAtUtc)}: fino ad allora i Comuni possono ancora inviare o sostituire gli elenchi.");
        if (finestra.NumeroBorse is not int borse || borse < 0)
            throw PortalException.Conflict(
                "Il numero di borse non è indicato nei parametri della finestra (numeroBorse): la redazione deve indicarlo prima di costruire la graduatoria.");

        var rows = await regione.ConsolidatedAsync(finestraId, ct);
        var key = await codici.KeyAsync(ct);
        await using (var work = await unitOfWork.BeginAsync(ct))
        {
            var g = await db.Graduatorie.FirstOrDefaultAsync(x => x.FinestraId == finestraId, ct);
            if (g is not null && g.Stato != StatoGraduatoria.Bozza)
                throw PortalException.Conflict($"La graduatoria è già {GraduatorieLabels.Stato(g.Stato).ToLowerInvariant()}: non può più essere ricostruita.");
            if (g is null)
            {
                g = new GraduatoriaRegionale { FinestraId = finestraId, BuiltBy = by };
                db.Graduatorie.Add(g);
            }
            else
            {
                await db.Posizioni.Where(p => p.GraduatoriaId == g.Id).ExecuteDeleteAsync(ct);
            }

            var (posizioni, esclusi) = GraduatoriaRanking.Rank(g.Id, finestraId, rows, borse, key);
            (g.NumeroBorse, g.BuiltUtc, g.BuiltBy, g.DuplicatiEsclusi) = (borse, now, by, esclusi);
            g.Revision++;
            db.Posizioni.AddRange(posizioni);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                throw PortalException.Conflict("La graduatoria è stata costruita o modificata da un'altra richiesta nello stesso momento: ricaricare la pagina e ripetere.");
            }
            await audit.RecordAsync("Graduatorie.Costruzione", $"Finestra {finestraId}",
                $"Graduatoria di «{finestra.Info.Nome}» costruita: {posizioni.Count} studenti, {Math.Min(borse, posizioni.Count)} beneficiari, " +
                $"{esclusi} righe escluse perché lo studente è già in graduatoria tramite un altro Comune.");
            await work.CompleteAsync(ct);
        }
        return (await GetAsync(finestraId, ct))!;
    }

    public async Task<GraduatoriaDettaglio> ApproveAsync(Guid finestraId, string? decretoNumero, string? decretoData, string by, CancellationToken ct)
    {
        var finestra = await finestre.GetAsync(finestraId, ct);
        var (numero, data) = DecretoValidation.Validate(decretoNumero, decretoData, clock.GetUtcNow().UtcDateTime, finestra.Info.ClosesAtUtc);
        await using (var work = await unitOfWork.BeginAsync(ct))
        {
            var g = await db.Graduatorie.FirstOrDefaultAsync(x => x.FinestraId == finestraId, ct)
                ?? throw PortalException.Conflict("La graduatoria non è ancora stata costruita: costruirla prima di approvarla.");
            if (g.Stato != StatoGraduatoria.Bozza)
                throw PortalException.Conflict($"La graduatoria è già {GraduatorieLabels.Stato(g.Stato).ToLowerInvariant()}.");
            (g.Stato, g.DecretoNumero, g.DecretoData, g.ApprovedUtc, g.ApprovedBy) = (StatoGraduatoria.Approvata, numero, data, clock.GetUtcNow().UtcDateTime, by);
            g.Revision++;
            await SaveAsync(ct);
            await audit.RecordAsync("Graduatorie.Approvazione", $"Finestra {finestraId}",
                $"Graduatoria di «{finestra.Info.Nome}» approvata con decreto n. {numero} del {data:dd/MM/yyyy}.");
            await work.CompleteAsync(ct);
        }
        return (await GetAsync(finestraId, ct))!;
    }

    /// <summary>Publishes the approved Graduatoria as Graduatoria content under the Avviso: codes, Comuni and outcomes only.</summary>
    public async Task<GraduatoriaDettaglio> PublishAsync(Guid finestraId, string by, CancellationToken ct)
    {
        var finestra = await finestre.GetAsync(finestraId, ct);
        var detail = await GetAsync(finestraId, ct)
            ?? throw PortalException.Conflict("La graduatoria non è ancora stata costruita.");
        if (detail.Graduatoria.Stato != StatoGraduatoria.Approvata)
            throw PortalException.Conflict(detail.Graduatoria.Stato == StatoGraduatoria.Bozza
                ? "La graduatoria va approvata con il decreto prima di essere pubblicata."
                : "La graduatoria è già pubblicata.");
        var g = detail.Graduatoria;
        await using (var work = await unitOfWork.BeginAsync(ct))
        {
            var contentId = await publisher.PublishGraduatoriaAsync(new GraduatoriaPublication(finestra.Info.AvvisoId, finestraId,
                GraduatoriaPublicText.Title(finestra), GraduatoriaPublicText.Summary(detail), GraduatoriaPublicText.Body(detail),
                g.DecretoNumero, g.DecretoData), by, ct);
            var changed = await db.Graduatorie.Where(x => x.Id == g.Id && x.Stato == StatoGraduatoria.Approvata && x.Revision == g.Revision)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.Stato, StatoGraduatoria.Pubblicata).SetProperty(x => x.ContentId, contentId)
                    .SetProperty(x => x.PublishedUtc, clock.GetUtcNow().UtcDateTime).SetProperty(x => x.PublishedBy, by)
                    .SetProperty(x => x.Revision, x => x.Revision + 1), ct);
            if (changed == 0) throw PortalException.Conflict("La graduatoria è stata pubblicata da un'altra richiesta nello stesso momento.");
            await audit.RecordAsync("Graduatorie.Pubblicazione", $"Finestra {finestraId}",
                $"Graduatoria di «{finestra.Info.Nome}» pubblicata come contenuto {contentId}.");
            await work.CompleteAsync(ct);
        }
        return (await GetAsync(finestraId, ct))!;
    }

    /// <summary>The Comune's students with their codes, for its operators (scope) or a Funzionario; null before approval.</summary>
    public async Task<IReadOnlyList<GraduatoriaPosizione>?> ForComuneAsync(ClaimsPrincipal user, Guid finestraId, string comuneIstat, CancellationToken ct)
    {
        if (!user.HasScope(ScopeTypes.Comune, comuneIstat) && !await permissions.HasPermissionAsync(user, GraduatoriePermissions.ViewAll.Name))
            throw PortalException.Forbidden($"Non si è autorizzati a consultare la graduatoria del Comune {comuneIstat}.");
        await finestre.GetAsync(finestraId, ct);
        var g = await db.Graduatorie.AsNoTracking().FirstOrDefaultAsync(x => x.FinestraId == finestraId && x.Stato != StatoGraduatoria.Bozza, ct);
        if (g is null) return null;
        return await db.Posizioni.AsNoTracking().Where(p => p.GraduatoriaId == g.Id && p.ComuneIstat == comuneIstat)
            .OrderBy(p => p.Posizione).ToListAsync(ct);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw PortalException.Conflict("La graduatoria è stata modificata da un'altra richiesta nello stesso momento: ricaricare la pagina e ripetere.");
        }
    }
}
