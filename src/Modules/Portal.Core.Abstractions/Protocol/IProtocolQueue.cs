using Portal.Core.Contracts;

namespace Portal.Core.Protocol;

/// <summary>
/// Asks for a protocol number without waiting for it: the request joins the caller's transaction (the
/// submission is accepted at once) and numbers are assigned by the outbox dispatcher in the order the
/// submissions were confirmed.
/// </summary>
public interface IProtocolQueue
{
    /// <param name="then">Outbox items enqueued together with the registration (e.g. the receipt, which needs the number).</param>
    Task EnqueueAsync(string subjectType, string subjectId, string? description, IReadOnlyList<OutboxItem>? then = null, CancellationToken ct = default);
}

public sealed record ProtocolRequest(string SubjectType, string SubjectId, string? Description, IReadOnlyList<OutboxItem>? Then);
