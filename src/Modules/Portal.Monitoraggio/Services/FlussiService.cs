using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Audit;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Monitoraggio.Data;

namespace Portal.Monitoraggio.Services;

/// <summary>
/// Receives feeds (web page or API): stores the bytes and queues the processing, all in one unit of work, and
/// answers at once with the feed id. Confirmation and cancellation of a feed with warnings.
/// </summary>
public sealed class FlussiService(
    MonitoraggioDbContext db, IUnitOfWork unitOfWork, FlussoBlocchi blocchi, IOutbox outbox, IAuditTrail audit,
    IEntiGestori enti, IOptions<MonitoraggioOptions> options, TimeProvider clock)
{
    public async Task<Flusso> UploadAsync(ClaimsPrincipal user, string? enteAsked, string? fileName, Stream content, string canale, CancellationToken ct)
    {
        var enteCode = FlussoAccess.EnteOf(user, enteAsked);
        return await ReceiveAsync(enteCode, fileName, content, canale,
            user.GetPersonId(), user.ActorName(), user.FindFirstValue(PortalClaims.CodiceFiscale), queue: true, ct);
    }

    /// <param name="queue">False only for the demo recipe, which processes its feeds at once through <see cref="FlussoProcessor"/>.</param>
    internal async Task<Flusso> ReceiveAsync(string enteCode, string? fileName, Stream content, string canale,
        Guid? operatorId, string operatorName, string? operatorCf, bool queue, CancellationToken ct)
    {
        var ente = await enti.FindAsync(enteCode, ct);
        if (ente is not { Active: true })
            throw PortalException.Forbidden($"L'ente gestore {enteCode} non è attivo: non può inviare flussi.");
        var name = Path.GetFileName(fileName ?? "");
        if (name.Length is 0 or > 255) name = $"flusso-{enteCode}.txt";
        await using var work = await unitOfWork.BeginAsync(ct);
        var flusso = new Flusso
        {
            EnteCode = enteCode,
            FileName = name,
            Sha256 = "",
            Stato = StatoFlusso.InCoda,
            Canale = canale,
            OperatorId = operatorId,
            OperatorName = operatorName,
            OperatorCf = operatorCf,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Flussi.Add(flusso);
        await db.SaveChangesAsync(ct);
        var (length, sha) = await blocchi.WriteAsync(flusso.Id, content, options.Value.MaxFileBytes, ct);
        if (length == 0) throw PortalException.Invalid("file", "Il file è vuoto: scegliere il file del flusso da inviare.");
        await db.Flussi.Where(f => f.Id == flusso.Id).ExecuteUpdateAsync(u => u.SetProperty(f => f.Length, length).SetProperty(f => f.Sha256, sha), ct);
        if (queue) await outbox.EnqueueAsync(FlussoJobs.Process(flusso.Id, "verifica"), ct);
        await audit.RecordAsync("Monitoraggio.Flusso", $"Flusso {flusso.Id}",
            $"Ente {enteCode}: ricevuto il file «{name}» ({length} byte, SHA-256 {sha}) tramite {(canale == "api" ? "API" : "pagina web")}; "
            + (queue ? "in coda per l'elaborazione." : "elaborato subito (ricetta dimostrativa)."));
        await work.CompleteAsync(ct);
        flusso.Length = length;
        flusso.Sha256 = sha;
        return flusso;
    }

    /// <summary>A feed with warnings is applied once its operator confirms: it is queued again, behind the feeds already waiting.</summary>
    public async Task<Flusso> ConfirmAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var flusso = await PendingAsync(user, id, "confermato", ct);
        var newer = await db.Flussi.AsNoTracking().AnyAsync(f => f.EnteCode == flusso.EnteCode && f.Stato == StatoFlusso.Applicato && f.CreatedUtc > flusso.CreatedUtc, ct);
        if (newer)
            throw PortalException.Conflict("Dopo questo flusso ne è stato applicato uno più recente dello stesso ente: non può più essere confermato. Inviare di nuovo i dati aggiornati.");
        await using var work = await unitOfWork.BeginAsync(ct);
        var changed = await db.Flussi.Where(f => f.Id == id && f.Stato == StatoFlusso.ConAvvisi).ExecuteUpdateAsync(u => u
            .SetProperty(f => f.Stato, StatoFlusso.Confermato).SetProperty(f => f.DecisoDa, user.ActorName()), ct);
        if (changed == 0) throw PortalException.Conflict("Il flusso non è più in attesa di conferma: è già stato confermato o annullato.");
        await outbox.EnqueueAsync(FlussoJobs.Process(id, "applica"), ct);
        await audit.RecordAsync("Monitoraggio.Conferma", $"Flusso {id}", $"Ente {flusso.EnteCode}: il flusso con avvisi «{flusso.FileName}» è confermato dall'operatore e sarà applicato.");
        await work.CompleteAsync(ct);
        return await db.Flussi.AsNoTracking().SingleAsync(f => f.Id == id, ct);
    }

    public async Task<Flusso> CancelAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var flusso = await PendingAsync(user, id, "annullato", ct);
        await using var work = await unitOfWork.BeginAsync(ct);
        var changed = await db.Flussi.Where(f => f.Id == id && f.Stato == StatoFlusso.ConAvvisi).ExecuteUpdateAsync(u => u
            .SetProperty(f => f.Stato, StatoFlusso.Annullato).SetProperty(f => f.DecisoDa, user.ActorName())
            .SetProperty(f => f.Esito, "Annullato dall'operatore: nessuna pratica è stata modificata."), ct);
        if (changed == 0) throw PortalException.Conflict("Il flusso non è più in attesa di conferma: è già stato confermato o annullato.");
        await audit.RecordAsync("Monitoraggio.Annullamento", $"Flusso {id}", $"Ente {flusso.EnteCode}: il flusso con avvisi «{flusso.FileName}» è annullato; nessuna pratica è stata modificata.");
        await work.CompleteAsync(ct);
        return await db.Flussi.AsNoTracking().SingleAsync(f => f.Id == id, ct);
    }

    private async Task<Flusso> PendingAsync(ClaimsPrincipal user, Guid id, string what, CancellationToken ct)
    {
        var flusso = await db.Flussi.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw PortalException.NotFound("Flusso non trovato.");
        FlussoAccess.RequireWrite(user, flusso.EnteCode);
        if (flusso.Stato != StatoFlusso.ConAvvisi)
            throw PortalException.Conflict($"Solo un flusso con avvisi in attesa di conferma può essere {what}: questo è «{FlussoLabels.Stato(flusso.Stato)}».");
        return flusso;
    }
}
