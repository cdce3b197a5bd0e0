using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Accreditamenti.Data;
using Portal.Accreditamenti.Model;
using Portal.Core.Audit;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Core.Comuni;

namespace Portal.Accreditamenti.Services;

public sealed record RequestFilter(RequestState? Stato = null, string? Comune = null, string? CodiceFiscale = null);

/// <summary>
/// Accreditation of operators for Comuni (seed 000): the person's requests, the Amministratore's decision,
/// revocation. Every change, its audit entry and its notification are written in one transaction.
/// </summary>
public sealed class AccreditationService(
    AccreditamentiDbContext db, IUnitOfWork unitOfWork, IPeople people, IRoleAssignments roles, IAuditTrail audit, RegionComuni comuni, Notifier notifier,
    IServiceProvider services, TimeProvider clock)
{
    public const int MaxNote = 500;
    public const int MaxReason = 500;

    /// <summary>True when Portal.Anagrafica is installed and the person has not saved their Anagrafica yet.</summary>
    public async Task<bool> AnagraficaMissingAsync(Guid personId, CancellationToken ct)
    {
        var status = services.GetService<IAnagraficaStatus>();
        return status is not null && !await status.IsCompleteAsync(personId, ct);
    }

    public Task<List<AccreditationRequest>> ForPersonAsync(Guid personId, CancellationToken ct) =>
        db.Requests.AsNoTracking().Where(r => r.PersonId == personId)
            .OrderByDescending(r => r.CreatedUtc).ToListAsync(ct);

    public Task<AccreditationRequest?> FindAsync(Guid id, CancellationToken ct) =>
        db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);

    public Task<List<AccreditationRequest>> SearchAsync(RequestFilter filter, CancellationToken ct)
    {
        var q = db.Requests.AsNoTracking();
        if (filter.Stato is RequestState s) q = q.Where(r => r.State == s);
        if (Texts.Clean(filter.Comune) is string c) q = q.Where(r => r.ComuneIstat == c);
        if (Texts.Clean(filter.CodiceFiscale) is string cf)
        {
            var upper = cf.ToUpperInvariant();
            q = q.Where(r => r.CodiceFiscale.Contains(upper));
        }
        return q.OrderByDescending(r => r.CreatedUtc).Take(500).ToListAsync(ct);
    }

    /// <summary>One pending request per Comune; refuses Comuni outside the region and duplicates of pending or active ones.</summary>
    public async Task<IReadOnlyList<AccreditationRequest>> RequestAsync(Guid personId, IReadOnlyList<string>? codes, string? note, CancellationToken ct)
    {
        var person = await people.FindAsync(personId, ct)
            ?? throw PortalException.NotFound("Persona non trovata.");
        if (await AnagraficaMissingAsync(personId, ct))
            throw PortalException.Conflict("Prima di chiedere un accreditamento salva i tuoi dati anagrafici.");
        var errors = new Dictionary<string, string>();
        var wanted = (codes ?? []).Select(c => (c ?? "").Trim()).Where(c => c.Length > 0).Distinct().ToList();
        note = Texts.Clean(note);
        if (note?.Length > MaxNote) errors["Note"] = $"La nota può contenere al massimo {MaxNote} caratteri.";
        if (wanted.Count == 0) errors["Comuni"] = "Scegliere almeno un Comune.";
        else if (wanted.Count > 50) errors["Comuni"] = "Si possono chiedere al massimo 50 Comuni per volta.";
        else
        {
            var found = await comuni.FindAsync(wanted, ct);
            var unknown = wanted.Where(c => !found.ContainsKey(c)).ToList();
            var outside = wanted.Where(c => found.TryGetValue(c, out var f) && !f.InRegion).ToList();
            var open = await OpenComuniAsync(personId, wanted, ct);
            if (unknown.Count > 0)
                errors["Comuni"] = $"Codice ISTAT non trovato tra i Comuni: {string.Join(", ", unknown)}.";
            else if (outside.Count > 0)
                errors["Comuni"] = $"Il Comune di {string.Join(", ", outside.Select(c => found[c].Comune.Nome))} non appartiene alla regione.";
            else if (open.Count > 0)
                errors["Comuni"] = $"Hai già una richiesta in attesa o un accreditamento attivo per il Comune di {string.Join(", ", open.Select(c => found[c].Comune.Nome))}.";
        }
        if (errors.Count > 0) throw PortalException.Invalid(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var created = wanted.Select(c => new AccreditationRequest
        {
            PersonId = personId, CodiceFiscale = person.CodiceFiscale, ComuneIstat = c, Note = note,
            State = RequestState.InAttesa, CreatedUtc = now,
        }).ToList();
        await using var work = await unitOfWork.BeginAsync(ct);
        db.Requests.AddRange(created);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same request sent twice at once: the unique index on open requests refuses the second.
            throw PortalException.Invalid("Comuni", "Hai già una richiesta in attesa per uno dei Comuni scelti.");
        }
        foreach (var r in created)
            await audit.RecordAsync("Accreditamento.Richiesto", Subject(r), note is null ? null : $"Nota: {note}");
        await work.CompleteAsync(ct);
        return created;
    }

    /// <summary>Comuni among <paramref name="codes"/> for which the person already has a pending request or an active role.</summary>
    private async Task<List<string>> OpenComuniAsync(Guid personId, List<string> codes, CancellationToken ct)
    {
        var pending = await db.Requests.AsNoTracking()
            .Where(r => r.PersonId == personId && codes.Contains(r.ComuneIstat) && (r.State == RequestState.InAttesa || r.State == RequestState.Approvata))
            .Select(r => r.ComuneIstat).ToListAsync(ct);
        var active = (await roles.OfPersonAsync(personId, ct))
            .Where(a => a.RoleName == PortalRoles.OperatoreComune && a.ScopeType == ScopeTypes.Comune
                        && a.RevokedUtc == null && codes.Contains(a.ScopeValue!))
            .Select(a => a.ScopeValue!).ToList();
        return pending.Concat(active).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public async Task ApproveAsync(Guid id, string? reason, string actor, CancellationToken ct)
    {
        reason = Texts.Clean(reason);
        if (reason?.Length > MaxReason)
            throw PortalException.Invalid("Motivo", $"Il motivo può contenere al massimo {MaxReason} caratteri.");
        await using var work = await unitOfWork.BeginAsync(ct);
        var request = await PendingAsync(id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        // The role already held there (e.g. imported meanwhile) is the one the request points to.
        var assignment = await roles.GrantAsync(request.PersonId, PortalRoles.OperatoreComune, ScopeTypes.Comune, request.ComuneIstat, actor, reason, ct);
        request.State = RequestState.Approvata;
        request.DecidedUtc = now;
        request.DecidedBy = actor;
        request.DecisionReason = reason;
        request.AssignmentId = assignment.Id;
        await SaveDecisionAsync(ct);
        await audit.RecordAsync("Accreditamento.Approvato", Subject(request), reason is null ? "Approvato" : $"Motivo: {reason}");
        await NotifyAsync(NotificationTemplates.Approved, request, reason is null ? "" : $"\nNote: {reason}\n", now, ct);
        await work.CompleteAsync(ct);
    }

    public async Task RejectAsync(Guid id, string? reason, string actor, CancellationToken ct)
    {
        reason = RequiredReason(reason, "il motivo del rifiuto");
        await using var work = await unitOfWork.BeginAsync(ct);
        var request = await PendingAsync(id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        request.State = RequestState.Respinta;
        request.DecidedUtc = now;
        request.DecidedBy = actor;
        request.DecisionReason = reason;
        await SaveDecisionAsync(ct);
        await audit.RecordAsync("Accreditamento.Respinto", Subject(request), $"Motivo: {reason}");
        await NotifyAsync(NotificationTemplates.Rejected, request, reason, now, ct);
        await work.CompleteAsync(ct);
    }

    /// <summary>Ends an approved accreditation: the OperatoreComune assignment is revoked, so sessions using it end.</summary>
    public async Task RevokeAsync(Guid id, string? reason, string actor, CancellationToken ct)
    {
        reason = RequiredReason(reason, "il motivo della revoca");
        await using var work = await unitOfWork.BeginAsync(ct);
        var request = await db.Requests.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw PortalException.NotFound("Richiesta di accreditamento non trovata.");
        if (request.State != RequestState.Approvata)
            throw PortalException.Conflict($"Si può revocare solo un accreditamento approvato; questa richiesta è «{AccreditationRequest.StateLabel(request.State)}».");
        var now = clock.GetUtcNow().UtcDateTime;
        // Already revoked (or gone): nothing to revoke, the request is closed all the same.
        if (request.AssignmentId is Guid aid) await roles.RevokeAsync(aid, reason, ct);
        request.State = RequestState.Revocata;
        request.RevokedUtc = now;
        request.RevokedBy = actor;
        request.RevokeReason = reason;
        await SaveDecisionAsync(ct);
        await audit.RecordAsync("Accreditamento.Revocato", Subject(request), $"Motivo: {reason}");
        await NotifyAsync(NotificationTemplates.Revoked, request, reason, now, ct);
        await work.CompleteAsync(ct);
    }

    private async Task SaveDecisionAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw PortalException.Conflict("La richiesta è stata appena trattata da un altro amministratore: ricaricare la pagina.");
        }
    }

    private async Task<AccreditationRequest> PendingAsync(Guid id, CancellationToken ct)
    {
        var request = await db.Requests.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw PortalException.NotFound("Richiesta di accreditamento non trovata.");
        if (request.State != RequestState.InAttesa)
            throw PortalException.Conflict($"La richiesta è già stata trattata (stato: «{AccreditationRequest.StateLabel(request.State)}»).");
        return request;
    }

    private static string RequiredReason(string? reason, string what)
    {
        reason = Texts.Clean(reason);
        if (reason is null)
            throw PortalException.Invalid("Motivo", $"Indicare {what}.");
        if (reason.Length > MaxReason)
            throw PortalException.Invalid("Motivo", $"Il motivo può contenere al massimo {MaxReason} caratteri.");
        return reason;
    }

    private static string Subject(AccreditationRequest r) => $"Accreditamento {r.Id} – {r.CodiceFiscale} – Comune {r.ComuneIstat}";

    private async Task NotifyAsync(string template, AccreditationRequest r, string reason, DateTime now, CancellationToken ct)
    {
        var person = await people.FindAsync(r.PersonId, ct) ?? throw new InvalidOperationException($"Persona {r.PersonId} non trovata.");
        var names = await comuni.NamesAsync([r.ComuneIstat], ct);
        await notifier.SendAsync(template, r.PersonId, $"{template}:{r.Id}", new Dictionary<string, string>
        {
            ["nome"] = person.FullName,
            ["comune"] = names.GetValueOrDefault(r.ComuneIstat, r.ComuneIstat),
            ["motivo"] = reason,
            ["data"] = RomeTime.Format(now),
        }, ct);
    }
}
