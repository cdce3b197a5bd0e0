using Portal.Contents.Model;

namespace Portal.Contents.Services;

/// <summary>One published content found by the site search, with its public address.</summary>
public sealed record SiteSearchResult(string ContentType, string Title, string? Summary, string Url, DateTime? PublishedUtc)
{
    /// <summary>What the site search looks in (windows are shown on their avviso's page).</summary>
    public static readonly string[] Types = [ContentTypes.Avviso, ContentTypes.Pagina, ContentTypes.Graduatoria];

    /// <summary>The "tipo" filter of /cerca (avvisi, pagine, graduatorie) as a content type.</summary>
    public static string? TypeOf(string tipo) => tipo.Trim().ToLowerInvariant() switch
    {
        "avvisi" => ContentTypes.Avviso,
        "pagine" => ContentTypes.Pagina,
        "graduatorie" => ContentTypes.Graduatoria,
        _ => null,
    };

    public string TypeLabel => ContentType switch
    {
        ContentTypes.Avviso => "Avviso",
        ContentTypes.Pagina => "Pagina informativa",
        ContentTypes.Graduatoria => "Graduatoria",
        _ => ContentTypes.Label(ContentType),
    };

    public static SiteSearchResult From(ContentSearchEntry e) => new(e.ContentType, e.Title, e.Summary, e.ContentType switch
    {
        ContentTypes.Avviso => $"/avvisi/{e.Slug}",
        ContentTypes.Pagina => $"/pagine/{e.Slug}",
        _ => $"/graduatorie/{e.ItemId}",
    }, e.PublishedUtc);
}
