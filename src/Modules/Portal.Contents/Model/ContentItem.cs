namespace Portal.Contents.Model;

/// <summary>A content item; what it says lives in its versions.</summary>
public sealed class ContentItem
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string ContentType { get; set; }
    public ContentStatus Status { get; set; }
    public string? Slug { get; set; }
    /// <summary>The Avviso a Finestra or Graduatoria belongs to.</summary>
    public Guid? ParentId { get; set; }
    /// <summary>Title of the latest version, for admin lists.</summary>
    public required string Title { get; set; }
    public int LatestVersion { get; set; }
    public int? PublishedVersion { get; set; }
    public DateTime? PublishAtUtc { get; set; }
    public DateTime? UnpublishAtUtc { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime ModifiedUtc { get; set; }
    public DateTime? FirstPublishedUtc { get; set; }
    public string? CreatedBy { get; set; }
    public string? ModifiedBy { get; set; }
    /// <summary>Optimistic concurrency: bumped by every change.</summary>
    public int Revision { get; set; }

    public bool HasUnpublishedChanges => PublishedVersion != LatestVersion;
}

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
}
