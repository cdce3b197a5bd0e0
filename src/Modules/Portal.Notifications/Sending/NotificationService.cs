using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Settings;
using Portal.Notifications.Data;
using Portal.Notifications.Model;
using Portal.Notifications.Templates;

namespace Portal.Notifications.Sending;

/// <summary>
/// Renders the template, writes the in-portal message and the e-mail's log row, and enqueues the
/// e-mail in the outbox, all in the caller's transaction (CoreDbContext is enlisted, as IOutbox requires).
/// </summary>
internal sealed class NotificationService(
    NotificationsDbContext db, CoreDbContext core, TemplateStore templates, IOutbox outbox, ISiteSettings settings, TimeProvider clock)
    : INotifications
{
    public const string Kind = "notifica";

    public async Task EnqueueAsync(NotificationRequest request, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(request.IdempotencyKey))
            throw new NotificationException("La notifica non ha una chiave di idempotenza.");
        if (request.IdempotencyKey.Length > 300)
            throw new NotificationException("La chiave di idempotenza della notifica supera 300 caratteri.");
        // Begun before any query: on SQLite every command on the shared connection must carry the caller's transaction.
        await using var tx = await core.BeginSharedTransactionAsync(ct, db);
        if (await db.Mails.AnyAsync(m => m.IdempotencyKey == request.IdempotencyKey, ct)
            || await db.Messages.AnyAsync(m => m.IdempotencyKey == request.IdempotencyKey, ct))
            return;

        var template = await templates.ResolveAsync(request.Template, ct)
            ?? throw new NotificationException($"Modello di notifica «{request.Template}» sconosciuto.");
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
            await outbox.EnqueueAsync(new OutboxItem(Kind, JsonSerializer.Serialize(new NotificaPayload(mail.Id)), request.IdempotencyKey), ct);
        await tx.CommitAsync(ct);
    }

    private async Task<(Core.Security.Person? Person, string? Email)> RecipientAsync(NotificationRequest request, CancellationToken ct)
    {
        Core.Security.Person? person = null;
        if (request.PersonId is Guid id)
        {
            person = await core.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct)
                ?? throw new NotificationException("La persona destinataria della notifica non esiste.");
        }
        var explicitEmail = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        if (person is null && explicitEmail is null)
            throw new NotificationException("La notifica non ha destinatario: indicare una persona o un indirizzo e-mail.");
        if (explicitEmail is not null && !IsAddress(explicitEmail))
            throw new NotificationException($"L'indirizzo e-mail «{explicitEmail}» non è valido.");
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

/// <summary>The outbox payload of a "notifica": the e-mail row to send.</summary>
internal sealed record NotificaPayload(Guid MailId);
