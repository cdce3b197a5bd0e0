namespace Portal.Workflows.Model;

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
