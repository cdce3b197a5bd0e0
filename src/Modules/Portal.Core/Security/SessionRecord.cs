namespace Portal.Core.Security;

/// <summary>
/// The server-side identity of a login session: the cookie names it, every request checks it, so logging
/// out, the timeouts and an administrator's "end the sessions" end it everywhere, on every node.
/// </summary>
public sealed class SessionRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }
    public DateTime CreatedUtc { get; set; }
    /// <summary>Last request seen (written at most once a minute).</summary>
    public DateTime LastSeenUtc { get; set; }
    public DateTime? EndedUtc { get; set; }
    /// <summary>"uscita", "inattività", "durata massima", "terminata dall'amministratore".</summary>
    public string? EndReason { get; set; }
    public required string AuthMethod { get; set; }
    public string? IpAddress { get; set; }
}
