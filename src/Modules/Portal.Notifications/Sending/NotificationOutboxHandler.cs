using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Contracts;
using Portal.Core.Outbox;
using Portal.Notifications.Data;
using Portal.Notifications.Model;

namespace Portal.Notifications.Sending;

/// <summary>
/// Sends the e-mail of a "notifica" outbox message. The log row is checked before sending and marked
/// sent right after, so a message handed over again (another node, a restart) is not sent twice; one
/// that was never sent because the dispatcher died first is still pending and is sent now.
/// </summary>
internal sealed class NotificationOutboxHandler(
    NotificationsDbContext db, MailComposer composer, IMailTransport transport, IOptions<OutboxOptions> outbox, TimeProvider clock,
    ILogger<NotificationOutboxHandler> logger)
    : IOutboxHandler
{
    private const int MaxError = 2000;

    public string Kind => NotificationService.Kind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var payload = JsonSerializer.Deserialize<NotificationPayload>(message.Payload)
            ?? throw new InvalidOperationException("Messaggio «notifica» senza contenuto.");
        var mail = await db.Mails.FirstOrDefaultAsync(m => m.Id == payload.MailId, ct)
            ?? throw new InvalidOperationException($"E-mail {payload.MailId} della notifica «{message.IdempotencyKey}» non trovata.");
        if (mail.State == MailState.Inviata)
        {
            logger.LogInformation("E-mail {Key} già inviata il {Sent:u}: non la invio di nuovo", mail.IdempotencyKey, mail.SentUtc);
            return;
        }
        if (mail.Recipient is null) return;

        mail.Attempts++;
        mail.LastAttemptUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        try
        {
            var mime = await composer.ComposeAsync(mail, ct);
            await transport.SendAsync(mime, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Same rule as the outbox's: after the last allowed attempt it stops retrying.
            mail.State = message.Attempt >= Math.Max(1, outbox.Value.MaxAttempts) ? MailState.Abbandonata : MailState.Errore;
            mail.LastError = e.Message.Length > MaxError ? e.Message[..MaxError] : e.Message;
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        mail.State = MailState.Inviata;
        mail.SentUtc = clock.GetUtcNow().UtcDateTime;
        mail.LastError = null;
        // Not cancellable: the e-mail has left, the log must say so.
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
