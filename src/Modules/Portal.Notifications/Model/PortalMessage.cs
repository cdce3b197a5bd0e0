namespace Portal.Notifications.Model;

/// <summary>A message in a person's personal area ("Messaggi").</summary>
public sealed class PortalMessage
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }
    public required string TemplateCode { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public required string IdempotencyKey { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? ReadUtc { get; set; }
}
