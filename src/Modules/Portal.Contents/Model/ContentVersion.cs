namespace Portal.Contents.Model;

/// <summary>One saved state of an item. Versions are never changed after they are written.</summary>
public sealed class ContentVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ItemId { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    /// <summary>Markdown.</summary>
    public string? Body { get; set; }
    /// <summary>The type's own fields (see <see cref="ContentData"/>), as JSON.</summary>
    public required string DataJson { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string? CreatedBy { get; set; }
    public string? Note { get; set; }
    public List<ContentAttachment> Attachments { get; set; } = [];
}
