namespace Portal.AuditTrail.Model;

/// <summary>One append-only line of the audit trail.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime Utc { get; set; }
    public Guid? ActorId { get; set; }
    public string? ActorName { get; set; }
    public string? ActorRole { get; set; }
    public required string Action { get; set; }
    public string? Subject { get; set; }
    public string? Details { get; set; }
    public string? IpAddress { get; set; }
}
