namespace Portal.Workflows.Model;

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
