namespace Portal.Core.Contracts;

/// <summary>
/// Side effects (protocol numbers, e-mails, receipts) written in the same transaction as the change
/// that causes them, then carried out by a background dispatcher with retries.
/// </summary>
/// <remarks>
/// <see cref="EnqueueAsync"/> writes inside the current unit of work (<c>IUnitOfWork</c>): the row commits with
/// the change that causes it, or not at all. A second enqueue with the same idempotency key is ignored, so
/// retried requests do not double work.
/// </remarks>
public interface IOutbox
{
    /// <summary>
    /// Queues <paramref name="item"/> (nothing when its key is already queued). An ordered item enqueued inside an open
    /// unit of work is written as the unit's last statement, at its commit, so it has no id before then: callers identify
    /// messages by their idempotency key.
    /// </summary>
    Task EnqueueAsync(OutboxItem item, CancellationToken ct = default);
}

/// <param name="Kind">Selects the <see cref="IOutboxHandler"/>, e.g. "notifica", "protocollo".</param>
/// <param name="Payload">JSON the handler understands.</param>
/// <param name="IdempotencyKey">Unique per effect, e.g. "notifica:accreditamento-approvato:{id}".</param>
/// <param name="Ordered">Messages of an ordered kind are handled one at a time in the order their units of work
/// committed (protocol numbers follow the order of confirmation); others may run in any order.</param>
/// <param name="NotBeforeUtc">Not handled before this instant.</param>
public sealed record OutboxItem(string Kind, string Payload, string IdempotencyKey, bool Ordered = false, DateTime? NotBeforeUtc = null);

/// <summary>A message being handled; <see cref="Attempt"/> starts at 1.</summary>
public sealed record OutboxMessage(long Id, string Kind, string Payload, string IdempotencyKey, int Attempt, DateTime EnqueuedUtc);

/// <summary>
/// Carries out the messages of one kind. Must be idempotent on <see cref="OutboxMessage.IdempotencyKey"/>:
/// after a crash a message may be handed over again. Throwing schedules a retry with back-off.
/// </summary>
public interface IOutboxHandler
{
    string Kind { get; }

    Task HandleAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>
/// A handler of an ordered kind that can carry out several consecutive messages in one transaction of its own (the
/// protocol register numbers a surge of submissions with one lock of its counter). The processor hands it the kind's next
/// messages in their order, only ones never tried before; it carries out all of them or throws, and then they are handed
/// over one at a time as usual (with their own retries). Must be idempotent as <see cref="IOutboxHandler"/>.
/// </summary>
public interface IOutboxBatchHandler : IOutboxHandler
{
    Task HandleBatchAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct);
}
