using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Contents.Contracts;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Core.Files;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Graduatorie.Data;
using Portal.Graduatorie.Validation;
using Portal.Graduatorie.Workflow;
using Portal.Workflows.Engine;

namespace Portal.Graduatorie.Services;

/// <summary>
/// Uploads of the Comuni's lists: dry run, upload inside the open window, confirm/cancel of uploads with warnings,
/// and the replacement of the Comune's valid list for the Finestra. Each operation is one unit of work.
/// The upload's status belongs to its "invio-elenco-borse" workflow instance: this service inserts the upload as
/// <see cref="StatoInvio.Caricato"/> (the instance's starting state) and only fires transitions; <see cref="InvioSubject"/>
/// mirrors each new state on <see cref="Invio.Stato"/> inside the firing, and nothing else writes it.
/// </summary>
public sealed class GraduatorieService(
    GraduatorieDbContext db, IUnitOfWork unitOfWork, IFileStore files, IAuditTrail audit, FinestreGraduatorie finestre,
    InvioValidation validation, IWorkflowEngine engine, LookupBudget lookups, TimeProvider clock)
{
    private static readonly FilePolicy XlsxOnly = new([FileTypeSniffer.Xlsx], ValidationSettings.MaxFileBytes);

    public async Task<ValidationResult> DryRunAsync(ClaimsPrincipal user, Guid finestraId, string comuneIstat, UploadedFile file, CancellationToken ct)
    {
        InvioAccess.RequireUpload(user, comuneIstat);
        var finestra = await finestre.GetAsync(finestraId, ct);
        // A dry run can be repeated at will to learn which other Comune lists a codice fiscale: it has a budget.
        lookups.Spend(user);
        var result = await validation.ValidateAsync(finestra, comuneIstat, file, ct);
        await AuditOtherComuniAsync(result, finestra, comuneIstat, "verifica senza invio");
        return result;
    }

    /// <summary>
    /// W02 tells the operator which other Comune already lists a student: a look into another Comune's data,
    /// so it is recorded (who, which Comune, how many codici fiscali, which Comuni) even when nothing is sent.
    /// </summary>
    private async Task AuditOtherComuniAsync(ValidationResult result, FinestraGraduatoria finestra, string comuneIstat, string how)
    {
        var others = result.Issues.Where(i => i.Code == "W02").ToList();
        if (others.Count == 0) return;
        var comuni = others.Select(i => i.Message).Select(OtherComune).Where(c => c is not null).Distinct().Order(StringComparer.Ordinal);
        await audit.RecordAsync("Graduatorie.AltriComuni", $"Comune {comuneIstat}",
            $"Finestra «{finestra.Info.Nome}», {how}: {others.Count} codici fiscali risultano negli elenchi validi di altri Comuni ({string.Join(", ", comuni)}).");
    }

    /// <summary>"… nell'elenco valido del Comune di Ancona (042002)" → "Ancona (042002)".</summary>
    private static string? OtherComune(string message)
    {
        var i = message.IndexOf("Comune di ", StringComparison.Ordinal);
        if (i < 0) return null;
        var rest = message[(i + "Comune di ".Length)..];
        var end = rest.IndexOf(')');
        return end < 0 ? rest.TrimEnd('.', ' ') : rest[..(end + 1)];
    }

    public async Task<InvioOutcome> UploadAsync(ClaimsPrincipal user, Guid finestraId, string comuneIstat, UploadedFile file, CancellationToken ct)
    {
        InvioAccess.RequireUpload(user, comuneIstat);
        var finestra = await finestre.GetAsync(finestraId, ct);
        var now = clock.GetUtcNow();
        switch (finestra.Info.StateAt(now))
        {
            case FinestraState.Futura:
                throw PortalException.Conflict(
                    $"Gli invii per «{finestra.Info.Nome}» non sono ancora aperti: la finestra si apre il {RomeTime.Format(finestra.Info.OpensAtUtc)}.");
            case FinestraState.Chiusa:
                throw PortalException.Conflict(
                    $"Gli invii per «{finestra.Info.Nome}» sono chiusi: la finestra si è chiusa il {RomeTime.Format(finestra.Info.ClosesAtUtc)}.");
        }
        var result = await validation.ValidateAsync(finestra, comuneIstat, file, ct);
        return await RetryOnConflict.RunAsync(() => StoreAsync(user, finestra, comuneIstat, file, result, now.UtcDateTime, ct), Forget, ct);
    }

    private async Task<InvioOutcome> StoreAsync(ClaimsPrincipal user, FinestraGraduatoria finestra, string comuneIstat, UploadedFile file,
        ValidationResult result, DateTime nowUtc, CancellationToken ct)
    {
        var by = user.ActorName();
        await using var work = await unitOfWork.BeginAsync(ct);
        Guid? storedId = null;
        // A file refused as a whole (F01–F04: not a workbook, hostile, too large) is not kept: nothing reads it back.
        if (!result.Issues.Any(i => i.Row is null))
        {
            try
            {
                storedId = (await files.AddAsync(file.FileName, new MemoryStream(file.Content, false), XlsxOnly, by, ct)).Id;
            }
            catch (FileRejectedException)
            {
                // Its content is not the .xlsx its name says: the outcome is kept, the bytes are not.
            }
        }
        var invio = new Invio
        {
            FinestraId = finestra.Info.Id,
            ComuneIstat = comuneIstat,
            OperatorId = user.GetPersonId(),
            OperatorName = by,
            FileName = Path.GetFileName(file.FileName) is { Length: > 0 and <= 255 } n ? n : "elenco.xlsx",
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Content)),
            FileLength = file.Content.Length,
            StoredFileId = storedId,
            RowCount = result.Rows.Count,
            Esito = result.Esito,
            Stato = StatoInvio.Caricato,
            CreatedUtc = nowUtc,
        };
        db.Invii.Add(invio);
        db.Segnalazioni.AddRange(result.Issues.Select(i => InvioSegnalazione.From(invio.Id, i)));
        if (result.Esito != Esito.Respinto) db.Righe.AddRange(result.Rows.Select(r => InvioRiga.From(invio.Id, r)));
        await db.SaveChangesAsync(ct);

        var started = await engine.StartAsync(new WorkflowStart(InvioWorkflow.DefinitionCode, invio.Id.ToString(), invio.OperatorId,
            $"{ScopeTypes.Comune}:{comuneIstat}", WorkflowActor.From(user), "Caricamento del file"), ct);
        Ensure(started);
        var (transition, comment) = result.Esito switch
        {
            Esito.Accettato => (InvioWorkflow.Transitions.Accetta, "Nessun errore e nessun avviso"),
            Esito.Respinto => (InvioWorkflow.Transitions.Respingi, "Il file contiene errori"),
            _ => (InvioWorkflow.Transitions.SegnalaAvvisi, "Il file contiene avvisi: serve la conferma dell'operatore"),
        };
        if (result.Esito == Esito.Accettato) await ReplaceValidAsync(invio, ct);
        Ensure(await engine.FireAsync(started.Instance!.Id, transition, WorkflowActor.System, comment, started.Instance.Revision, ct));

        await audit.RecordAsync("Graduatorie.Invio", $"Invio {invio.Id}",
            $"Comune {comuneIstat}, finestra «{finestra.Info.Nome}», file «{invio.FileName}» (SHA-256 {invio.Sha256}), {invio.RowCount} righe, " +
            $"esito {ValidationResult.Label(result.Esito)}, {result.Issues.Count(i => i.Severity == IssueSeverity.Error)} errori, " +
            $"{result.Issues.Count(i => i.Severity == IssueSeverity.Warning)} avvisi.");
        await AuditOtherComuniAsync(result, finestra, comuneIstat, "invio");
        await work.CompleteAsync(ct);
        return new InvioOutcome(await FreshAsync(invio.Id, ct), result.Issues);
    }

    public Task<Invio> ConfirmAsync(ClaimsPrincipal user, Guid invioId, CancellationToken ct) => RetryOnConflict.RunAsync(async () =>
    {
        var invio = await PendingForUserAsync(user, invioId, "confermato", ct);
        var now = clock.GetUtcNow().UtcDateTime;
        // Confirming changes the valid list, which is frozen once the window has closed; cancelling is always allowed.
        var finestra = await finestre.GetAsync(invio.FinestraId, ct);
        if (finestra.Info.StateAt(new DateTimeOffset(now)) != FinestraState.Aperta)
            throw PortalException.Conflict(
                $"La finestra «{finestra.Info.Nome}» si è chiusa il {RomeTime.Format(finestra.Info.ClosesAtUtc)}: l'invio non può più essere confermato.");
        await using var work = await unitOfWork.BeginAsync(ct);
        var instance = await InstanceOfAsync(invio.Id, ct);
        await ReplaceValidAsync(invio, ct);
        Ensure(await engine.FireAsync(instance.Id, InvioWorkflow.Transitions.Conferma, WorkflowActor.From(user), null, instance.Revision, ct));
        await audit.RecordAsync("Graduatorie.Conferma", $"Invio {invio.Id}",
            $"Comune {invio.ComuneIstat}: l'invio con avvisi «{invio.FileName}» ({invio.RowCount} righe) è confermato e diventa l'elenco valido.");
        await work.CompleteAsync(ct);
        return await FreshAsync(invio.Id, ct);
    }, Forget, ct);

    public async Task<Invio> CancelAsync(ClaimsPrincipal user, Guid invioId, CancellationToken ct)
    {
        var invio = await PendingForUserAsync(user, invioId, "annullato", ct);
        await using var work = await unitOfWork.BeginAsync(ct);
        var instance = await InstanceOfAsync(invio.Id, ct);
        var fired = await engine.FireAsync(instance.Id, InvioWorkflow.Transitions.Annulla, WorkflowActor.From(user), null, instance.Revision, ct);
        if (fired.Failure == WorkflowFailure.Conflict)
            throw PortalException.Conflict("L'invio non è più in attesa di conferma: è già stato confermato o annullato.");
        Ensure(fired);
        await audit.RecordAsync("Graduatorie.Annullamento", $"Invio {invio.Id}",
            $"Comune {invio.ComuneIstat}: l'invio con avvisi «{invio.FileName}» è annullato; l'elenco valido non cambia.");
        await work.CompleteAsync(ct);
        return await FreshAsync(invio.Id, ct);
    }

    /// <summary>
    /// Before an upload becomes valid, the Comune's current valid list for the Finestra is replaced ("sostituisci").
    /// A concurrent promotion fails on the instance's revision or on the unique partial index (one Valido per
    /// Finestra and Comune) and the caller retries.
    /// </summary>
    private async Task ReplaceValidAsync(Invio invio, CancellationToken ct)
    {
        var current = await db.Invii.AsNoTracking()
            .Where(i => i.FinestraId == invio.FinestraId && i.ComuneIstat == invio.ComuneIstat && i.Stato == StatoInvio.Valido && i.Id != invio.Id)
            .Select(i => i.Id).FirstOrDefaultAsync(ct);
        if (current == Guid.Empty) return;
        var instance = await InstanceOfAsync(current, ct);
        Ensure(await engine.FireAsync(instance.Id, InvioWorkflow.Transitions.Sostituisci, WorkflowActor.System,
            $"Sostituito dall'invio «{invio.FileName}» caricato il {RomeTime.Format(invio.CreatedUtc)}", instance.Revision, ct));
    }

    private async Task<WorkflowInstanceView> InstanceOfAsync(Guid invioId, CancellationToken ct) =>
        await engine.FindAsync(Invio.SubjectType, invioId.ToString(), ct)
        ?? throw PortalException.Conflict("L'invio non ha un flusso di lavoro associato: non è possibile cambiarne lo stato. Contattare l'assistenza.");

    /// <summary>Turns a refused firing into a refusal; a lost race is retried by <see cref="RetryOnConflict"/>.</summary>
    private static void Ensure(WorkflowResult result)
    {
        if (result.Succeeded) return;
        throw result.Failure switch
        {
            WorkflowFailure.Conflict => new RetryOnConflict.Busy(result.Error!),
            WorkflowFailure.NotAllowed => PortalException.Forbidden(result.Error!),
            WorkflowFailure.InvalidState or WorkflowFailure.GuardFailed or WorkflowFailure.TaskFailed => PortalException.Conflict(result.Error!),
            _ => new InvalidOperationException($"Flusso «{InvioWorkflow.DefinitionCode}»: {result.Error}"),
        };
    }

    private async Task<Invio> PendingForUserAsync(ClaimsPrincipal user, Guid invioId, string what, CancellationToken ct)
    {
        var invio = await db.Invii.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invioId, ct)
            ?? throw PortalException.NotFound("L'invio indicato non esiste.");
        InvioAccess.RequireUpload(user, invio.ComuneIstat);
        if (invio.Stato != StatoInvio.InAttesaDiConferma)
            throw PortalException.Conflict($"L'invio non può essere {what}: non è in attesa di conferma (stato: {GraduatorieLabels.Stato(invio.Stato)}).");
        return invio;
    }

    /// <summary>The upload as committed: its status is the one the firing mirrored.</summary>
    private async Task<Invio> FreshAsync(Guid id, CancellationToken ct)
    {
        Forget();
        return await db.Invii.AsNoTracking().FirstAsync(i => i.Id == id, ct);
    }

    private void Forget() => db.ChangeTracker.Clear();
}
