namespace Portal.Core.Outbox;

public enum OutboxState
{
    Pending = 0,
    Done = 1,
    /// <summary>Gave up after the maximum number of attempts; shown to administrators.</summary>
    Failed = 2,
}

/// <summary>A side effect waiting to be carried out (see <see cref="Contracts.IOutbox"/>).</summary>
public sealed class OutboxEntry
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public required string Payload { get; set; }
    public required string IdempotencyKey { get; set; }
    public bool Ordered { get; set; }
    public OutboxState State { get; set; }
    public DateTime EnqueuedUtc { get; set; }
    /// <summary>Not handled before this instant: the enqueue time, a requested delay, or the next retry.</summary>
    public DateTime DueUtc { get; set; }
    public int Attempts { get; set; }
    /// <summary>While in the future, the node in <see cref="LockedBy"/> owns the entry.</summary>
    public DateTime? LockedUntilUtc { get; set; }
    public string? LockedBy { get; set; }
    public DateTime? CompletedUtc { get; set; }
    public string? LastError { get; set; }
}
