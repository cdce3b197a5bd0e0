using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using Portal.Core.Settings;
using Portal.Notifications.Model;

namespace Portal.Notifications.Sending;

/// <summary>Builds the MIME message of a logged e-mail.</summary>
internal sealed class MailComposer(IOptions<NotificationsOptions> options, ISiteSettings settings)
{
    /// <summary>
    /// The same idempotency key always gives the same Message-Id (its local part), so even a copy sent
    /// again in the unavoidable window "sent but not yet logged" is recognisable as the same message.
    /// </summary>
    public static string MessageIdFor(string idempotencyKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..40];

    public async Task<MimeMessage> ComposeAsync(SentMail mail, CancellationToken ct)
    {
        var o = options.Value;
        var fromName = string.IsNullOrWhiteSpace(o.FromName) ? (await settings.GetAsync(ct)).PortalName : o.FromName;
        var from = new MailboxAddress(fromName, o.FromAddress);
        var domain = o.FromAddress[(o.FromAddress.LastIndexOf('@') + 1)..];
        var message = new MimeMessage
        {
            MessageId = $"{mail.MessageId}@{domain}",
            Date = new DateTimeOffset(DateTime.SpecifyKind(mail.CreatedUtc, DateTimeKind.Utc)),
            Subject = mail.Subject,
            Body = new TextPart("plain") { Text = mail.Body },
        };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(mail.Recipient!));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }
}
