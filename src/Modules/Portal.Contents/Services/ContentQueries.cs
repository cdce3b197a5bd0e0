using Microsoft.EntityFrameworkCore;
using Portal.Contents.Data;
using Portal.Contents.Model;
using Portal.Contents.Contracts;
using Portal.Core.Contracts;

using Portal.Core.Text;
using Portal.Core.Data;

namespace Portal.Contents.Services;

/// <summary>A published item with its published version, as the public site shows it.</summary>
public sealed record PublishedContent(ContentItem Item, ContentVersion Version, ContentData Data);

public sealed record AvvisoFilter(string? Q, string? Categoria, string? Stato, int Page = 1, int PageSize = 10);

public sealed record AdminFilter(string? Tipo, ContentStatus? Stato, string? Q);

/// <summary>Read side of the content: public (published only) and admin (everything).</summary>
public sealed class ContentQueries(ContentsDbContext db, TimeProvider clock)
{
    public Task<ContentItem?> GetItemAsync(Guid id, CancellationToken ct = default) =>
        db.Items.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);

    public Task<ContentVersion?> GetVersionAsync(Guid itemId, int number, CancellationToken ct = default) =>
        db.Versions.AsNoTracking().Include(v => v.Attachments).FirstOrDefaultAsync(v => v.ItemId == itemId && v.Number == number, ct);

    public Task<List<ContentVersion>> GetVersionsAsync(Guid itemId, CancellationToken ct = default) =>
        db.Versions.AsNoTracking().Include(v => v.Attachments).Where(v => v.ItemId == itemId).OrderByDescending(v => v.Number).ToListAsync(ct);

    public async Task<List<ContentItem>> ListAdminAsync(AdminFilter filter, CancellationToken ct = default)
    {
        var q = db.Items.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Tipo)) q = q.Where(i => i.ContentType == filter.Tipo);
        if (filter.Stato is not null) q = q.Where(i => i.Status == filter.Stato);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var text = LikePattern.Containing(filter.Q);
            q = q.Where(i => EF.Functions.Like(i.Title.ToLower(), text, LikePattern.Escape));
        }
        return await q.OrderByDescending(i => i.ModifiedUtc).Take(500).ToListAsync(ct);
    }

    public async Task<List<ContentItem>> ListAvvisiForPickerAsync(CancellationToken ct = default) =>
        await db.Items.AsNoTracking().Where(i => i.ContentType == ContentTypes.Avviso).OrderBy(i => i.Title).ToListAsync(ct);

    public async Task<List<ContentItem>> ListFinestreForPickerAsync(CancellationToken ct = default) =>
        await db.Items.AsNoTracking().Where(i => i.ContentType == ContentTypes.Finestra).OrderBy(i => i.Title).ToListAsync(ct);

    public async Task<PublishedContent?> GetPublishedBySlugAsync(string type, string slug, CancellationToken ct = default)
    {
        var item = await db.Items.AsNoTracking().FirstOrDefaultAsync(i => i.ContentType == type && i.Slug == slug && i.Status == ContentStatus.Pubblicato, ct);
        return item is null ? null : await WithPublishedVersionAsync(item, ct);
    }

    public async Task<PublishedContent?> GetPublishedAsync(Guid id, CancellationToken ct = default)
    {
        var item = await db.Items.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.Status == ContentStatus.Pubblicato, ct);
        return item is null ? null : await WithPublishedVersionAsync(item, ct);
    }

    /// <summary>Published items of a type (with their published versions), newest first.</summary>
    public async Task<List<PublishedContent>> ListPublishedAsync(string type, Guid? parentId = null, CancellationToken ct = default)
    {
        var q = from i in db.Items.AsNoTracking()
                join v in db.Versions.AsNoTracking().Include(v => v.Attachments) on new { Id = i.Id, N = i.PublishedVersion ?? -1 } equals new { Id = v.ItemId, N = v.Number }
                where i.ContentType == type && i.Status == ContentStatus.Pubblicato
                select new { i, v };
        if (parentId is not null) q = q.Where(x => x.i.ParentId == parentId);
        var rows = await q.ToListAsync(ct);
        return rows.Select(r => new PublishedContent(r.i, r.v, ContentData.FromJson(r.v.DataJson)))
            .OrderByDescending(p => p.Item.FirstPublishedUtc).ToList();
    }

    /// <summary>
    /// The published windows of an Avviso, earliest first, from their search entries (written in the same save as every
    /// publication or withdrawal): a few columns of one indexed table, as the sending of an application reads them on
    /// every request, instead of the content rows with their JSON.
    /// </summary>
    public async Task<List<FinestraInfo>> PublishedFinestreAsync(Guid avvisoId, CancellationToken ct = default)
    {
        var list = new List<FinestraInfo>();
        await foreach (var f in FinestreOf(db, avvisoId).WithCancellation(ct)) list.Add(f);
        return list;
    }

    // Compiled: read on every sending of an application (see above).
    private static readonly Func<ContentsDbContext, Guid, IAsyncEnumerable<FinestraInfo>> FinestreOf = EF.CompileAsyncQuery(
        (ContentsDbContext db, Guid avvisoId) => db.SearchEntries.AsNoTracking()
            .Where(s => s.ContentType == ContentTypes.Finestra && s.ParentId == avvisoId && s.OpensAtUtc != null && s.ClosesAtUtc != null)
            .OrderBy(s => s.OpensAtUtc).ThenByDescending(s => s.PublishedUtc)
            .Select(s => new FinestraInfo(s.ItemId, avvisoId, s.Title, s.OpensAtUtc!.Value, s.ClosesAtUtc!.Value)));

    /// <summary>
    /// Public list of avvisi, paged in the database: full-text search (<see cref="ContentSearch"/>, most relevant first),
    /// category, and "stato" derived from the avviso's published windows at this instant; newest first without a text.
    /// A text that cannot be searched (<see cref="SearchText.Error"/>) finds nothing.
    /// </summary>
    public async Task<(List<PublishedContent> Items, int Total)> SearchAvvisiAsync(AvvisoFilter filter, CancellationToken ct = default)
    {
        var text = SearchText.Parse(filter.Q);
        if (!text.IsEmpty && !text.CanSearch) return ([], 0);
        var avvisi = db.SearchEntries.AsNoTracking().Where(s => s.ContentType == ContentTypes.Avviso);
        if (!string.IsNullOrWhiteSpace(filter.Categoria))
        {
            var categoria = filter.Categoria.Trim().ToLower();
            avvisi = avvisi.Where(s => s.Categoria != null && s.Categoria.ToLower() == categoria);
        }
        if (!string.IsNullOrWhiteSpace(filter.Stato))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var finestre = db.SearchEntries.Where(f => f.ContentType == ContentTypes.Finestra && f.OpensAtUtc != null && f.ClosesAtUtc != null);
            avvisi = filter.Stato switch
            {
                "aperti" => avvisi.Where(a => finestre.Any(f => f.ParentId == a.ItemId && f.OpensAtUtc <= now && now < f.ClosesAtUtc)),
                "in-arrivo" => avvisi.Where(a => !finestre.Any(f => f.ParentId == a.ItemId && f.OpensAtUtc <= now && now < f.ClosesAtUtc)
                    && finestre.Any(f => f.ParentId == a.ItemId && now < f.OpensAtUtc)),
                "chiusi" => avvisi.Where(a => !finestre.Any(f => f.ParentId == a.ItemId && now < f.ClosesAtUtc)),
                _ => avvisi,
            };
        }
        var (ids, total) = await PageAsync(avvisi, text, filter.Page, filter.PageSize, ct);
        return (await LoadPublishedAsync(ids, ct), total);
    }

    /// <summary>The newest published avvisi, limited in the database (the home's "ultimi avvisi").</summary>
    public async Task<List<PublishedContent>> LatestAvvisiAsync(int count, CancellationToken ct = default)
    {
        var ids = await db.SearchEntries.AsNoTracking().Where(s => s.ContentType == ContentTypes.Avviso)
            .OrderByDescending(s => s.PublishedUtc).ThenByDescending(s => s.Id).Take(count).Select(s => s.ItemId).ToListAsync(ct);
        return await LoadPublishedAsync(ids, ct);
    }

    /// <summary>Published avvisi that open a service (all of them, or those of one service code, case-insensitive), newest first.</summary>
    public async Task<List<PublishedContent>> AvvisiWithServiceAsync(string? serviceCode = null, CancellationToken ct = default)
    {
        var q = db.SearchEntries.AsNoTracking().Where(s => s.ContentType == ContentTypes.Avviso && s.Servizio != null);
        if (serviceCode is not null)
        {
            var code = serviceCode.ToLower();
            q = q.Where(s => s.Servizio!.ToLower() == code);
        }
        var ids = await q.OrderByDescending(s => s.PublishedUtc).ThenByDescending(s => s.Id).Take(200).Select(s => s.ItemId).ToListAsync(ct);
        return await LoadPublishedAsync(ids, ct);
    }

    /// <summary>Published windows of the given avvisi, in one query.</summary>
    public async Task<List<PublishedContent>> FinestreOfAsync(IReadOnlyCollection<Guid> avvisoIds, CancellationToken ct = default)
    {
        var ids = await db.SearchEntries.AsNoTracking()
            .Where(s => s.ContentType == ContentTypes.Finestra && s.ParentId != null && avvisoIds.Contains(s.ParentId.Value))
            .Select(s => s.ItemId).ToListAsync(ct);
        return await LoadPublishedAsync(ids, ct);
    }

    /// <summary>The site search (/cerca): published avvisi, pages and graduatorie matching the text, most relevant first.</summary>
    public async Task<(List<SiteSearchResult> Items, int Total)> SearchSiteAsync(SearchText text, string? tipo, int page, int pageSize, CancellationToken ct = default)
    {
        if (!text.CanSearch) return ([], 0);
        var types = tipo is not null && SiteSearchResult.TypeOf(tipo) is { } one ? [one] : SiteSearchResult.Types;
        var entries = db.SearchEntries.AsNoTracking().Where(s => types.Contains(s.ContentType));
        var (ids, total) = await PageAsync(entries, text, page, pageSize, ct);
        var rows = await db.SearchEntries.AsNoTracking().Where(s => ids.Contains(s.ItemId)).ToListAsync(ct);
        var byId = rows.ToDictionary(r => r.ItemId);
        return (ids.Where(byId.ContainsKey).Select(id => SiteSearchResult.From(byId[id])).ToList(), total);
    }

    /// <summary>One page of item ids (and the total), by relevance when there is a text, else newest first.</summary>
    private async Task<(List<Guid> Ids, int Total)> PageAsync(IQueryable<ContentSearchEntry> entries, SearchText text, int page, int pageSize, CancellationToken ct)
    {
        var skip = Paging.Skip(page, pageSize);
        if (text.IsEmpty)
        {
            var total = await entries.CountAsync(ct);
            var ids = await entries.OrderByDescending(s => s.PublishedUtc).ThenByDescending(s => s.Id).Skip(skip).Take(pageSize).Select(s => s.ItemId).ToListAsync(ct);
            return (ids, total);
        }
        var hits = from s in entries
                   join h in ContentSearch.Hits(db, text) on s.Id equals h.Id
                   select new { s.ItemId, s.Id, s.PublishedUtc, h.Rank };
        var count = await hits.CountAsync(ct);
        var found = await hits.OrderByDescending(x => x.Rank).ThenByDescending(x => x.PublishedUtc).ThenByDescending(x => x.Id)
            .Skip(skip).Take(pageSize).Select(x => x.ItemId).ToListAsync(ct);
        return (found, count);
    }

    /// <summary>The published items with these ids and their published versions, in the order of the ids.</summary>
    private async Task<List<PublishedContent>> LoadPublishedAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var rows = await (from i in db.Items.AsNoTracking()
                          join v in db.Versions.AsNoTracking().Include(v => v.Attachments) on new { Id = i.Id, N = i.PublishedVersion ?? -1 } equals new { Id = v.ItemId, N = v.Number }
                          where ids.Contains(i.Id) && i.Status == ContentStatus.Pubblicato
                          select new { i, v }).ToListAsync(ct);
        var byId = rows.ToDictionary(r => r.i.Id);
        return ids.Where(byId.ContainsKey).Select(id => new PublishedContent(byId[id].i, byId[id].v, ContentData.FromJson(byId[id].v.DataJson))).ToList();
    }

    /// <summary>Titles of published items, by id (e.g. the avvisi of the graduatorie listed).</summary>
    public async Task<Dictionary<Guid, string>> PublishedTitlesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default) =>
        await db.SearchEntries.AsNoTracking().Where(s => ids.Contains(s.ItemId)).ToDictionaryAsync(s => s.ItemId, s => s.Title, ct);

    public async Task<List<string>> ListCategorieAsync(CancellationToken ct = default) =>
        (await db.SearchEntries.AsNoTracking().Where(s => s.ContentType == ContentTypes.Avviso && s.Categoria != null)
            .Select(s => s.Categoria!).Distinct().OrderBy(c => c).Take(500).ToListAsync(ct))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Create(Portal.Core.Time.RomeTime.Italian, true)).ToList();

    /// <summary>True when the file is attached to the published version of a published item.</summary>
    public Task<bool> IsPublicAttachmentAsync(Guid fileId, CancellationToken ct = default) =>
        (from a in db.Attachments
         join v in db.Versions on a.VersionId equals v.Id
         join i in db.Items on v.ItemId equals i.Id
         where a.FileId == fileId && i.Status == ContentStatus.Pubblicato && i.PublishedVersion == v.Number
         select a.Id).AnyAsync(ct);

    public Task<bool> IsAnyAttachmentAsync(Guid fileId, CancellationToken ct = default) =>
        db.Attachments.AnyAsync(a => a.FileId == fileId, ct);

    private async Task<PublishedContent?> WithPublishedVersionAsync(ContentItem item, CancellationToken ct)
    {
        if (item.PublishedVersion is null) return null;
        var version = await GetVersionAsync(item.Id, item.PublishedVersion.Value, ct);
        return version is null ? null : new PublishedContent(item, version, ContentData.FromJson(version.DataJson));
    }
}
