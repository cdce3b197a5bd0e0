using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Notifications.Data;
using Portal.Notifications.Model;

namespace Portal.Notifications.Templates;

/// <summary>The stored templates: defaults inserted when missing, edits by the Amministratore validated and audited.</summary>
public sealed class TemplateStore(
    NotificationsDbContext db, IUnitOfWork unitOfWork, IEnumerable<NotificationTemplateDefault> defaults, IAuditTrail audit, TimeProvider clock)
{
    /// <summary>The refusal of an edit made on a revision that is no longer the stored one.</summary>
    public const string ConflictMessage = "Il modello è stato modificato da un'altra persona nel frattempo: ricaricare la pagina e ripetere la modifica.";

    public const int MaxSubject = 200;
    public const int MaxBody = 8000;

    /// <summary>Filled in by the portal for every notification (a caller's own value wins).</summary>
    public static readonly IReadOnlyList<string> BuiltIn = ["nome", "cognome", "portale"];

    public Task<List<NotificationTemplate>> ListAsync(CancellationToken ct = default) =>
        db.Templates.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);

    public Task<NotificationTemplate?> FindAsync(string code, CancellationToken ct = default) =>
        db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.Code == code, ct);

    /// <summary>
    /// The stored template, or else the registered default as it would be stored. Nothing is inserted here:
    /// this runs in the caller's transaction, which a race with the start-up sync must not break.
    /// </summary>
    public async Task<NotificationTemplate?> ResolveAsync(string code, CancellationToken ct = default)
    {
        var stored = await FindAsync(code, ct);
        if (stored is not null) return stored;
        var def = defaults.LastOrDefault(d => d.Code == code);
        return def is null ? null : FromDefault(def);
    }

    /// <summary>Inserts the defaults that are missing; refreshes only the placeholder lists of stored ones.</summary>
    public async Task<int> SyncDefaultsAsync(CancellationToken ct = default)
    {
        var byCode = defaults.GroupBy(d => d.Code, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        var stored = await db.Templates.ToDictionaryAsync(t => t.Code, StringComparer.Ordinal, ct);
        var inserted = 0;
        foreach (var def in byCode)
        {
            if (stored.TryGetValue(def.Code, out var existing))
            {
                var placeholders = Available(def);
                if (existing.Placeholders != placeholders) existing.Placeholders = placeholders;
                continue;
            }
            db.Templates.Add(FromDefault(def));
            inserted++;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (inserted > 0)
        {
            // Another node inserted the same defaults at the same moment: theirs are as good as ours.
            db.ChangeTracker.Clear();
            return 0;
        }
        return inserted;
    }

    /// <summary>Problems with a subject/body for this template, keyed by field ("Subject", "Body").</summary>
    public static Dictionary<string, string> Validate(NotificationTemplate template, string? subject, string? body)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var available = template.PlaceholderList;
        void Check(string field, string? text, string label, int max)
        {
            if (string.IsNullOrWhiteSpace(text)) { errors[field] = $"{label} è obbligatorio."; return; }
            if (text.Length > max) { errors[field] = $"{label} non può superare {max} caratteri (ora sono {text.Length})."; return; }
            var unknown = TemplateText.Unknown(text, available);
            if (unknown.Count > 0)
                errors[field] = (unknown.Count == 1 ? $"Segnaposto sconosciuto: {{{unknown[0]}}}." : $"Segnaposto sconosciuti: {string.Join(", ", unknown.Select(u => "{" + u + "}"))}.")
                    + $" Quelli disponibili sono: {string.Join(", ", available.Select(a => "{" + a + "}"))}.";
        }
        Check("Subject", subject, "L'oggetto", MaxSubject);
        if (!errors.ContainsKey("Subject") && subject!.Contains('\n', StringComparison.Ordinal))
            errors["Subject"] = "L'oggetto deve stare su una sola riga.";
        Check("Body", body, "Il testo", MaxBody);
        return errors;
    }

    public async Task<NotificationTemplate> UpdateAsync(string code, int revision, string? subject, string? body, string by, CancellationToken ct = default)
    {
        var template = await db.Templates.FirstOrDefaultAsync(t => t.Code == code, ct)
            ?? throw PortalException.NotFound($"Modello di notifica «{code}» sconosciuto.");
        subject = subject?.Trim();
        body = body?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var errors = Validate(template, subject, body);
        if (errors.Count > 0) throw PortalException.Invalid(errors);
        if (template.Revision != revision) throw PortalException.Conflict(ConflictMessage);
        if (template.Subject == subject && template.Body == body) return template;

        await using var work = await unitOfWork.BeginAsync(ct);
        var details = $"Revisione {template.Revision + 1}. Oggetto: «{subject}»" + (template.Body == body ? " (testo invariato)." : "; testo modificato.");
        template.Subject = subject!;
        template.Body = body!;
        template.UpdatedBy = by;
        template.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        template.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw PortalException.Conflict(ConflictMessage);
        }
        await audit.RecordAsync("Notifiche.ModelloModificato", $"Modello {code}", details);
        await work.CompleteAsync(ct);
        return template;
    }

    private NotificationTemplate FromDefault(NotificationTemplateDefault def) => new()
    {
        Code = def.Code,
        Description = def.Description,
        Subject = def.Subject,
        Body = def.Body,
        Placeholders = Available(def),
        UpdatedUtc = clock.GetUtcNow().UtcDateTime,
    };

    private static string Available(NotificationTemplateDefault def) =>
        string.Join(",", TemplateText.Placeholders(def.Subject).Concat(TemplateText.Placeholders(def.Body)).Concat(BuiltIn).Distinct(StringComparer.Ordinal));
}
