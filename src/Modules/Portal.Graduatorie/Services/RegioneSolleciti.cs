using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Contents.Contracts;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Core.Time;
using Portal.Graduatorie.Data;

namespace Portal.Graduatorie.Services;

/// <summary>
/// "Invia sollecito": an e-mail to every accredited operator of the Comuni without a valid list, while the window is
/// open. At most one reminder per operator, Comune and day (a unique row per reminder and the notification's
/// idempotency key), so a double click or a second Funzionario the same day sends nothing more.
/// </summary>
public sealed class RegioneSolleciti(
    GraduatorieDbContext db, IUnitOfWork unitOfWork, RegioneService regione, INotifications notifications, IAuditTrail audit, TimeProvider clock)
{
    public async Task<EsitoSollecito> SendAsync(Guid finestraId, string by, CancellationToken ct)
    {
        var stato = await regione.StatusAsync(finestraId, ct);
        var finestra = stato.Finestra.Info;
        if (stato.Stato != FinestraState.Aperta)
            throw PortalException.Conflict(stato.Stato == FinestraState.Futura
                ? $"La finestra «{finestra.Nome}» non è ancora aperta: il sollecito si può inviare solo a finestra aperta."
                : $"La finestra «{finestra.Nome}» si è chiusa il {RomeTime.Format(finestra.ClosesAtUtc)}: non si possono più inviare solleciti.");
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(RomeTime.ToRome(now));
        var missing = stato.Comuni.Where(c => !c.Inviato).ToList();
        var already = (await db.Solleciti.AsNoTracking().Where(s => s.FinestraId == finestraId && s.Giorno == today)
            .Select(s => new { s.ComuneIstat, s.PersonId }).ToListAsync(ct)).Select(s => (s.ComuneIstat, s.PersonId)).ToHashSet();

        var sent = 0;
        var skipped = 0;
        var reminded = new List<ComuneStato>();
        await using (var work = await unitOfWork.BeginAsync(ct))
        {
            foreach (var comune in missing.Where(c => c.Operatori.Count > 0))
            {
                var any = false;
                foreach (var op in comune.Operatori)
                {
                    if (already.Contains((comune.Istat, op.PersonId))) { skipped++; continue; }
                    db.Solleciti.Add(new Sollecito
                    {
                        FinestraId = finestraId, Giorno = today, ComuneIstat = comune.Istat, PersonId = op.PersonId, SentUtc = now, SentBy = by,
                    });
                    await notifications.EnqueueAsync(new NotificationRequest(RegioneNotificationTemplates.Sollecito, op.PersonId, null,
                        new Dictionary<string, string>
                        {
                            ["comune"] = comune.Nome, ["avviso"] = stato.Finestra.AvvisoTitle, ["finestra"] = finestra.Nome,
                            ["data"] = today.ToString("dd/MM/yyyy"), ["scadenza"] = RomeTime.Format(finestra.ClosesAtUtc),
                        },
                        $"graduatorie-sollecito:{finestraId:N}:{today:yyyyMMdd}:{comune.Istat}:{op.PersonId:N}"), ct);
                    sent++;
                    any = true;
                }
                if (any) reminded.Add(comune);
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A concurrent click inserted the same reminders first: that one sends them, this one nothing.
                throw PortalException.Conflict("Il sollecito è già in corso di invio da un'altra richiesta: ricaricare la pagina per vederne l'esito.");
            }
            var withoutOperators = missing.Where(c => c.Operatori.Count == 0).ToList();
            await audit.RecordAsync("Graduatorie.Sollecito", $"Finestra {finestraId}",
                $"Sollecito per «{finestra.Nome}»: {sent} operatori di {reminded.Count} Comuni senza elenco valido " +
                $"({string.Join(", ", reminded.Select(c => c.Istat))}); {skipped} già sollecitati oggi; {withoutOperators.Count} Comuni senza operatori accreditati.");
            await work.CompleteAsync(ct);
            return new EsitoSollecito(reminded.Count, sent, skipped, withoutOperators, reminded);
        }
    }

    /// <summary>Reminders sent for the Finestra, newest first.</summary>
    public async Task<IReadOnlyList<Sollecito>> HistoryAsync(Guid finestraId, CancellationToken ct) =>
        await db.Solleciti.AsNoTracking().Where(s => s.FinestraId == finestraId)
            .OrderByDescending(s => s.SentUtc).ThenBy(s => s.ComuneIstat).ToListAsync(ct);
}
