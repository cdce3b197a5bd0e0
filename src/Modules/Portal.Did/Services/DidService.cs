using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Audit;
using Portal.Core.Comuni;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Core.Protocol;
using Portal.Core.Receipts;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Did.Data;
using Portal.Did.Workflows;
using Portal.Workflows.Engine;

namespace Portal.Did.Services;

/// <summary>The person's side of D.I.D. On Line: entry rule, Situazione Occupazionale, sending and revoking a DID.</summary>
public sealed class DidService(
    DidDbContext db, IUnitOfWork unitOfWork, IWorkflowEngine engine, IPeople people, IAnagraficaStatus anagraficaStatus,
    IAnagraficaReader anagrafica, CpiDirectory cpi, RegionComuni comuni, IProtocolQueue protocol, IProtocolRegister register,
    IReceipts receipts, DidNotifier notifier, IAuditTrail audit, IOptions<DidOptions> options, TimeProvider clock)
{
    /// <summary>
    /// Set by the demo recipe: demo DIDs get no protocol number, no receipt and no notification, so a fresh site starts
    /// with an empty outbox and an untouched protocol register.
    /// </summary>
    internal bool RecipeMode { get; set; }

    public const string ReceiptKind = "did.ricevuta";
    /// <summary>The idempotency key prefix of the demo recipe's DIDs (not protocolled).</summary>
    public const string DemoKeyPrefix = "demo:";

    public int GiorniAppuntamento => Math.Max(1, options.Value.GiorniAppuntamento);

    public static string NoAccessReason =>
        "Per accedere all'area D.I.D. devi essere già presente nell'archivio di un Centro per l'Impiego oppure aver salvato almeno una volta i tuoi dati nella sezione Anagrafica.";

    private static PersonRef Me(ClaimsPrincipal user) =>
        new(user.GetPersonId() ?? throw PortalException.Forbidden("Accesso richiesto."),
            (user.FindFirstValue(PortalClaims.CodiceFiscale) ?? "").ToUpperInvariant());

    private sealed record PersonRef(Guid Id, string CodiceFiscale);

    public async Task<DidAccess> AccessAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = Me(user);
        if (await db.Situazioni.AsNoTracking().AnyAsync(s => s.CodiceFiscale == me.CodiceFiscale, ct)) return new(true, null);
        if (await anagraficaStatus.IsCompleteAsync(me.Id, ct)) return new(true, null);
        return new(false, NoAccessReason);
    }

    private async Task EnsureAccessAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!(await AccessAsync(user, ct)).Allowed) throw PortalException.Forbidden(NoAccessReason);
    }

    public async Task<SituazioneView> SituazioneAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        await EnsureAccessAsync(user, ct);
        var me = Me(user);
        var row = await db.Situazioni.AsNoTracking().FirstOrDefaultAsync(s => s.CodiceFiscale == me.CodiceFiscale, ct);
        var summary = await anagrafica.FindAsync(me.Id, ct);
        var competent = await cpi.ForComuneAsync(summary?.ResidenzaComuneIstat, ct) ?? await cpi.FindAsync(row?.CpiCode, ct);
        var comuneNome = summary?.ResidenzaComuneIstat is { } istat ? (await comuni.NamesAsync([istat], ct)).GetValueOrDefault(istat) : null;
        var list = await ListAsync(me.Id, ct);

        var (stato, label, dal, fonte) = row switch
        {
            null => ("sconosciuto", "Nessuna informazione presso i Centri per l'Impiego", (DateOnly?)null, "Nessuna registrazione nell'archivio dei Centri per l'Impiego"),
            { Stato: StatoOccupazionaleCpi.Disoccupato, Dal: { } d } => ("disoccupato", $"In stato di disoccupazione dal {d.ToString("dd/MM/yyyy", RomeTime.Italian)}", d, row.Note ?? "Archivio del Centro per l'Impiego"),
            { Stato: StatoOccupazionaleCpi.Disoccupato } => ("disoccupato", "Disoccupato", row.Dal, row.Note ?? "Archivio del Centro per l'Impiego"),
            { Stato: StatoOccupazionaleCpi.Inoccupato } => ("inoccupato", "Inoccupato", row.Dal, row.Note ?? "Archivio del Centro per l'Impiego"),
            _ => ("occupato", "Occupato", row.Dal, row.Note ?? "Archivio del Centro per l'Impiego"),
        };
        var motivo = NotSendableReason(row, list, competent is not null);
        return new SituazioneView(stato, label, dal, fonte, competent?.Code, competent?.Nome, summary?.ResidenzaComuneIstat, comuneNome,
            motivo is null, motivo, list);
    }

    private static string? NotSendableReason(SituazioneOccupazionale? row, IReadOnlyList<DidListItem> list, bool hasCpi)
    {
        if (list.FirstOrDefault(d => DidWorkflow.IsPending(d.Stato)) is { } pending)
            return $"Hai già una D.I.D. in corso, inviata il {RomeTime.Format(pending.InviataUtc)} (stato: {pending.StatoLabel}): non puoi inviarne un'altra.";
        if (row?.Stato is StatoOccupazionaleCpi.Disoccupato or StatoOccupazionaleCpi.Inoccupato)
            return row.Stato == StatoOccupazionaleCpi.Disoccupato
                ? "Risulti già in stato di disoccupazione: non occorre inviare una nuova D.I.D."
                : "Risulti già inoccupato presso il Centro per l'Impiego: non occorre inviare una nuova D.I.D.";
        if (!hasCpi)
            return "Non è possibile individuare il Centro per l'Impiego competente: la residenza indicata nell'Anagrafica non è in un Comune della regione. Correggi la residenza nell'Anagrafica.";
        return null;
    }

    public async Task<IReadOnlyList<DidListItem>> ListAsync(Guid personId, CancellationToken ct)
    {
        var rows = await db.Dichiarazioni.AsNoTracking().Where(d => d.PersonId == personId).ToListAsync(ct);
        return await ToItemsAsync(rows.OrderByDescending(d => d.SentUtc).ToList(), ct);
    }

    internal async Task<IReadOnlyList<DidListItem>> ToItemsAsync(IReadOnlyList<Dichiarazione> rows, CancellationToken ct)
    {
        var issued = await receipts.FindManyAsync(Dichiarazione.SubjectType, rows.Select(r => r.Id.ToString()), ct);
        return rows.Select(d => new DidListItem(d.Id, d.SentUtc, issued.GetValueOrDefault(d.Id.ToString())?.Segnatura, d.Stato,
            DidWorkflow.Label(d.Stato), d.ScadenzaAppuntamentoUtc, d.AppuntamentoUtc, d.AppuntamentoLuogo, d.Cognome, d.Nome,
            d.CodiceFiscale, d.CpiCode, issued.ContainsKey(d.Id.ToString()), d.IdempotencyKey.StartsWith(DemoKeyPrefix, StringComparison.Ordinal))).ToList();
    }

    /// <summary>A DID of the signed-in person; someone else's is simply not found.</summary>
    public async Task<Dichiarazione> OwnAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var me = Me(user);
        return await db.Dichiarazioni.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.PersonId == me.Id, ct)
            ?? throw PortalException.NotFound("La D.I.D. richiesta non esiste.");
    }

    public sealed record SendOutcome(Dichiarazione Dichiarazione, bool Created);

    /// <summary>
    /// Sends a DID. Idempotent on (person, key): a double click, a refresh or a retry with the same key returns the DID
    /// the first request made. Every missing mandatory declaration is named next to its checkbox and nothing is written.
    /// </summary>
    public async Task<SendOutcome> SendAsync(ClaimsPrincipal user, DidInput input, string? idempotencyKey, CancellationToken ct)
    {
        var key = idempotencyKey?.Trim();
        if (string.IsNullOrEmpty(key) || key.Length > 100 || key.Any(char.IsControl))
            throw PortalException.Invalid("idempotencyKey", "Chiave di invio mancante o non valida (intestazione Idempotency-Key, al massimo 100 caratteri): ricarica la pagina e riprova.");
        var me = Me(user);
        if (await FindByKeyAsync(me.Id, key, ct) is { } already) return new(already, false);
        await EnsureAccessAsync(user, ct);

        var giorni = GiorniAppuntamento;
        var voci = Dichiarazioni.Voci(giorni);
        var errors = voci.Where(v => v.Obbligatoria && !input.Value(v.Codice))
            .ToDictionary(v => v.Codice, _ => "Dichiarazione obbligatoria: seleziona la casella per confermarla.");
        if (errors.Count > 0) throw PortalException.Invalid(errors);

        var situazione = await SituazioneAsync(user, ct);
        if (!situazione.PuoInviare)
        {
            // A concurrent request with the same key may have just sent it: that DID is the answer.
            if (await FindByKeyAsync(me.Id, key, ct) is { } concurrent) return new(concurrent, false);
            throw PortalException.Conflict(situazione.MotivoNonInviabile!);
        }
        var person = await people.FindAsync(me.Id, ct) ?? throw PortalException.Forbidden("Accesso richiesto.");
        var summary = await anagrafica.FindAsync(me.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var did = new Dichiarazione
        {
            PersonId = me.Id,
            CodiceFiscale = person.CodiceFiscale,
            Cognome = summary?.Cognome ?? person.Cognome,
            Nome = summary?.Nome ?? person.Nome,
            ComuneIstat = summary?.ResidenzaComuneIstat,
            CpiCode = situazione.CpiCode!,
            SentUtc = now,
            ScadenzaAppuntamentoUtc = now.AddDays(giorni),
            IdempotencyKey = key,
            PendingKey = me.Id.ToString(),
            DichiarazioniJson = Dichiarazioni.Write(voci.Select(v => new VoceDichiarata(v.Codice, v.Testo, v.Obbligatoria, input.Value(v.Codice))).ToList()),
            UpdatedUtc = now,
            UpdatedBy = user.ActorName(),
        };
        try
        {
            await using (var work = await unitOfWork.BeginAsync(ct))
            {
                db.Dichiarazioni.Add(did);
                await db.SaveChangesAsync(ct);
                var started = await engine.StartAsync(new WorkflowStart(DidWorkflow.Code, did.Id.ToString(), me.Id,
                    $"{ScopeTypes.Cpi}:{did.CpiCode}", WorkflowActor.From(user), "D.I.D. inviata on line"), ct);
                if (!started.Succeeded) throw PortalException.Conflict(started.Error ?? "La D.I.D. non è stata inviata: riprovare.");
                // Demo DIDs (recipe) take no protocol number: the register of a fresh site starts at 1 for real submissions.
                if (!RecipeMode)
                {
                    await protocol.EnqueueAsync(Dichiarazione.SubjectType, did.Id.ToString(), $"D.I.D. di {did.Nome} {did.Cognome}",
                        [new Portal.Core.Contracts.OutboxItem(ReceiptKind, did.Id.ToString(), $"did:ricevuta:{did.Id}")], ct);
                    await notifier.NotifyAsync(did, DidNotificationTemplates.Inviata, $"did:inviata:{did.Id}", new Dictionary<string, string>
                    {
                        ["stato"] = "Inviata",
                        ["data"] = RomeTime.Format(now),
                        ["scadenza"] = RomeTime.Format(did.ScadenzaAppuntamentoUtc),
                        ["giorni"] = giorni.ToString(RomeTime.Italian),
                    }, ct);
                }
                await audit.RecordAsync("did.inviata", $"{Dichiarazione.SubjectType}:{did.Id}",
                    $"D.I.D. inviata al {situazione.CpiNome}; scadenza per l'appuntamento {RomeTime.Format(did.ScadenzaAppuntamentoUtc)}");
                await work.CompleteAsync(ct);
            }
        }
        catch (DbUpdateException)
        {
            // A concurrent send won: the same key returns its DID; another key met the one pending DID per person.
            db.ChangeTracker.Clear();
            if (await FindByKeyAsync(me.Id, key, ct) is { } winner) return new(winner, false);
            throw PortalException.Conflict("Hai già una D.I.D. in corso: non puoi inviarne un'altra.");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        return new(did, true);
    }

    private Task<Dichiarazione?> FindByKeyAsync(Guid personId, string key, CancellationToken ct) =>
        db.Dichiarazioni.AsNoTracking().FirstOrDefaultAsync(d => d.PersonId == personId && d.IdempotencyKey == key, ct);

    /// <summary>The person withdraws their DID; only while Inviata (the workflow decides).</summary>
    public async Task<Dichiarazione> RevocaAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var did = await OwnAsync(user, id, ct);
        var instance = await engine.FindAsync(Dichiarazione.SubjectType, did.Id.ToString(), ct)
            ?? throw PortalException.NotFound("La D.I.D. richiesta non esiste.");
        await using (var work = await unitOfWork.BeginAsync(ct))
        {
            var result = await engine.FireAsync(instance.Id, DidWorkflow.Revoca, WorkflowActor.From(user), "Revoca richiesta dalla persona", ct: ct);
            DidFailures.ThrowIfFailed(result, "La D.I.D. si può revocare solo finché è nello stato «Inviata».");
            if (!RecipeMode) await notifier.NotifyAsync(did, DidNotificationTemplates.Revocata, $"did:revocata:{did.Id}", ct: ct);
            await work.CompleteAsync(ct);
        }
        return await OwnAsync(user, id, ct);
    }

    public async Task<IReadOnlyList<WorkflowHistoryView>> HistoryAsync(Guid didId, CancellationToken ct)
    {
        var instance = await engine.FindAsync(Dichiarazione.SubjectType, didId.ToString(), ct);
        return instance is null ? [] : await engine.HistoryAsync(instance.Id, ct);
    }

    public Task<ProtocolEntry?> ProtocolAsync(Guid didId, CancellationToken ct) => register.FindAsync(Dichiarazione.SubjectType, didId.ToString(), ct);

    public Task<Receipt?> ReceiptAsync(Guid didId, CancellationToken ct) => receipts.FindAsync(Dichiarazione.SubjectType, didId.ToString(), ct);
}
