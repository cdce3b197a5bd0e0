namespace Portal.Core.Protocol;

/// <summary>
/// The protocol register. The built-in one keeps numbers in the database; an adapter for an external
/// protocol system (e.g. PALEO) implements the same interface.
/// </summary>
public interface IProtocolRegister
{
    /// <summary>
    /// Registers the subject and returns its entry. Runs inside the caller's transaction when there is
    /// one (the number is then taken only if that transaction commits: no gaps); registering the same
    /// subject again returns the first entry.
    /// </summary>
    Task<ProtocolEntry> RegisterAsync(string subjectType, string subjectId, string? description, CancellationToken ct = default);

    Task<ProtocolEntry?> FindAsync(string subjectType, string subjectId, CancellationToken ct = default);
}
