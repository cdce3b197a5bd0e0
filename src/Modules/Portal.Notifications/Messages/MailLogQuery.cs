using Microsoft.EntityFrameworkCore;
using Portal.Notifications.Data;
using Portal.Notifications.Model;

namespace Portal.Notifications.Messages;

public sealed record MailLogFilter(string? Destinatario = null, string? Modello = null, MailState? Stato = null, DateOnly? Dal = null, DateOnly? Al = null);

/// <summary>The sent-mail log for administrators, newest first.</summary>
public sealed class MailLogQuery(NotificationsDbContext db)
{
    public IQueryable<SentMail> Apply(MailLogFilter f)
    {
        var q = db.Mails.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Destinatario))
        {
            var text = f.Destinatario.Trim().ToLowerInvariant();
            q = q.Where(m => m.Recipient != null && m.Recipient.ToLower().Contains(text));
        }
        if (!string.IsNullOrWhiteSpace(f.Modello)) q = q.Where(m => m.TemplateCode == f.Modello);
        if (f.Stato is MailState s) q = q.Where(m => m.State == s);
        if (f.Dal is DateOnly dal) q = q.Where(m => m.CreatedUtc >= Utc(dal));
        if (f.Al is DateOnly al) q = q.Where(m => m.CreatedUtc < Utc(al.AddDays(1)));
        return q.OrderByDescending(m => m.CreatedUtc).ThenByDescending(m => m.Id);
    }

    public Task<List<string>> TemplateCodesAsync(CancellationToken ct = default) =>
        db.Mails.AsNoTracking().Select(m => m.TemplateCode).Distinct().OrderBy(c => c).ToListAsync(ct);

    /// <summary>Midnight in Italy of that day, in UTC.</summary>
    private static DateTime Utc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), Core.Time.RomeTime.Zone);
}
