namespace Portal.Notifications.Sending;

/// <summary>The outbox payload of a "notifica": the e-mail row to send.</summary>
internal sealed record NotificationPayload(Guid MailId);
