using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Bonus.Data;
using Portal.Bonus.Workflow;
using Portal.Core.Audit;
using Portal.Core.Comuni;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Core.Files;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Core.Time;
using Portal.Workflows.Engine;

namespace Portal.Bonus.Services;

/// <summary>
/// The citizen's Domanda: a Bozza created for a call, saved section by section (nothing written on a refusal), the ISEE
/// attestation uploaded and replaced while in Bozza, the request of cancellation; and the Funzionario's cancellation.
/// Every read and write is scoped to the signed-in person: another person's application is "not found".
/// </summary>
public sealed class DomandeService(
    BonusDbContext db,
    IServiceProvider services,
    IPeople people,
    RegionComuni comuni,
    ISiteSettings settings,
    IFileStore files,
    IUnitOfWork unitOfWork,
    IWorkflowEngine engine,
    IAuditTrail audit,
    TimeProvider clock,
    ILogger<DomandeService> logger)
{
    public const string NotFoundMessage = "La domanda non esiste.";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Guid PersonOf(ClaimsPrincipal user) =>
        user.GetPersonId() ?? throw PortalException.Forbidden("Accedi per presentare una domanda.");

    // Compiled: every request of a citizen on an application reads it (and the sending its call), on a click day thousands a
    // minute; a compiled query skips building, comparing and parameterizing the expression tree on each call.
    // One round trip: an application has a handful of members and children.
    private static readonly Func<BonusDbContext, Guid, Guid, CancellationToken, Task<Domanda?>> OwnTracked = EF.CompileAsyncQuery(
        (BonusDbContext db, Guid id, Guid person, CancellationToken ct) =>
            db.Domande.Include(d => d.Componenti).Include(d => d.Figli).AsSingleQuery().FirstOrDefault(x => x.Id == id && x.PersonId == person));

    private static readonly Func<BonusDbContext, Guid, Guid, CancellationToken, Task<Domanda?>> OwnUntracked = EF.CompileAsyncQuery(
        (BonusDbContext db, Guid id, Guid person, CancellationToken ct) =>
            db.Domande.AsNoTracking().Include(d => d.Componenti).Include(d => d.Figli).AsSingleQuery().FirstOrDefault(x => x.Id == id && x.PersonId == person));

    private static readonly Func<BonusDbContext, Guid, CancellationToken, Task<Bando?>> BandoById = EF.CompileAsyncQuery(
        (BonusDbContext db, Guid id, CancellationToken ct) => db.Bandi.AsNoTracking().FirstOrDefault(b => b.Id == id));

    public async Task<Domanda> OwnAsync(ClaimsPrincipal user, Guid id, bool tracked, CancellationToken ct)
    {
        var person = PersonOf(user);
        var d = await (tracked ? OwnTracked : OwnUntracked)(db, id, person, ct);
        if (d is null) throw PortalException.NotFound(NotFoundMessage);
        d.Componenti.Sort((a, b) => a.Ordine.CompareTo(b.Ordine));
        d.Figli.Sort((a, b) => a.Ordine.CompareTo(b.Ordine));
        return d;
    }

    public async Task<IReadOnlyList<Domanda>> MineAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var person = PersonOf(user);
        return await db.Domande.AsNoTracking().Where(d => d.PersonId == person).OrderByDescending(d => d.CreatedUtc).ToListAsync(ct);
    }

    public async Task<Bando> BandoAsync(Guid id, CancellationToken ct) =>
        await BandoById(db, id, ct) ?? throw new InvalidOperationException($"Il bando {id} di una domanda non esiste.");

    /// <summary>A new Bozza for the call, with the applicant from the Anagrafica and, when the DID module answers, the occupational condition.</summary>
    public async Task<Domanda> CreateAsync(ClaimsPrincipal user, Guid bandoId, CancellationToken ct)
    {
        var personId = PersonOf(user);
        var bando = await db.Bandi.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bandoId, ct)
            ?? throw PortalException.Invalid("bandoId", "Il bando indicato non esiste.");
        var existing = await db.Domande.AsNoTracking()
            .Where(d => d.PersonId == personId && d.BandoId == bandoId && d.Stato != StatoDomanda.AnnullataSuRichiesta && d.Stato != StatoDomanda.Rinunciata)
            .Select(d => new { d.Id, d.Stato }).FirstOrDefaultAsync(ct);
        if (existing is not null)
            throw PortalException.Conflict(existing.Stato == StatoDomanda.Bozza
                ? $"Hai già una domanda in bozza per il bando {bando.Codice}: continua quella (domanda {existing.Id})."
                : $"Hai già inviato una domanda per il bando {bando.Codice}. Per presentarne una nuova chiedi prima l'annullamento di quella inviata (art. 4).");
        if (services.GetService<IAnagraficaStatus>() is { } status && !await status.IsCompleteAsync(personId, ct))
            throw PortalException.Conflict(AnagraficaGate.ProblemDetail + " Salvali, poi torna a presentare la domanda.");
        var person = await people.FindAsync(personId, ct) ?? throw PortalException.Forbidden("Accedi per presentare una domanda.");
        var residenza = services.GetService<IAnagraficaReader>() is { } r ? await r.FindAsync(personId, ct) : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var domanda = new Domanda
        {
            BandoId = bando.Id,
            BandoVersione = bando.Versione,
            PersonId = personId,
            Stato = StatoDomanda.Bozza,
            CodiceFiscale = person.CodiceFiscale,
            Nome = person.Nome,
            Cognome = person.Cognome,
            ComuneResidenzaIstat = residenza?.ResidenzaComuneIstat,
            Email = residenza?.Email ?? person.Email,
            Telefono = residenza?.Cellulare ?? residenza?.Telefono,
            CreatedUtc = now,
            UpdatedUtc = now,
        };
        if (await CondizioneDidAsync(person.CodiceFiscale, ct) is { } did)
        {
            domanda.Condizione = Condizione(did);
            domanda.CondizioneFonte = did.Fonte;
        }
        await using var work = await unitOfWork.BeginAsync(ct);
        db.Domande.Add(domanda);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent create by the same person won the unique index (one open application per call).
            logger.LogInformation("Domanda doppia per il bando {Bando}: rifiutata dall'indice unico", bando.Codice);
            throw PortalException.Conflict($"Hai già una domanda per il bando {bando.Codice}: ricarica l'elenco delle tue domande.");
        }
        var started = await engine.StartAsync(new WorkflowStart(DomandaWorkflow.DefinitionCode, domanda.Id.ToString(), personId, null,
            WorkflowActor.From(user), "Domanda creata in bozza"), ct);
        if (!started.Succeeded) throw PortalException.Conflict(started.Error ?? "Il flusso della domanda non è stato avviato.");
        // Kept on the row so that sending does not look the instance up.
        domanda.WorkflowInstanceId = started.Instance!.Id;
        await db.SaveChangesAsync(ct);
        await work.CompleteAsync(ct);
        return domanda;
    }

    /// <summary>Saves one section; a refused section changes nothing and answers each field's message.</summary>
    public async Task<Domanda> SaveSectionAsync(ClaimsPrincipal user, Guid id, string sezione, JsonElement body, CancellationToken ct)
    {
        var d = await OwnAsync(user, id, tracked: true, ct);
        var s = DomandaLabels.SezioneOf(sezione) ?? throw PortalException.NotFound($"La sezione «{Short(sezione)}» non esiste.");
        EnsureBozza(d);
        var bando = await BandoAsync(d.BandoId, ct);
        var today = DateOnly.FromDateTime(RomeTime.ToRome(clock.GetUtcNow().UtcDateTime));
        Dictionary<string, string> errors;
        try
        {
            errors = s switch
            {
                SezioniDomanda.Richiedente => await RichiedenteAsync(d, Read<RichiedenteInput>(body), today, bando.Regole, ct),
                SezioniDomanda.Nucleo => SezioniValidation.Nucleo(d, Read<NucleoInput>(body)),
                SezioniDomanda.Figli => SezioniValidation.Figli(d, Read<FigliInput>(body), bando.Regole),
                SezioniDomanda.Isee => SezioniValidation.Isee(d, Read<IseeInput>(body), today, bando.Regole),
                SezioniDomanda.Occupazione => SezioniValidation.Occupazione(d, Read<OccupazioneInput>(body), await FonteDidAsync(d, ct)),
                SezioniDomanda.Dispositivo => SezioniValidation.Dispositivo(d, Read<DispositivoInput>(body), bando.Regole),
                _ => SezioniValidation.Dichiarazioni(d, Read<DichiarazioniInput>(body), bando.Regole),
            };
        }
        catch (JsonException)
        {
            throw PortalException.Invalid("sezione", $"I dati della sezione «{DomandaLabels.Titolo(s)}» non sono leggibili: controlla i nomi e i tipi dei campi.");
        }
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            throw PortalException.Invalid(errors);
        }
        d.SezioniSalvate |= s;
        // The children must belong to the household: a new household list makes the children's section to be saved again.
        if (s == SezioniDomanda.Nucleo && d.Salvata(SezioniDomanda.Figli)
            && d.Figli.Any(f => d.Componenti.All(c => c.CodiceFiscale != f.CodiceFiscale || c.Relazione != RelazioneNucleo.Figlio)))
            d.SezioniSalvate &= ~SezioniDomanda.Figli;
        d.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        d.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw PortalException.Conflict("La domanda è stata modificata nel frattempo (forse da un'altra scheda): ricarica la pagina.");
        }
        return d;
    }

    private async Task<Dictionary<string, string>> RichiedenteAsync(Domanda d, RichiedenteInput input, DateOnly today, BandoRegole regole, CancellationToken ct)
    {
        var residenza = services.GetService<IAnagraficaReader>() is { } r ? await r.FindAsync(d.PersonId, ct) : null;
        var comune = residenza?.ResidenzaComuneIstat ?? d.ComuneResidenzaIstat;
        var inRegion = comune is not null && (await comuni.FindAsync([comune], ct)).TryGetValue(comune, out var found) && found.InRegion;
        var regione = (await settings.GetAsync(ct)).RegionName;
        return SezioniValidation.Richiedente(d, input, today, inRegion, residenza?.ResidenzaComuneIstat, regione, regole);
    }

    /// <summary>The DID module's condition and its source, when that module knows the person (the cross-check of the section).</summary>
    private async Task<(CondizioneOccupazionale Condizione, string Fonte)?> FonteDidAsync(Domanda d, CancellationToken ct) =>
        await CondizioneDidAsync(d.CodiceFiscale, ct) is { } did ? (Condizione(did), did.Fonte) : null;

    private static CondizioneOccupazionale Condizione(CondizioneOccupazionaleInfo did) =>
        did.Stato == StatoOccupazionale.Disoccupato ? CondizioneOccupazionale.Disoccupato : CondizioneOccupazionale.Occupato;

    /// <summary>The DID module's answer, when that module is present and knows the person.</summary>
    private async Task<CondizioneOccupazionaleInfo?> CondizioneDidAsync(string cf, CancellationToken ct)
    {
        if (services.GetService<ICondizioneOccupazionale>() is not { } source) return null;
        var today = DateOnly.FromDateTime(RomeTime.ToRome(clock.GetUtcNow().UtcDateTime));
        var info = await source.OnDateAsync(cf, today, ct);
        return info.Stato == StatoOccupazionale.Sconosciuto ? null : info;
    }

    /// <summary>Stores (or replaces) the ISEE attestation: type from the content, size limit from the call, SHA-256 kept.</summary>
    public async Task<Domanda> UploadIseeAsync(ClaimsPrincipal user, Guid id, string? fileName, Stream? content, CancellationToken ct)
    {
        var d = await OwnAsync(user, id, tracked: true, ct);
        EnsureBozza(d);
        if (content is null || string.IsNullOrWhiteSpace(fileName))
            throw PortalException.Invalid("file", "Scegli il file dell'attestazione ISEE (PDF, TIF o JPG).");
        var bando = await BandoAsync(d.BandoId, ct);
        var allegato = bando.Regole.Allegati.First(a => a.Codice == "isee");
        await using var work = await unitOfWork.BeginAsync(ct);
        StoredFile stored;
        try
        {
            stored = await files.AddAsync(fileName, content, BandoValidation.PolicyOf(allegato), user.ActorName(), ct);
        }
        catch (FileRejectedException e)
        {
            db.ChangeTracker.Clear();
            throw PortalException.Invalid("file", e.Message);
        }
        d.IseeFileId = stored.Id;
        d.IseeFileName = stored.FileName;
        d.IseeFileLength = stored.Length;
        d.IseeFileSha256 = stored.Sha256;
        d.IseeCaricatoUtc = clock.GetUtcNow().UtcDateTime;
        d.UpdatedUtc = d.IseeCaricatoUtc.Value;
        d.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw PortalException.Conflict("La domanda è stata modificata nel frattempo: ricarica la pagina e carica di nuovo il file.");
        }
        await work.CompleteAsync(ct);
        return d;
    }

    public async Task<StoredFile> IseeFileAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var d = await OwnAsync(user, id, tracked: false, ct);
        return d.IseeFileId is { } fileId && await files.GetAsync(fileId, ct) is { } f ? f
            : throw PortalException.NotFound("L'attestazione ISEE non è ancora stata caricata.");
    }

    /// <summary>The citizen asks for the cancellation of a sent application (art. 4), with a reason; a Funzionario decides.</summary>
    public async Task<Domanda> RequestCancellationAsync(ClaimsPrincipal user, Guid id, string? motivo, CancellationToken ct)
    {
        var d = await OwnAsync(user, id, tracked: true, ct);
        var m = motivo?.Trim();
        if (string.IsNullOrEmpty(m) || m.Length > 1000 || m.Any(c => char.IsControl(c) && c is not '\n' and not '\r'))
            throw PortalException.Invalid("motivo", "Indica il motivo della richiesta di annullamento (al massimo 1.000 caratteri).");
        if (d.Stato == StatoDomanda.Bozza)
            throw PortalException.Conflict("La domanda è ancora in bozza: non serve annullarla, puoi correggerla e inviarla.");
        if (d.Stato is StatoDomanda.AnnullataSuRichiesta or StatoDomanda.Rinunciata or StatoDomanda.NonAmmissibile or StatoDomanda.Decaduta or StatoDomanda.Revocata)
            throw PortalException.Conflict($"La domanda è nello stato «{DomandaWorkflow.Label(d.Stato)}»: non si può più chiederne l'annullamento.");
        if (d.AnnullamentoRichiestoUtc is not null)
            throw PortalException.Conflict($"Hai già chiesto l'annullamento il {RomeTime.Format(d.AnnullamentoRichiestoUtc.Value)}: la richiesta è in esame.");
        await using var work = await unitOfWork.BeginAsync(ct);
        d.AnnullamentoRichiestoUtc = clock.GetUtcNow().UtcDateTime;
        d.AnnullamentoMotivoRichiesta = m;
        d.Revision++;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("bonus.domanda.richiesta-annullamento", $"Domanda {d.Id}", m);
        await work.CompleteAsync(ct);
        return d;
    }

    /// <summary>A Funzionario cancels an application on the applicant's request (online, by phone or e-mail to the help desk).</summary>
    public async Task<Domanda> CancelAsync(ClaimsPrincipal user, Guid id, string? motivo, CancellationToken ct)
    {
        var m = motivo?.Trim();
        if (string.IsNullOrEmpty(m) || m.Length > 1000)
            throw PortalException.Invalid("motivo", "Indica il motivo dell'annullamento (al massimo 1.000 caratteri).");
        var d = await db.Domande.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw PortalException.NotFound(NotFoundMessage);
        if (d.Stato == StatoDomanda.Bozza) throw PortalException.Conflict("Una domanda in bozza non è stata inviata: non si annulla.");
        var instance = await engine.FindAsync(Domanda.SubjectType, d.Id.ToString(), ct) ?? throw PortalException.NotFound(NotFoundMessage);
        await using var work = await unitOfWork.BeginAsync(ct);
        var result = await engine.FireAsync(instance.Id, DomandaWorkflow.Transitions.AnnullaSuRichiesta, WorkflowActor.From(user), m, ct: ct);
        if (!result.Succeeded) throw result.Failure == WorkflowFailure.NotAllowed ? PortalException.Forbidden(result.Error!) : PortalException.Conflict(result.Error!);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Domande.Where(x => x.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.AnnullataUtc, now).SetProperty(x => x.AnnullataDa, user.ActorName()).SetProperty(x => x.AnnullamentoMotivo, m), ct);
        await ReleaseHouseholdAsync(d.BandoId, id, ct);
        await audit.RecordAsync("bonus.domanda.annullata", $"Domanda {d.Id}", m);
        await work.CompleteAsync(ct);
        db.ChangeTracker.Clear();
        return await db.Domande.AsNoTracking().FirstAsync(x => x.Id == id, ct);
    }

    /// <summary>
    /// The cancelled application no longer counts for the household rule (art. 4), but another sent application of the call
    /// that listed one of its CFs still does (art. 5.2): each CF passes to the earliest such application, still sent and not
    /// cancelled, with its sending instant; a CF nobody else listed is free again. Updated in place, so a concurrent sending
    /// never finds the key missing.
    /// </summary>
    private async Task ReleaseHouseholdAsync(Guid bandoId, Guid id, CancellationToken ct)
    {
        var cfs = await db.NucleiInvio.AsNoTracking().Where(x => x.BandoId == bandoId && x.DomandaId == id).Select(x => x.CodiceFiscale).ToListAsync(ct);
        if (cfs.Count == 0) return;
        var others = await db.Domande.AsNoTracking()
            .Where(x => x.BandoId == bandoId && x.Id != id && x.InviataUtc != null && x.AnnullataUtc == null
                && x.Stato != StatoDomanda.AnnullataSuRichiesta
                && (cfs.Contains(x.CodiceFiscale) || x.Componenti.Any(c => cfs.Contains(c.CodiceFiscale))))
            .Select(x => new { x.Id, InviataUtc = x.InviataUtc!.Value, x.CodiceFiscale, Componenti = x.Componenti.Select(c => c.CodiceFiscale).ToList() })
            .ToListAsync(ct);
        foreach (var cf in cfs.Order(StringComparer.Ordinal))
        {
            var heir = others.Where(o => o.CodiceFiscale == cf || o.Componenti.Contains(cf)).OrderBy(o => o.InviataUtc).ThenBy(o => o.Id).FirstOrDefault();
            if (heir is null) continue;
            await db.NucleiInvio.Where(x => x.BandoId == bandoId && x.CodiceFiscale == cf && x.DomandaId == id)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.DomandaId, heir.Id).SetProperty(x => x.InviataUtc, heir.InviataUtc), ct);
        }
        await db.NucleiInvio.Where(x => x.BandoId == bandoId && x.DomandaId == id).ExecuteDeleteAsync(ct);
    }

    private static void EnsureBozza(Domanda d)
    {
        if (d.Stato != StatoDomanda.Bozza)
            throw PortalException.Conflict($"La domanda è nello stato «{DomandaWorkflow.Label(d.Stato)}»: una domanda inviata non si può più modificare. Per correggerla chiedi l'annullamento e presentane una nuova (art. 4).");
    }

    private static T Read<T>(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object ? body.Deserialize<T>(Json) ?? throw new JsonException() : throw new JsonException();

    private static string Short(string s) => s.Length > 30 ? s[..30] + "…" : s;
}
