namespace Portal.Workflows.Data;

/// <summary>One version of a definition; versions are never changed, an edit adds a new one.</summary>
public sealed class StoredDefinition
{
    public long Id { get; set; }
    public required string Code { get; set; }
    public int Version { get; set; }
    public required string Name { get; set; }
    public required string SubjectType { get; set; }
    public required string Json { get; set; }
    public DateTime CreatedUtc { get; set; }
    public required string CreatedBy { get; set; }
    /// <summary>What changed from the previous version, in Italian.</summary>
    public string? Changes { get; set; }
}

/// <summary>The workflow of one subject. It stays on the definition version it started with.</summary>
public sealed class WorkflowInstance
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string DefinitionCode { get; set; }
    public int DefinitionVersion { get; set; }
    public required string SubjectType { get; set; }
    public required string SubjectId { get; set; }
    public required string State { get; set; }
    public Guid? OwnerPersonId { get; set; }
    /// <summary>"Type:Value" (e.g. "Comune:042002"): operators must hold it to fire by permission.</summary>
    public string? Scope { get; set; }
    public DateTime StartedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    /// <summary>Grows by one at each transition; a firing that read an older value loses (optimistic concurrency).</summary>
    public int Revision { get; set; }
}

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

public enum TimerStatus
{
    Pending,
    Fired,
    Cancelled,
    Failed,
}

/// <summary>A durable timer: fires <see cref="Transition"/> at <see cref="DueUtc"/> if the instance is still in <see cref="State"/>.</summary>
public sealed class WorkflowTimer
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid InstanceId { get; set; }
    public required string State { get; set; }
    public required string Transition { get; set; }
    public DateTime DueUtc { get; set; }
    public TimerStatus Status { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? DoneUtc { get; set; }
    public string? Error { get; set; }
}
