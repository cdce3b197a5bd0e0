using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Bonus.Data;
using Portal.Bonus.Workflow;
using Portal.Contents.Contracts;
using Portal.Core.Errors;
using Portal.Core.Data;
using Portal.Core.Time;
using Portal.Workflows.Engine;

namespace Portal.Bonus.Services;

/// <summary>Something the application still lacks, with the section it belongs to and where to fix it.</summary>
public sealed record Mancanza(string Sezione, string Titolo, string Messaggio, string Link);

/// <summary>The outcome of "Invia domanda": sent (now or by an earlier identical request), or what is missing.</summary>
public sealed record InvioEsito(Domanda? Domanda, IReadOnlyList<Mancanza> Mancanti, bool GiaInviata, string? AvvisoNucleo);

/// <summary>
/// "Invia domanda": completeness, the open Finestra at this instant, the one-per-household check, then one short
/// transaction (the claim of the row, the workflow's state, history and outbox rows). The protocol number and the
/// receipt follow from the outbox. A repeated request (double click, retry, same or other Idempotency-Key) finds the
/// application already sent and answers the same sending.
/// </summary>
public sealed class DomandaInvio(
    BonusDbContext db, DomandeService domande, IFinestre finestre, IUnitOfWork unitOfWork, IWorkflowEngine engine,
    DomandaInInvio inInvio, TimeProvider clock, ILogger<DomandaInvio> logger)
{
    public const string AvvisoNucleoTesto =
        "Attenzione: un componente del tuo nucleo familiare risulta già in una domanda inviata per questo bando. " +
        "Il bando ammette una sola domanda per nucleo familiare (art. 5.2): la tua domanda è stata inviata, ma in istruttoria potrà risultare non ammissibile.";

    private const string KeyUsedMessage = "Questa chiave Idempotency-Key è già stata usata per un'altra domanda.";

    public async Task<InvioEsito> SendAsync(ClaimsPrincipal user, Guid id, string? idempotencyKey, CancellationToken ct)
    {
        var key = ValidateKey(idempotencyKey);
        var d = await domande.OwnAsync(user, id, tracked: false, ct);
        if (d.InviataUtc is not null) return Already(d);
        if (d.Stato != StatoDomanda.Bozza)
            throw PortalException.Conflict($"La domanda è nello stato «{DomandaWorkflow.Label(d.Stato)}» e non si può inviare.");
        var bando = await domande.BandoAsync(d.BandoId, ct);
        // PostgreSQL keeps microseconds: the answer must show the instant exactly as stored (and as a retry reads it).
        var ticks = clock.GetUtcNow().UtcTicks;
        var now = new DateTime(ticks - ticks % 10, DateTimeKind.Utc);
        var windows = bando.AvvisoId is { } avvisoId ? await finestre.ForAvvisoAsync(avvisoId, ct) : [];
        var open = windows.FirstOrDefault(f => FinestraInfo.StateAt(f.OpensAtUtc, f.ClosesAtUtc, now) == FinestraState.Aperta);
        if (open is null) throw PortalException.Conflict(ClosedMessage(windows));

        var mancanti = Completeness.Check(d, bando.Regole, DateOnly.FromDateTime(RomeTime.ToRome(now)));
        if (mancanti.Count > 0) return new InvioEsito(null, mancanti, false, null);

        var instanceId = d.WorkflowInstanceId ?? (await engine.FindAsync(Domanda.SubjectType, d.Id.ToString(), ct))?.Id
            ?? throw PortalException.Conflict("Il flusso della domanda non è avviato: contatta l'assistenza.");
        var storedKey = key ?? $"server:{Guid.NewGuid():N}";
        // All or nothing: on any failure below this unit is rolled back whole, so the firing's nested unit needs no savepoint.
        await using (var work = await unitOfWork.BeginAllOrNothingAsync(ct))
        {
            int claimed;
            try
            {
                // First statement of the transaction: it takes the row's (or SQLite's) write lock; only one sending claims it.
                // A key this person already used for another application claims nothing (told apart below, off the hot path).
                // Only the revision checked above is claimed: a section saved since then (e.g. another household) is refused
                // below, so the completeness and household checks never run on an old copy.
                var (personId, revision) = (d.PersonId, d.Revision);
                claimed = await db.Domande.Where(x => x.Id == id && x.Stato == StatoDomanda.Bozza && x.InviataUtc == null && x.Revision == revision
                        && (key == null || !db.Domande.Any(o => o.PersonId == personId && o.IdempotencyKey == key && o.Id != id)))
                    .ExecuteUpdateAsync(u => u
                        // The state the firing below enters ("inviata"): written here, so the row takes one UPDATE; if the
                        // firing fails the transaction rolls back with it.
                        .SetProperty(x => x.Stato, StatoDomanda.Inviata)
                        .SetProperty(x => x.Revision, x => x.Revision + 1)
                        .SetProperty(x => x.InviataUtc, now)
                        .SetProperty(x => x.FinestraId, open.Id)
                        .SetProperty(x => x.IdempotencyKey, storedKey)
                        .SetProperty(x => x.UpdatedUtc, now), ct);
            }
            catch (DbUpdateException)
            {
                logger.LogInformation("Invio della domanda {Domanda}: chiave Idempotency-Key già usata da un'altra domanda", id);
                throw PortalException.Conflict(KeyUsedMessage);
            }
            if (claimed == 1)
            {
                var (flagged, details) = await HouseholdAsync(d, bando.Regole, now, ct);
                // The application as this transaction makes it: the workflow describes it from here (no reading back).
                (d.InviataUtc, d.FinestraId, d.IdempotencyKey, d.NucleoGiaRichiedente, d.NucleoSegnalazione) = (now, open.Id, storedKey, flagged, details);
                inInvio.Current = (d, bando, open);
                WorkflowResult fired;
                try
                {
                    fired = await engine.FireAsync(instanceId, DomandaWorkflow.Transitions.Invia, WorkflowActor.From(user), ct: ct);
                }
                finally
                {
                    inInvio.Current = null;
                }
                if (fired.Succeeded)
                {
                    await work.CompleteAsync(ct);
                    d.Stato = StatoDomanda.Inviata;
                    return new InvioEsito(d, [], false, flagged ? AvvisoNucleoTesto : null);
                }
                if (fired.Failure != WorkflowFailure.Conflict)
                    throw PortalException.Conflict(fired.Error ?? "La domanda non è stata inviata.");
            }
        }
        // Another request sent it first (a double click, a retry): answer that sending.
        var after = await domande.OwnAsync(user, id, tracked: false, ct);
        if (after.InviataUtc is not null) return Already(after);
        if (key is not null && await db.Domande.AnyAsync(x => x.PersonId == after.PersonId && x.IdempotencyKey == key && x.Id != id, ct))
            throw PortalException.Conflict(KeyUsedMessage);
        throw PortalException.Conflict("La domanda è stata modificata nel frattempo: ricarica la pagina e riprova.");
    }

    private static InvioEsito Already(Domanda d) => new(d, [], true, d.NucleoGiaRichiedente ? AvvisoNucleoTesto : null);

    /// <summary>
    /// Art. 5.2, inside the sending transaction: the household's CFs (applicant and members) are inserted as keys of the
    /// call (<see cref="NucleoInvio"/>); a CF another sent application already holds is not inserted, and this application is
    /// flagged. The primary key makes it exact under concurrency: on PostgreSQL a second sending inserting the same CF waits
    /// for the first to commit (then finds it held) or to roll back (then takes it); on SQLite writers are serialized. The CFs
    /// go in one statement in a fixed order, so two households cannot deadlock. The citizen is told only that someone of the
    /// household applied; the ids of the earlier applications are for the istruttoria.
    /// </summary>
    private async Task<(bool, string?)> HouseholdAsync(Domanda d, BandoRegole regole, DateTime now, CancellationToken ct)
    {
        if (!regole.UnaDomandaPerNucleo) return (false, null);
        var cfs = d.Componenti.Select(c => c.CodiceFiscale).Append(d.CodiceFiscale).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var values = string.Join(", ", cfs.Select((_, i) => $"({{0}}, {{{i + 3}}}, {{1}}, {{2}})"));
        object[] parameters = [d.BandoId, d.Id, now, .. cfs];
        // Only placeholders are concatenated ({0}…{n}); every value is a parameter.
        var sql = $"INSERT INTO {Data.NucleoInvioConfiguration.Table} (\"BandoId\", \"CodiceFiscale\", \"DomandaId\", \"InviataUtc\") VALUES {values} " +
            "ON CONFLICT (\"BandoId\", \"CodiceFiscale\") DO NOTHING";
#pragma warning disable EF1003
        var inserted = await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
#pragma warning restore EF1003
        if (inserted == cfs.Count) return (false, null);
        var earlier = await db.NucleiInvio.AsNoTracking()
            .Where(x => x.BandoId == d.BandoId && cfs.Contains(x.CodiceFiscale) && x.DomandaId != d.Id)
            .GroupBy(x => x.DomandaId).Select(g => new { Id = g.Key, Inviata = g.Min(x => x.InviataUtc) })
            .OrderBy(g => g.Inviata).ThenBy(g => g.Id).Select(g => g.Id).Take(10).ToListAsync(ct);
        var details = "Codici fiscali del nucleo presenti nelle domande inviate prima: " + string.Join(", ", earlier);
        await db.Domande.Where(x => x.Id == d.Id).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.NucleoGiaRichiedente, true).SetProperty(x => x.NucleoSegnalazione, details), ct);
        return (true, details);
    }

    private static string? ValidateKey(string? key)
    {
        if (key is null) return null;
        var k = key.Trim();
        if (k.Length is 0 or > 100 || k.Any(c => c < 0x21 || c > 0x7E))
            throw PortalException.Invalid("Idempotency-Key", "L'intestazione Idempotency-Key ha da 1 a 100 caratteri stampabili, senza spazi.");
        return k;
    }

    public static string ClosedMessage(IReadOnlyList<FinestraInfo> windows) =>
        windows.Count == 0
            ? "Per questo bando non ci sono finestre per l'invio delle domande."
            : "Le domande si inviano solo durante una finestra aperta. Finestre del bando: " +
              string.Join("; ", windows.Select(f => $"{f.Nome} dal {RomeTime.Format(f.OpensAtUtc)} al {RomeTime.Format(f.ClosesAtUtc)}")) + ".";
}
