using Portal.Core.Security;

namespace Portal.Core.Audit;

public interface IAuditTrail
{
    /// <summary>Appends an entry; the actor is the given person or else the current user.</summary>
    Task RecordAsync(string action, string? subject, string? details, Person? actor = null, string? actorRole = null);
}
