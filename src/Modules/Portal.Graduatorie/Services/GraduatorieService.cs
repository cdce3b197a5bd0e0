using System.Data.Common;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Contracts;
using Portal.Core.Comuni;
using Portal.Core.Data;
using Portal.Core.Files;
using Portal.Core.Receipts;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Core.Time;
using Portal.Contents.Data;
using Portal.Graduatorie.Data;
using Portal.Graduatorie.Template;
using Portal.Graduatorie.Validation;
using Portal.Graduatorie.Workflow;
using Portal.Workflows.Data;
using Portal.Workflows.Engine;

namespace Portal.Graduatorie.Services;

public sealed record UploadedFile(string FileName, byte[] Content);

public sealed record InvioOutcome(Invio Invio, IReadOnlyList<ValidationIssue> Issues);

/// <summary>The protocol and receipt of an accepted upload, once the outbox has assigned them.</summary>
public sealed record InvioRicevuta(string? Segnatura, DateTime? ProtocolUtc, string ReceiptCode);

/// <summary>
/// Uploads of the Comuni's lists: dry run, upload inside the open window, confirm/cancel of uploads with
/// warnings, and the atomic replacement of the Comune's valid list for the Finestra. Every change of an upload's
/// status is a transition of its "invio-elenco-borse" workflow, fired in the transaction that stores the upload.
/// </summary>
public sealed partial class GraduatorieService(
    GraduatorieDbContext db, CoreDbContext core, IFileStore files, IAuditTrail audit, IPermissionService permissions,
    FinestreGraduatorie finestre, TimeProvider clock, ISiteSettings siteSettings, IReceipts receipts,
    IWorkflowEngine engine, WorkflowsDbContext workflows, ContentsDbContext contents, RegionComuni regionComuni)
{
    private const int MaxAttempts = 4;
    private static readonly FilePolicy XlsxOnly = new([FileTypeSniffer.Xlsx], ValidationSettings.MaxFileBytes);

    public async Task<ValidationResult> DryRunAsync(ClaimsPrincipal user, Guid finestraId, string comuneIstat, UploadedFile file, CancellationToken ct)
    {
        RequireUploadScope(user, comuneIstat);
        var finestra = await finestre.GetAsync(finestraId, ct);
        return await ValidateAsync(finestra, comuneIstat, file, ct);
    }

    public async Task<InvioOutcome> UploadAsync(ClaimsPrincipal user, Guid finestraId, string comuneIstat, UploadedFile file, CancellationToken ct)
    {
        RequireUploadScope(user, comuneIstat);
        var finestra = await finestre.GetAsync(finestraId, ct);
        var now = clock.GetUtcNow();
        switch (finestra.Info.StateAt(now))
        {
            case FinestraState.Futura:
                throw new GraduatorieConflictException(
                    $"Gli invii per «{finestra.Info.Nome}» non sono ancora aperti: la finestra si apre il {RomeTime.Format(finestra.Info.OpensAtUtc)}.");
            case FinestraState.Chiusa:
                throw new GraduatorieConflictException(
                    $"Gli invii per «{finestra.Info.Nome}» sono chiusi: la finestra si è chiusa il {RomeTime.Format(finestra.Info.ClosesAtUtc)}.");
        }
        var result = await ValidateAsync(finestra, comuneIstat, file, ct);
        var by = user.Identity?.Name ?? "?";

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StoreAsync(user, finestra, comuneIstat, file, result, by, now.UtcDateTime, ct);
            }
            catch (Exception e) when (IsWriteConflict(e) && attempt < MaxAttempts)
            {
                Reset();
                await Task.Delay(50 * attempt, ct);
            }
            catch (InvioBusyException e)
            {
                throw new GraduatorieConflictException(e.Message);
            }
        }
    }

    private async Task<InvioOutcome> StoreAsync(ClaimsPrincipal user, FinestraGraduatoria finestra, string comuneIstat, UploadedFile file,
        ValidationResult result, string by, DateTime nowUtc, CancellationToken ct)
    {
        await using var tx = await BeginAsync(ct);
        Guid? storedId = null;
        try
        {
            storedId = (await files.AddAsync(file.FileName, new MemoryStream(file.Content, false), XlsxOnly, by, ct)).Id;
        }
        catch (FileRejectedException)
        {
            // Not a real .xlsx (the validator said F01) or too large (F04): the outcome is kept, the bytes are not.
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
            Stato = result.Esito == Esito.Respinto ? StatoInvio.Respinto : StatoInvio.InAttesaDiConferma,
            CreatedUtc = nowUtc,
            DecidedUtc = result.Esito == Esito.Respinto ? nowUtc : null,
        };
        db.Invii.Add(invio);
        db.Segnalazioni.AddRange(result.Issues.Select(i => InvioSegnalazione.From(invio.Id, i)));
        if (result.Esito != Esito.Respinto) db.Righe.AddRange(result.Rows.Select(r => InvioRiga.From(invio.Id, r)));
        await core.SaveChangesAsync(ct);
        await db.SaveChangesAsync(ct);
        var started = await engine.StartAsync(new WorkflowStart(InvioWorkflow.DefinitionCode, invio.Id.ToString(), invio.OperatorId,
            $"{ScopeTypes.Comune}:{comuneIstat}", WorkflowActor.From(user), "Caricamento del file"), ct);
        Ensure(started);
        if (result.Esito == Esito.Accettato)
        {
            await ReplaceValidAsync(invio, ct);
            Ensure(await engine.FireAsync(started.Instance!.Id, InvioWorkflow.Transitions.Accetta, WorkflowActor.System,
                "Nessun errore e nessun avviso", started.Instance.Revision, ct));
            // The promotion ran in the database: mirror it on the detached object returned to the caller.
            db.Entry(invio).State = EntityState.Detached;
            (invio.Stato, invio.DecidedUtc, invio.Revision) = (StatoInvio.Valido, nowUtc, invio.Revision + 1);
        }
        else
        {
            var (transition, comment) = result.Esito == Esito.Respinto
                ? (InvioWorkflow.Transitions.Respingi, "Il file contiene errori")
                : (InvioWorkflow.Transitions.SegnalaAvvisi, "Il file contiene avvisi: serve la conferma dell'operatore");
            Ensure(await engine.FireAsync(started.Instance!.Id, transition, WorkflowActor.System, comment, started.Instance.Revision, ct));
        }
        await audit.RecordAsync("Graduatorie.Invio", $"Invio {invio.Id}",
            $"Comune {comuneIstat}, finestra «{finestra.Info.Nome}», file «{invio.FileName}» (SHA-256 {invio.Sha256}), {invio.RowCount} righe, " +
            $"esito {ValidationResult.Label(result.Esito)}, {result.Issues.Count(i => i.Severity == IssueSeverity.Error)} errori, " +
            $"{result.Issues.Count(i => i.Severity == IssueSeverity.Warning)} avvisi.");
        await tx.CommitAsync(ct);
        return new InvioOutcome(invio, result.Issues);
    }

    public async Task<Invio> ConfirmAsync(ClaimsPrincipal user, Guid invioId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var invio = await PendingForUserAsync(user, invioId, "confermato", ct);
                var now = clock.GetUtcNow().UtcDateTime;
                // Confirming changes the valid list, which is frozen once the window has closed; cancelling is always allowed.
                var finestra = await finestre.GetAsync(invio.FinestraId, ct);
                if (finestra.Info.StateAt(new DateTimeOffset(now)) != FinestraState.Aperta)
                    throw new GraduatorieConflictException(
                        $"La finestra «{finestra.Info.Nome}» si è chiusa il {RomeTime.Format(finestra.Info.ClosesAtUtc)}: l'invio non può più essere confermato.");
                await using var tx = await BeginAsync(ct);
                var instance = await InstanceOfAsync(invio.Id, ct);
                await ReplaceValidAsync(invio, ct);
                Ensure(await engine.FireAsync(instance.Id, InvioWorkflow.Transitions.Conferma, WorkflowActor.From(user), null, instance.Revision, ct));
                await audit.RecordAsync("Graduatorie.Conferma", $"Invio {invio.Id}",
                    $"Comune {invio.ComuneIstat}: l'invio con avvisi «{invio.FileName}» ({invio.RowCount} righe) è confermato e diventa l'elenco valido.");
                await tx.CommitAsync(ct);
                return await GetTrackedFreshAsync(invio.Id, ct);
            }
            catch (Exception e) when (IsWriteConflict(e) && attempt < MaxAttempts)
            {
                Reset();
                await Task.Delay(50 * attempt, ct);
            }
            catch (InvioBusyException e)
            {
                throw new GraduatorieConflictException(e.Message);
            }
        }
    }

    public async Task<Invio> CancelAsync(ClaimsPrincipal user, Guid invioId, CancellationToken ct)
    {
        var invio = await PendingForUserAsync(user, invioId, "annullato", ct);
        await using var tx = await BeginAsync(ct);
        var instance = await InstanceOfAsync(invio.Id, ct);
        var fired = await engine.FireAsync(instance.Id, InvioWorkflow.Transitions.Annulla, WorkflowActor.From(user), null, instance.Revision, ct);
        if (fired.Failure == WorkflowFailure.Conflict)
            throw new GraduatorieConflictException("L'invio non è più in attesa di conferma: è già stato confermato o annullato.");
        Ensure(fired);
        await audit.RecordAsync("Graduatorie.Annullamento", $"Invio {invio.Id}",
            $"Comune {invio.ComuneIstat}: l'invio con avvisi «{invio.FileName}» è annullato; l'elenco valido non cambia.");
        await tx.CommitAsync(ct);
        return await GetTrackedFreshAsync(invio.Id, ct);
    }

    public async Task<Invio> GetAsync(ClaimsPrincipal user, Guid invioId, CancellationToken ct)
    {
        var invio = await db.Invii.AsNoTracking().Include(i => i.Segnalazioni).FirstOrDefaultAsync(i => i.Id == invioId, ct)
            ?? throw new GraduatorieNotFoundException("L'invio indicato non esiste.");
        await RequireReadScopeAsync(user, invio.ComuneIstat);
        invio.Segnalazioni = invio.Segnalazioni.OrderBy(s => s.Row ?? 0).ThenBy(s => s.Id).ToList();
        return invio;
    }

    /// <summary>Every upload of the Comune for the Finestra, newest first.</summary>
    public async Task<IReadOnlyList<Invio>> HistoryAsync(ClaimsPrincipal user, Guid finestraId, string comuneIstat, CancellationToken ct)
    {
        await RequireReadScopeAsync(user, comuneIstat);
        await finestre.GetAsync(finestraId, ct);
        return await db.Invii.AsNoTracking().Where(i => i.FinestraId == finestraId && i.ComuneIstat == comuneIstat)
            .OrderByDescending(i => i.CreatedUtc).ThenByDescending(i => i.Revision).ToListAsync(ct);
    }

    /// <summary>The Comune's current valid list for the Finestra with its rows, or null when it has none.</summary>
    public async Task<(Invio Invio, List<InvioRiga> Righe)?> ValidListAsync(ClaimsPrincipal user, Guid finestraId, string comuneIstat, CancellationToken ct)
    {
        await RequireReadScopeAsync(user, comuneIstat);
        await finestre.GetAsync(finestraId, ct);
        var invio = await db.Invii.AsNoTracking()
            .FirstOrDefaultAsync(i => i.FinestraId == finestraId && i.ComuneIstat == comuneIstat && i.Stato == StatoInvio.Valido, ct);
        if (invio is null) return null;
        var righe = await db.Righe.AsNoTracking().Where(r => r.InvioId == invio.Id).OrderBy(r => r.Row).ToListAsync(ct);
        return (invio, righe);
    }

    /// <summary>The receipts issued so far for these uploads (the caller has already read them under scope).</summary>
    public async Task<IReadOnlyDictionary<Guid, InvioRicevuta>> RicevuteAsync(IEnumerable<Guid> invioIds, CancellationToken ct)
    {
        var found = new Dictionary<Guid, InvioRicevuta>();
        foreach (var id in invioIds.Distinct())
        {
            if (await receipts.FindAsync(Invio.SubjectType, id.ToString(), ct) is { } r)
                found[id] = new InvioRicevuta(r.Segnatura, r.ProtocolUtc, r.Code);
        }
        return found;
    }

    public async Task<byte[]> TemplateAsync(Guid finestraId, CancellationToken ct)
    {
        var finestra = await finestre.GetAsync(finestraId, ct);
        return ElencoTemplateWriter.Write(finestra.AvvisoTitle, finestra.SogliaIsee);
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

    /// <summary>One transaction for the upload, its workflow and the Finestra lookups the engine's guards and subject make.</summary>
    private Task<SharedTransaction> BeginAsync(CancellationToken ct) => db.BeginSharedTransactionAsync(ct, core, workflows, contents);

    private async Task<WorkflowInstanceView> InstanceOfAsync(Guid invioId, CancellationToken ct) =>
        await engine.FindAsync(Invio.SubjectType, invioId.ToString(), ct)
        ?? throw new GraduatorieConflictException("L'invio non ha un flusso di lavoro associato: non è possibile cambiarne lo stato. Contattare l'assistenza.");

    /// <summary>Turns a refused firing into the service's exceptions; a conflict is retried by the callers that can.</summary>
    private static void Ensure(WorkflowResult result)
    {
        if (result.Succeeded) return;
        throw result.Failure switch
        {
            WorkflowFailure.Conflict => new InvioBusyException(result.Error!),
            WorkflowFailure.NotAllowed => new GraduatorieForbiddenException(result.Error!),
            WorkflowFailure.InvalidState or WorkflowFailure.GuardFailed or WorkflowFailure.TaskFailed => new GraduatorieConflictException(result.Error!),
            _ => new InvalidOperationException($"Flusso «{InvioWorkflow.DefinitionCode}»: {result.Error}"),
        };
    }

    private async Task<Invio> PendingForUserAsync(ClaimsPrincipal user, Guid invioId, string what, CancellationToken ct)
    {
        var invio = await db.Invii.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invioId, ct)
            ?? throw new GraduatorieNotFoundException("L'invio indicato non esiste.");
        RequireUploadScope(user, invio.ComuneIstat);
        if (invio.Stato != StatoInvio.InAttesaDiConferma)
            throw new GraduatorieConflictException($"L'invio non può essere {what}: non è in attesa di conferma (stato: {Label(invio.Stato)}).");
        return invio;
    }

    private async Task<Invio> GetTrackedFreshAsync(Guid id, CancellationToken ct)
    {
        Reset();
        return await db.Invii.AsNoTracking().FirstAsync(i => i.Id == id, ct);
    }

    private void Reset()
    {
        db.ChangeTracker.Clear();
        core.ChangeTracker.Clear();
    }

    private async Task<ValidationResult> ValidateAsync(FinestraGraduatoria finestra, string comuneIstat, UploadedFile file, CancellationToken ct)
    {
        var sigle = (await core.Comuni.AsNoTracking().Select(c => c.SiglaProvincia).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // W01: the region's provinces are a site setting (Amministratore → Impostazioni).
        var region = (await siteSettings.GetAsync(ct)).RegionProvinces.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var opening = DateOnly.FromDateTime(RomeTime.ToRome(finestra.Info.OpensAtUtc));
        var settings = new ValidationSettings(finestra.SogliaIsee, opening, sigle, region,
            (cfs, token) => StudentsInOtherComuniAsync(finestra.Info.Id, comuneIstat, cfs, token));
        using var stream = new MemoryStream(file.Content, false);
        return await ElencoValidator.ValidateAsync(stream, settings, ct);
    }

    /// <summary>W02: for each CF, the name of another Comune whose valid list for this Finestra holds it.</summary>
    private async Task<IReadOnlyDictionary<string, string>> StudentsInOtherComuniAsync(Guid finestraId, string comuneIstat,
        IReadOnlyCollection<string> cfs, CancellationToken ct)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in cfs.Distinct().Chunk(500))
        {
            var hits = await (from r in db.Righe.AsNoTracking()
                              join i in db.Invii.AsNoTracking() on r.InvioId equals i.Id
                              where i.FinestraId == finestraId && i.Stato == StatoInvio.Valido && i.ComuneIstat != comuneIstat && chunk.Contains(r.CfStudente)
                              select new { r.CfStudente, i.ComuneIstat }).ToListAsync(ct);
            foreach (var h in hits) found.TryAdd(h.CfStudente, h.ComuneIstat);
        }
        if (found.Count == 0) return found;
        var names = await regionComuni.NamesAsync(found.Values, ct);
        return found.ToDictionary(f => f.Key, f => names.TryGetValue(f.Value, out var n) ? $"{n} ({f.Value})" : f.Value);
    }

    private static void RequireUploadScope(ClaimsPrincipal user, string comuneIstat)
    {
        if (!user.HasScope(ScopeTypes.Comune, comuneIstat))
            throw new GraduatorieForbiddenException($"Non si è operatori accreditati per il Comune {comuneIstat}.");
    }

    private async Task RequireReadScopeAsync(ClaimsPrincipal user, string comuneIstat)
    {
        if (user.HasScope(ScopeTypes.Comune, comuneIstat)) return;
        if (await permissions.HasPermissionAsync(user, GraduatoriePermissions.ViewAll.Name)) return;
        throw new GraduatorieForbiddenException($"Non si è autorizzati a consultare gli invii del Comune {comuneIstat}.");
    }

    private static bool IsWriteConflict(Exception e) =>
        e is DbUpdateException or DbException or InvioBusyException || e.InnerException is DbException;

    /// <summary>Someone else changed the upload or the Comune's valid list in between: the operation is retried.</summary>
    private sealed class InvioBusyException(string message) : Exception(message);

    public static string Label(StatoInvio stato) => stato switch
    {
        StatoInvio.Respinto => "Respinto",
        StatoInvio.InAttesaDiConferma => "In attesa di conferma",
        StatoInvio.Valido => "Valido",
        StatoInvio.Sostituito => "Sostituito",
        _ => "Annullato",
    };
}
