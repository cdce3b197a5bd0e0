namespace Portal.Core.Outbox;

/// <summary>Configuration section Portal:Outbox.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Portal:Outbox";

    /// <summary>When false no dispatcher runs on this node (tests drive <see cref="OutboxProcessor"/> themselves).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>How long a node owns an entry it took; after that another node may take it again.</summary>
    public int LeaseSeconds { get; set; } = 120;

    public int MaxAttempts { get; set; } = 10;

    /// <summary>First retry delay; it doubles at each attempt, up to one hour.</summary>
    public int RetryBaseSeconds { get; set; } = 10;

    public int BatchSize { get; set; } = 50;
}
