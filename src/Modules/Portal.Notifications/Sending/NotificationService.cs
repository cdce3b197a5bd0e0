using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Notifications.Data;
using Portal.Notifications.Model;
using Portal.Notifications.Templates;

namespace Portal.Notifications.Sending;

/// <summary>
/// Renders the template, writes the in-portal message and the e-mail's log row, and enqueues the
/// e-mail in the outbox, all in the caller's unit of work (one is opened when the caller has none).
/// </summary>
internal sealed class NotificationService(
    NotificationsDbContext db, IUnitOfWork unitOfWork, IPeople people, TemplateStore templates, IOutbox outbox, ISiteSettings settings, TimeProvider clock)
    : INotifications
{
    public const string Kind = "notifica";

    public async Task EnqueueAsync(NotificationRequest request, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(request.IdempotencyKey))
            throw PortalException.Invalid("IdempotencyKey", "La notifica non ha una chiave di idempotenza.");
        if (request.IdempotencyKey.Length > 300)
            throw PortalException.Invalid("IdempotencyKey", "La chiave di idempotenza della notifica supera 300 caratteri.");
        // Begun before any query: on SQLite every command on the shared connection must carry the caller's transaction.
        await using var work = await unitOfWork.BeginAsync(ct);
        if (await db.Mails.AnyAsync(m => m.IdempotencyKey == request.IdempotencyKey, ct)
            || await db.Messages.AnyAsync(m => m.IdempotencyKey == request.IdempotencyKey, ct))
            return;

        var template = await templates.ResolveAsync(request.Template, ct)
            ?? throw PortalException.Invalid("Template", $"Modello di notifica «{request.Template}» sconosciuto.");
        var (person, email) = await RecipientAsync(request, ct);

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["portale"] = (await settings.GetAsync(ct)).PortalName,
        };
        if (person is not null)
        {
            values["nome"] = person.Nome;
            values["cognome"] = person.Cognome;
        }
        foreach (var (k, v) in request.Values) values[k] = v ?? "";
        var subject = TemplateText.OneLine(TemplateText.Render(template.Subject, values, template.Code));
        var body = TemplateText.Render(template.Body, values, template.Code);
        if (subject.Length > 300) subject = subject[..299] + "…";

        var now = clock.GetUtcNow().UtcDateTime;
        if (person is not null)
        {
            db.Messages.Add(new PortalMessage
            {
                PersonId = person.Id, TemplateCode = template.Code, Subject = subject, Body = body,
                IdempotencyKey = request.IdempotencyKey, CreatedUtc = now,
            });
        }
        var mail = new SentMail
        {
            IdempotencyKey = request.IdempotencyKey, TemplateCode = template.Code, PersonId = person?.Id, Recipient = email,
            Subject = subject, Body = body, MessageId = MailComposer.MessageIdFor(request.IdempotencyKey),
            State = email is null ? MailState.SenzaIndirizzo : MailState.InCoda, CreatedUtc = now,
        };
        db.Mails.Add(mail);
        await db.SaveChangesAsync(ct);
        if (email is not null)
            await outbox.EnqueueAsync(new OutboxItem(Kind, JsonSerializer.Serialize(new NotificationPayload(mail.Id)), request.IdempotencyKey), ct);
        await work.CompleteAsync(ct);
    }

    private async Task<(PersonInfo? Person, string? Email)> RecipientAsync(NotificationRequest request, CancellationToken ct)
    {
        PersonInfo? person = null;
        if (request.PersonId is Guid id)
        {
            person = await people.FindAsync(id, ct)
                ?? throw PortalException.Invalid("PersonId", "La persona destinataria della notifica non esiste.");
        }
        var explicitEmail = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        if (person is null && explicitEmail is null)
            throw PortalException.Invalid("Email", "La notifica non ha destinatario: indicare una persona o un indirizzo e-mail.");
        if (explicitEmail is not null && !IsAddress(explicitEmail))
            throw PortalException.Invalid("Email", $"L'indirizzo e-mail «{explicitEmail}» non è valido.");
        var personEmail = string.IsNullOrWhiteSpace(person?.Email) || !IsAddress(person.Email.Trim()) ? null : person.Email.Trim();
        return (person, explicitEmail ?? personEmail);
    }

    internal static bool IsAddress(string text)
    {
        if (text.Length > 254 || !MailboxAddress.TryParse(text, out var address) || !string.IsNullOrEmpty(address.Name)) return false;
        var at = address.Address.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < address.Address.Length - 1 && address.Address == text;
    }
}
