namespace Portal.Contents.Model;

/// <summary>
/// The published version of a public item as the site lists and searches it (one row per published Avviso, Finestra,
/// Graduatoria or Pagina), kept in step with the item by <see cref="Portal.Contents.Data.ContentSearchSync"/>.
/// The full-text index over it is provider SQL (PostgreSQL: a generated tsvector column; SQLite: an FTS5 table fed by
/// triggers), created by the AddSearch migrations.
/// </summary>
public sealed class ContentSearchEntry
{
    /// <summary>An integer key: the FTS5 table's rowid on SQLite.</summary>
    public long Id { get; set; }
    public Guid ItemId { get; set; }
    public required string ContentType { get; set; }
    public string? Slug { get; set; }
    public Guid? ParentId { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public string? Body { get; set; }
    public string? Categoria { get; set; }
    public string? Servizio { get; set; }
    public DateTime? PublishedUtc { get; set; }
    /// <summary>A Finestra's opening and closing, for the avvisi list's "stato" filter.</summary>
    public DateTime? OpensAtUtc { get; set; }
    public DateTime? ClosesAtUtc { get; set; }

    /// <summary>Types the public site lists or searches (service banners are not).</summary>
    public static bool Indexes(string contentType) =>
        contentType is ContentTypes.Avviso or ContentTypes.Finestra or ContentTypes.Graduatoria or ContentTypes.Pagina;

    public void CopyFrom(ContentItem item, ContentVersion version, ContentData data)
    {
        ContentType = item.ContentType;
        Slug = item.Slug;
        ParentId = item.ParentId;
        Title = version.Title;
        Summary = version.Summary;
        Body = version.Body;
        Categoria = data.Categoria;
        Servizio = data.Servizio;
        PublishedUtc = item.FirstPublishedUtc;
        OpensAtUtc = data.OpensAtUtc;
        ClosesAtUtc = data.ClosesAtUtc;
    }
}
