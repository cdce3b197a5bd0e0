namespace Portal.Notifications.Model;

public enum MailState
{
    /// <summary>Waiting for the outbox dispatcher.</summary>
    InCoda = 0,
    Inviata = 1,
    /// <summary>The last attempt failed; the outbox retries it later.</summary>
    Errore = 2,
    /// <summary>The person has no e-mail address: only the in-portal message was written.</summary>
    SenzaIndirizzo = 3,
    /// <summary>The last allowed attempt failed: the outbox gives up and an administrator must look.</summary>
    Abbandonata = 4,
}

/// <summary>
/// One e-mail of a notification and its sending log. The handler checks <see cref="State"/> before
/// sending, so a message handed over again after a crash is not sent twice.
/// </summary>
public sealed class SentMail
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string IdempotencyKey { get; set; }
    public required string TemplateCode { get; set; }
    public Guid? PersonId { get; set; }
    public string? Recipient { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    /// <summary>Derived from the idempotency key: the same notification always has the same Message-Id.</summary>
    public required string MessageId { get; set; }
    public MailState State { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? LastAttemptUtc { get; set; }
    public DateTime? SentUtc { get; set; }
}
