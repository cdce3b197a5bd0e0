namespace Portal.Contents.Model;

/// <summary>A file attached to a version (the file itself is in Core's file store).</summary>
public sealed class ContentAttachment
{
    public long Id { get; set; }
    public Guid VersionId { get; set; }
    public Guid FileId { get; set; }
    public required string Title { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required string Sha256 { get; set; }
    public int Order { get; set; }

    /// <summary>The same file for a new version (a new row; the stored file is shared).</summary>
    public ContentAttachment Copy() => new()
    {
        FileId = FileId, Title = Title, FileName = FileName, ContentType = ContentType, Length = Length, Sha256 = Sha256, Order = Order,
    };
}
