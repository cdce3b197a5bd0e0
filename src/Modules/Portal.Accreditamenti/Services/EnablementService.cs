using Microsoft.EntityFrameworkCore;
using Portal.Accreditamenti.Data;
using Portal.Accreditamenti.Model;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Core.Validation;

namespace Portal.Accreditamenti.Services;

/// <summary>What is being enabled: an operator of an ente, of a CPI, or a regional official.</summary>
public enum EnablementKind
{
    Ente,
    Cpi,
    Funzionario,
}

public sealed record EnablementInput(
    EnablementKind Tipo, string? Ambito, string? Nome, string? Cognome, string? CodiceFiscale, string? Email, string? RichiestoDa, string? Motivo);

/// <summary>One OperatoreEnte/OperatoreCpi/Funzionario role, with the details of its enablement when the portal recorded them.</summary>
public sealed record EnablementRow(
    Guid AssignmentId, string Nome, string Cognome, string CodiceFiscale, string? Email, string Ruolo, string? Ambito,
    DateTime AbilitatoIl, string? AbilitatoDa, string? RichiestoDa, string? Motivo,
    DateTime? DisabilitatoIl, string? DisabilitatoDa, string? MotivoDisabilitazione)
{
    public bool Attiva => DisabilitatoIl is null;
}

/// <summary>Enablement and disablement of OperatoreEnte, OperatoreCpi and Funzionario (seed 003), audited with date and reason.</summary>
public sealed class EnablementService(
    AccreditamentiDbContext db, IUnitOfWork unitOfWork, IPeople people, IRoleAssignments roleAssignments, IAuditTrail audit, Notifier notifier, TimeProvider clock)
{
    public static readonly string[] Roles = [PortalRoles.OperatoreEnte, PortalRoles.OperatoreCpi, PortalRoles.Funzionario];

    public static string RoleOf(EnablementKind kind) => kind switch
    {
        EnablementKind.Ente => PortalRoles.OperatoreEnte,
        EnablementKind.Cpi => PortalRoles.OperatoreCpi,
        _ => PortalRoles.Funzionario,
    };

    public static string RoleLabel(string role) => role switch
    {
        PortalRoles.OperatoreEnte => "Operatore dell'ente gestore",
        PortalRoles.OperatoreCpi => "Operatore del Centro per l'Impiego",
        PortalRoles.Funzionario => "Funzionario regionale",
        _ => role,
    };

    public async Task<List<EnablementRow>> ListAsync(string? role, bool onlyActive, CancellationToken ct)
    {
        var roles = role is not null && Roles.Contains(role) ? [role] : Roles;
        var holdings = await roleAssignments.OfRolesAsync(roles, includeRevoked: !onlyActive, ct);
        var persons = await people.FindManyAsync(holdings.Select(a => a.PersonId), ct);
        var list = holdings.Where(a => persons.ContainsKey(a.PersonId)).Select(a => (a, p: persons[a.PersonId]))
            .OrderBy(x => x.p.Cognome, StringComparer.Ordinal).ThenBy(x => x.p.Nome, StringComparer.Ordinal).Take(1000).ToList();
        var details = new Dictionary<Guid, OperatorEnablement>();
        foreach (var chunk in list.Select(x => x.a.Id).Chunk(500))
            foreach (var d in await db.Enablements.AsNoTracking().Where(e => chunk.Contains(e.AssignmentId)).ToListAsync(ct))
                details[d.AssignmentId] = d;
        return list.Select(x => Row(x.a, x.p, details.GetValueOrDefault(x.a.Id))).ToList();
    }

    public async Task<EnablementRow?> FindAsync(Guid assignmentId, CancellationToken ct)
    {
        var a = await roleAssignments.FindAsync(assignmentId, ct);
        if (a is null || !Roles.Contains(a.RoleName)) return null;
        var person = await people.FindAsync(a.PersonId, ct);
        if (person is null) return null;
        return Row(a, person, await db.Enablements.AsNoTracking().FirstOrDefaultAsync(e => e.AssignmentId == assignmentId, ct));
    }

    private static EnablementRow Row(RoleHolding a, PersonInfo p, OperatorEnablement? d) =>
        new(a.Id, p.Nome, p.Cognome, p.CodiceFiscale, p.Email, a.RoleName,
            a.ScopeType is null ? null : $"{a.ScopeType}:{a.ScopeValue}",
            a.GrantedUtc, a.GrantedBy, d?.RequestedBy, d?.EnableReason,
            a.RevokedUtc, d?.DisabledBy, d?.DisableReason ?? (a.RevokedUtc is null ? null : a.Reason));

    public async Task<EnablementRow> EnableAsync(EnablementInput input, string actor, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var cf = Texts.Upper(input.CodiceFiscale);
        var nome = Texts.Clean(input.Nome);
        var cognome = Texts.Clean(input.Cognome);
        var email = Texts.Clean(input.Email);
        var requestedBy = Texts.Clean(input.RichiestoDa);
        var reason = Texts.Clean(input.Motivo);
        var scope = input.Tipo == EnablementKind.Funzionario ? null : Texts.Upper(input.Ambito);
        var role = RoleOf(input.Tipo);
        string? scopeType = null;
        if (input.Tipo == EnablementKind.Ente)
        {
            scopeType = ScopeTypes.Ente;
            var ente = scope!.Length == 0 ? null : await db.Enti.AsNoTracking().FirstOrDefaultAsync(e => e.Code == scope, ct);
            if (ente is null) errors["Ambito"] = "Scegliere l'ente gestore.";
            else if (!ente.Active) errors["Ambito"] = $"L'ente {ente.Denominazione} non è attivo.";
        }
        else if (input.Tipo == EnablementKind.Cpi)
        {
            scopeType = ScopeTypes.Cpi;
            var cpi = scope!.Length == 0 ? null : await db.Cpi.AsNoTracking().FirstOrDefaultAsync(c => c.Code == scope, ct);
            if (cpi is null) errors["Ambito"] = "Scegliere il Centro per l'Impiego.";
            else if (!cpi.Active) errors["Ambito"] = $"Il {cpi.Nome} non è attivo.";
        }
        if (nome is null) errors["Nome"] = "Indicare il nome.";
        else if (nome.Length > 100) errors["Nome"] = "Il nome può contenere al massimo 100 caratteri.";
        if (cognome is null) errors["Cognome"] = "Indicare il cognome.";
        else if (cognome.Length > 100) errors["Cognome"] = "Il cognome può contenere al massimo 100 caratteri.";
        if (cf.Length == 0) errors["CodiceFiscale"] = "Indicare il codice fiscale.";
        else if (!CodiceFiscale.IsValid(cf)) errors["CodiceFiscale"] = "Codice fiscale non valido.";
        if (email is null) errors["Email"] = "Indicare l'indirizzo email.";
        else if (!EmailAddress.IsValid(email)) errors["Email"] = "Indirizzo email non valido.";
        if (requestedBy is null) errors["RichiestoDa"] = input.Tipo == EnablementKind.Funzionario
            ? "Indicare il dirigente che ha chiesto l'abilitazione." : "Indicare chi ha chiesto l'abilitazione.";
        else if (requestedBy.Length > 200) errors["RichiestoDa"] = "Al massimo 200 caratteri.";
        if (reason is null) errors["Motivo"] = "Indicare il motivo dell'abilitazione (ad esempio il riferimento della richiesta).";
        else if (reason.Length > 500) errors["Motivo"] = "Il motivo può contenere al massimo 500 caratteri.";
        PersonInfo? person = null;
        if (!errors.ContainsKey("CodiceFiscale"))
        {
            person = await people.FindByCodiceFiscaleAsync(cf, ct);
            if (person is not null && (await roleAssignments.OfPersonAsync(person.Id, ct)).Any(a => a.RoleName == role
                    && a.ScopeType == scopeType && a.ScopeValue == (scopeType == null ? null : scope) && a.RevokedUtc == null))
                errors["CodiceFiscale"] = $"La persona è già abilitata come {RoleLabel(role)}{(scope is null ? "" : " per " + scope)}.";
        }
        if (errors.Count > 0) throw PortalException.Invalid(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        await using var work = await unitOfWork.BeginAsync(ct);
        if (person is null) person = await people.EnsureAsync(cf, nome!, cognome!, email, ct);
        else if (person.Email is null) await people.SetEmailAsync(person.Id, email, ct);
        var assignment = await roleAssignments.GrantAsync(person.Id, role, scopeType, scopeType is null ? null : scope, actor, reason, ct);
        db.Enablements.Add(new OperatorEnablement
        {
            AssignmentId = assignment.Id, PersonId = person.Id, CodiceFiscale = cf, RoleName = role, ScopeType = assignment.ScopeType,
            ScopeValue = assignment.ScopeValue, RequestedBy = requestedBy!, EnabledUtc = now, EnabledBy = actor, EnableReason = reason!,
        });
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("Abilitazione.Concessa", $"Abilitazione {assignment.Id} – {cf} – {role}{(scope is null ? "" : " " + scope)}",
            $"Richiesta da: {requestedBy}; motivo: {reason}");
        await notifier.SendAsync(NotificationTemplates.Enabled, person.Id, $"{NotificationTemplates.Enabled}:{assignment.Id}", Values(person, role, scope, reason!, now), ct);
        await work.CompleteAsync(ct);
        return (await FindAsync(assignment.Id, ct))!;
    }

    public async Task DisableAsync(Guid assignmentId, string? reason, string actor, CancellationToken ct)
    {
        reason = Texts.Clean(reason);
        if (reason is null) throw PortalException.Invalid("Motivo", "Indicare il motivo della disabilitazione.");
        if (reason.Length > 500) throw PortalException.Invalid("Motivo", "Il motivo può contenere al massimo 500 caratteri.");
        await using var work = await unitOfWork.BeginAsync(ct);
        var assignment = await roleAssignments.FindAsync(assignmentId, ct);
        if (assignment is null || !Roles.Contains(assignment.RoleName)) throw PortalException.NotFound("Abilitazione non trovata.");
        const string already = "L'abilitazione è già stata disattivata.";
        if (assignment.RevokedUtc is not null) throw PortalException.Conflict(already);
        var person = await people.FindAsync(assignment.PersonId, ct) ?? throw new InvalidOperationException($"Persona {assignment.PersonId} non trovata.");
        var now = clock.GetUtcNow().UtcDateTime;
        // Revoked by someone else in the meantime: the same refusal.
        if (!await roleAssignments.RevokeAsync(assignmentId, reason, ct)) throw PortalException.Conflict(already);
        var details = await db.Enablements.FirstOrDefaultAsync(e => e.AssignmentId == assignmentId, ct);
        if (details is not null)
        {
            details.DisabledUtc = now;
            details.DisabledBy = actor;
            details.DisableReason = reason;
        }
        else
        {
            // A role granted before this module (recipe, earlier system): record the disablement all the same.
            db.Enablements.Add(new OperatorEnablement
            {
                AssignmentId = assignment.Id, PersonId = person.Id, CodiceFiscale = person.CodiceFiscale, RoleName = assignment.RoleName,
                ScopeType = assignment.ScopeType, ScopeValue = assignment.ScopeValue, RequestedBy = "-", EnabledUtc = assignment.GrantedUtc,
                EnabledBy = assignment.GrantedBy ?? "-", EnableReason = "-", DisabledUtc = now, DisabledBy = actor, DisableReason = reason,
            });
        }
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("Abilitazione.Revocata", $"Abilitazione {assignment.Id} – {person.CodiceFiscale} – {assignment.RoleName}{(assignment.ScopeValue is null ? "" : " " + assignment.ScopeValue)}",
            $"Motivo: {reason}");
        await notifier.SendAsync(NotificationTemplates.Disabled, person.Id, $"{NotificationTemplates.Disabled}:{assignment.Id}",
            Values(person, assignment.RoleName, assignment.ScopeValue, reason, now), ct);
        await work.CompleteAsync(ct);
    }

    private static Dictionary<string, string> Values(PersonInfo person, string role, string? scope, string reason, DateTime now) => new()
    {
        ["nome"] = person.FullName,
        ["ruolo"] = RoleLabel(role),
        ["ambito"] = scope is null ? "" : $" ({scope})",
        ["motivo"] = reason,
        ["data"] = RomeTime.Format(now),
    };
}
