namespace Portal.Core.Outbox;

/// <summary>
/// One row per ordered kind, locked by the statement that writes an entry of that kind (the last of its unit of work,
/// just before the commit) until the transaction ends: ordered entries then get their ids in commit order, and the
/// dispatcher, which follows ids, follows the order of confirmation (seed 004: "rispettando l'ordine di conferma").
/// </summary>
public sealed class OutboxKindLock
{
    public required string Kind { get; set; }
    public long Enqueued { get; set; }
}
