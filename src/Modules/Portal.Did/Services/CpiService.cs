using System.Globalization;
using System.Security.Claims;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Core.Protocol;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Did.Data;
using Portal.Did.Workflows;
using Portal.Workflows.Engine;

namespace Portal.Did.Services;

public sealed record CpiFilter(string? Stato, DateOnly? Dal, DateOnly? Al, string? Q, int Pagina = 1);

public sealed record CpiPage(IReadOnlyList<DidListItem> Items, int Total, int Pagina, int Pagine, int PageSize);

/// <summary>
/// The OperatoreCpi's side: only the DIDs of the CPIs the active role is scoped to (a DID of another CPI is not found),
/// the first-interview appointment, the outcome, the justified reason, the Excel export.
/// </summary>
public sealed class CpiService(
    DidDbContext db, DidService did, IUnitOfWork unitOfWork, IWorkflowEngine engine, IProtocolRegister register,
    CpiDirectory cpi, DidNotifier notifier, IAuditTrail audit, IOptions<DidOptions> options, TimeProvider clock)
{
    /// <summary>Set by the demo recipe: nobody is notified (a fresh site starts with an empty outbox).</summary>
    internal bool RecipeMode { get; set; }

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IReadOnlyList<string> Cpis(ClaimsPrincipal user) => user.GetScopes(ScopeTypes.Cpi);

    private IQueryable<Dichiarazione> Visible(ClaimsPrincipal user)
    {
        var cpis = Cpis(user);
        return db.Dichiarazioni.AsNoTracking().Where(d => cpis.Contains(d.CpiCode));
    }

    public static StatoDid? ParseStato(string? stato)
    {
        if (string.IsNullOrWhiteSpace(stato)) return null;
        var key = stato.Trim().Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return Enum.TryParse<StatoDid>(key, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(key, out _) ? s
            : throw PortalException.Invalid("stato", "Stato sconosciuto: usare inviata, colloquio-fissato, confermata, decaduta o revocata.");
    }

    /// <summary>The dates a filter may name: the D.I.D.s are sent online, never before 2000; beyond 2100 nothing is plausible.</summary>
    public static readonly DateOnly PrimaData = new(2000, 1, 1), UltimaData = new(2100, 12, 31);

    private static void CheckDate(DateOnly? date, string field)
    {
        if (date is { } d && (d < PrimaData || d > UltimaData))
            throw PortalException.Invalid(field, $"La data deve essere compresa tra il {PrimaData.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} e il {UltimaData.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}.");
    }

    private IQueryable<Dichiarazione> Filtered(ClaimsPrincipal user, CpiFilter filter)
    {
        CheckDate(filter.Dal, "dal");
        CheckDate(filter.Al, "al");
        if (filter.Dal is { } a && filter.Al is { } b && a > b)
            throw PortalException.Invalid("al", "La data finale non può precedere la data iniziale.");
        if (filter.Q is { Length: > 100 }) throw PortalException.Invalid("q", "Testo di ricerca troppo lungo (al massimo 100 caratteri).");
        var q = Visible(user);
        if (ParseStato(filter.Stato) is { } stato) q = q.Where(d => d.Stato == stato);
        if (filter.Dal is { } dal && RomeTime.TryFromRome(dal.ToDateTime(TimeOnly.MinValue), out var from, out _)) q = q.Where(d => d.SentUtc >= from);
        if (filter.Al is { } al && RomeTime.TryFromRome(al.AddDays(1).ToDateTime(TimeOnly.MinValue), out var to, out _)) q = q.Where(d => d.SentUtc < to);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var text = filter.Q.Trim().ToUpperInvariant();
            q = q.Where(d => d.CodiceFiscale.Contains(text) || (d.Cognome + " " + d.Nome).ToUpper().Contains(text) || (d.Nome + " " + d.Cognome).ToUpper().Contains(text));
        }
        return q;
    }

    public async Task<CpiPage> ListAsync(ClaimsPrincipal user, CpiFilter filter, CancellationToken ct)
    {
        if (filter.Pagina < 1) throw PortalException.Invalid("pagina", "La pagina deve essere un numero da 1 in su.");
        var size = Math.Clamp(options.Value.PageSize, 5, 200);
        var q = Filtered(user, filter);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(d => d.SentUtc).Skip(Paging.Skip(filter.Pagina, size)).Take(size).ToListAsync(ct);
        return new CpiPage(await did.ToItemsAsync(rows, ct), total, filter.Pagina, Math.Max(1, (total + size - 1) / size), size);
    }

    public async Task<Dichiarazione> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        await Visible(user).FirstOrDefaultAsync(d => d.Id == id, ct)
            ?? throw PortalException.NotFound("La D.I.D. richiesta non esiste o non è di competenza del tuo Centro per l'Impiego.");

    /// <summary>Parses "dd/MM/yyyy HH:mm" or ISO "yyyy-MM-ddTHH:mm" as Italian local time.</summary>
    public static DateTime ParseRomeInstant(string? text, string field)
    {
        string[] formats = ["dd/MM/yyyy HH:mm", "d/M/yyyy H:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"];
        if (string.IsNullOrWhiteSpace(text) || !DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            throw PortalException.Invalid(field, "Indicare data e ora nel formato gg/mm/aaaa hh:mm.");
        if (!RomeTime.TryFromRome(local, out var utc, out var error)) throw PortalException.Invalid(field, error!);
        return utc;
    }

    private static string Luogo(string? luogo)
    {
        var text = luogo?.Trim();
        if (string.IsNullOrEmpty(text)) throw PortalException.Invalid("luogo", "Indicare il luogo del primo colloquio (sede del Centro per l'Impiego).");
        if (text.Length > 300 || text.Any(char.IsControl)) throw PortalException.Invalid("luogo", "Luogo non valido (al massimo 300 caratteri, senza caratteri di controllo).");
        return text;
    }

    /// <summary>Records the first-interview appointment: the DID moves to ColloquioFissato and the grace-period timer starts.</summary>
    public Task<Dichiarazione> ColloquioAsync(ClaimsPrincipal user, Guid id, string? dataOra, string? luogo, CancellationToken ct) =>
        AppointmentAsync(user, id, dataOra, luogo, null, DidWorkflow.FissaColloquio, ct);

    /// <summary>The operator recognises a justified reason: the appointment moves, and with it the term of the grace period.</summary>
    public Task<Dichiarazione> GiustificaAsync(ClaimsPrincipal user, Guid id, string? motivo, string? dataOra, string? luogo, CancellationToken ct)
    {
        var text = motivo?.Trim();
        if (string.IsNullOrEmpty(text)) throw PortalException.Invalid("motivo", "Indicare il giustificato motivo riconosciuto.");
        if (text.Length > 1000 || text.Any(c => char.IsControl(c) && c is not '\n' and not '\r'))
            throw PortalException.Invalid("motivo", "Motivo non valido (al massimo 1000 caratteri).");
        return AppointmentAsync(user, id, dataOra, luogo, text, DidWorkflow.Giustifica, ct);
    }

    private async Task<Dichiarazione> AppointmentAsync(ClaimsPrincipal user, Guid id, string? dataOra, string? luogo, string? motivo,
        string transition, CancellationToken ct)
    {
        var current = await GetAsync(user, id, ct);
        var when = ParseRomeInstant(dataOra, "dataOra");
        var place = Luogo(luogo);
        var now = clock.GetUtcNow().UtcDateTime;
        if (when < now) throw PortalException.Invalid("dataOra", "La data del colloquio non può essere nel passato.");
        if (when > now.AddDays(180)) throw PortalException.Invalid("dataOra", "La data del colloquio è troppo lontana (al massimo 180 giorni).");
        var instance = await engine.FindAsync(Dichiarazione.SubjectType, id.ToString(), ct) ?? throw PortalException.NotFound("La D.I.D. richiesta non esiste.");
        await using (var work = await unitOfWork.BeginAsync(ct))
        {
            // The row first: the engine reads the new appointment for the grace-period timer when it fires.
            var row = await db.Dichiarazioni.FirstAsync(d => d.Id == id, ct);
            row.AppuntamentoUtc = when;
            row.AppuntamentoLuogo = place;
            row.ScadenzaColloquioUtc = when.AddDays(Math.Max(0, options.Value.GiorniTolleranzaColloquio));
            if (motivo is not null) row.GiustificatoMotivo = motivo;
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            var comment = motivo is null ? $"Primo colloquio il {RomeTime.Format(when)} presso {place}"
                : $"Giustificato motivo: {motivo}. Nuovo colloquio il {RomeTime.Format(when)} presso {place}";
            var result = await engine.FireAsync(instance.Id, transition, WorkflowActor.From(user), comment, ct: ct);
            DidFailures.ThrowIfFailed(result, transition == DidWorkflow.FissaColloquio
                ? $"L'appuntamento si registra solo per una D.I.D. nello stato «Inviata» (stato attuale: {DidWorkflow.Label(current.Stato)})."
                : $"Il giustificato motivo si registra solo quando il colloquio è fissato (stato attuale: {DidWorkflow.Label(current.Stato)}).");
            await audit.RecordAsync(transition == DidWorkflow.FissaColloquio ? "did.colloquio" : "did.giustificato-motivo",
                $"{Dichiarazione.SubjectType}:{id}", comment);
            if (!RecipeMode)
                await notifier.NotifyAsync(current, transition == DidWorkflow.FissaColloquio ? DidNotificationTemplates.ColloquioFissato : DidNotificationTemplates.ColloquioSpostato,
                    $"did:{transition}:{id}:{when:yyyyMMddHHmm}", new Dictionary<string, string> { ["colloquio"] = RomeTime.Format(when), ["luogo"] = place }, ct);
            await work.CompleteAsync(ct);
        }
        return await GetAsync(user, id, ct);
    }

    /// <summary>The interview's outcome: "svolto" confirms the DID (the person is unemployed from the DID date), "non-svolto" lapses it.</summary>
    public async Task<Dichiarazione> EsitoAsync(ClaimsPrincipal user, Guid id, string? esito, string? nota, CancellationToken ct)
    {
        var current = await GetAsync(user, id, ct);
        var transition = esito?.Trim().ToLowerInvariant() switch
        {
            "svolto" => DidWorkflow.Conferma,
            "non-svolto" => DidWorkflow.NonPresentato,
            _ => throw PortalException.Invalid("esito", "Indicare l'esito del primo colloquio: «svolto» oppure «non-svolto»."),
        };
        var comment = nota?.Trim();
        if (comment is { Length: > 1000 }) throw PortalException.Invalid("nota", "Nota troppo lunga (al massimo 1000 caratteri).");
        var instance = await engine.FindAsync(Dichiarazione.SubjectType, id.ToString(), ct) ?? throw PortalException.NotFound("La D.I.D. richiesta non esiste.");
        await using (var work = await unitOfWork.BeginAsync(ct))
        {
            var result = await engine.FireAsync(instance.Id, transition, WorkflowActor.From(user),
                string.IsNullOrEmpty(comment) ? null : comment, ct: ct);
            DidFailures.ThrowIfFailed(result,
                $"L'esito del colloquio si registra solo quando il colloquio è fissato (stato attuale: {DidWorkflow.Label(current.Stato)}).");
            if (transition == DidWorkflow.Conferma) await RecordUnemployedAsync(user, current, ct);
            await audit.RecordAsync("did.esito", $"{Dichiarazione.SubjectType}:{id}", transition == DidWorkflow.Conferma ? "Colloquio svolto: D.I.D. confermata" : "Colloquio non svolto: D.I.D. decaduta");
            if (!RecipeMode)
                await notifier.NotifyAsync(current, transition == DidWorkflow.Conferma ? DidNotificationTemplates.Confermata : DidNotificationTemplates.Decaduta,
                    $"did:{transition}:{id}", new Dictionary<string, string> { ["stato"] = transition == DidWorkflow.Conferma ? "Confermata" : "Decaduta" }, ct);
            await work.CompleteAsync(ct);
        }
        return await GetAsync(user, id, ct);
    }

    /// <summary>A confirmed DID makes the person "in stato di disoccupazione" from the DID date in the CPI archive.</summary>
    private async Task RecordUnemployedAsync(ClaimsPrincipal user, Dichiarazione d, CancellationToken ct)
    {
        var segnatura = (await register.FindAsync(Dichiarazione.SubjectType, d.Id.ToString(), ct))?.Segnatura;
        var cpiNome = await cpi.NameAsync(d.CpiCode, ct);
        var row = await db.Situazioni.FirstOrDefaultAsync(s => s.CodiceFiscale == d.CodiceFiscale, ct);
        if (row is null) db.Situazioni.Add(row = new SituazioneOccupazionale { CodiceFiscale = d.CodiceFiscale, Cognome = d.Cognome, Nome = d.Nome, UpdatedBy = "" });
        row.Stato = StatoOccupazionaleCpi.Disoccupato;
        row.Dal = DateOnly.FromDateTime(RomeTime.ToRome(d.SentUtc));
        row.CpiCode = d.CpiCode;
        row.Note = $"D.I.D. {(segnatura is null ? "" : $"n. {segnatura} ")}del {RomeTime.FormatDate(d.SentUtc)} confermata dal {cpiNome}";
        row.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        row.UpdatedBy = user.ActorName();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    public async Task<byte[]> ExportAsync(ClaimsPrincipal user, CpiFilter filter, CancellationToken ct)
    {
        var rows = await Filtered(user, filter).OrderByDescending(d => d.SentUtc).Take(50_000).ToListAsync(ct);
        var items = await did.ToItemsAsync(rows, ct);
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("D.I.D.");
        string[] headers = ["Protocollo", "Inviata il", "Codice fiscale", "Cognome", "Nome", "Stato", "Scadenza appuntamento", "Colloquio", "Luogo del colloquio", "CPI"];
        for (var i = 0; i < headers.Length; i++) ws.Cell(1, i + 1).Value = headers[i];
        ws.Row(1).Style.Font.Bold = true;
        var r = 2;
        foreach (var d in items)
        {
            ws.Cell(r, 1).Value = d.ProtocolloTesto;
            ws.Cell(r, 2).Value = RomeTime.Format(d.InviataUtc);
            ws.Cell(r, 3).Value = d.CodiceFiscale;
            ws.Cell(r, 4).Value = d.Cognome;
            ws.Cell(r, 5).Value = d.Nome;
            ws.Cell(r, 6).Value = d.StatoLabel;
            ws.Cell(r, 7).Value = RomeTime.Format(d.ScadenzaAppuntamentoUtc);
            ws.Cell(r, 8).Value = d.AppuntamentoUtc is { } a ? RomeTime.Format(a) : "";
            ws.Cell(r, 9).Value = d.AppuntamentoLuogo ?? "";
            ws.Cell(r, 10).Value = d.CpiCode;
            r++;
        }
        // AdjustToContents throws on Linux (platform.md): fixed widths.
        double[] widths = [20, 20, 20, 20, 20, 18, 22, 20, 30, 16];
        for (var i = 0; i < widths.Length; i++) ws.Column(i + 1).Width = widths[i];
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        await audit.RecordAsync("did.esportazione", "Did.Cpi", $"Esportate {items.Count} D.I.D. dei CPI {string.Join(", ", Cpis(user))}");
        return ms.ToArray();
    }
}
