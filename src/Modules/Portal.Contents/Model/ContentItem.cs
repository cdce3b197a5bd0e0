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

    /// <summary>The latest version becomes the public one (and any scheduled publication is done).</summary>
    public void MarkPublished(string by, DateTime nowUtc)
    {
        PublishedVersion = LatestVersion;
        Status = ContentStatus.Pubblicato;
        FirstPublishedUtc ??= nowUtc;
        PublishAtUtc = null;
        ModifiedUtc = nowUtc;
        ModifiedBy = by;
        Revision++;
    }

    /// <summary>Off the public site (Archiviato), versions kept (and any scheduled withdrawal is done).</summary>
    public void MarkWithdrawn(string by, DateTime nowUtc)
    {
        PublishedVersion = null;
        Status = ContentStatus.Archiviato;
        UnpublishAtUtc = null;
        ModifiedUtc = nowUtc;
        ModifiedBy = by;
        Revision++;
    }
}
