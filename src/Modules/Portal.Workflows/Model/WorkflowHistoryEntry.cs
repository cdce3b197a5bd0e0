namespace Portal.Workflows.Model;

/// <summary>One step of an instance's history: its start or a transition, who fired it and the subject as it was.</summary>
public sealed class WorkflowHistoryEntry
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid InstanceId { get; set; }
    public DateTime Utc { get; set; }
    /// <summary>Null for the start.</summary>
    public string? Transition { get; set; }
    public string? FromState { get; set; }
    public required string ToState { get; set; }
    public Guid? ActorId { get; set; }
    public required string ActorName { get; set; }
    public string? ActorRole { get; set; }
    public string? Comment { get; set; }
    /// <summary>The subject's fields that matter at that moment (JSON object).</summary>
    public required string SnapshotJson { get; set; }
}
