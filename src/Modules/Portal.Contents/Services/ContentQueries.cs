using Microsoft.EntityFrameworkCore;
using Portal.Contents.Data;
using Portal.Contents.Model;
using Portal.Contents.Contracts;
using Portal.Core.Contracts;

using Portal.Core.Text;

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

    /// <summary>Public list of avvisi, with text search and filters; "stato" is derived from the avviso's windows.</summary>
    public async Task<(List<PublishedContent> Items, int Total)> SearchAvvisiAsync(AvvisoFilter filter, CancellationToken ct = default)
    {
        var avvisi = await ListPublishedAsync(ContentTypes.Avviso, ct: ct);
        IEnumerable<PublishedContent> result = avvisi;
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var words = filter.Q.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            result = result.Where(a =>
            {
                var text = $"{a.Version.Title} {a.Version.Summary} {a.Version.Body} {a.Data.Categoria}".ToLowerInvariant();
                return words.All(w => text.Contains(w, StringComparison.Ordinal));
            });
        }
        if (!string.IsNullOrWhiteSpace(filter.Categoria))
            result = result.Where(a => string.Equals(a.Data.Categoria, filter.Categoria, StringComparison.OrdinalIgnoreCase));
        if (!string.IsNullOrWhiteSpace(filter.Stato))
        {
            var finestre = await ListPublishedAsync(ContentTypes.Finestra, ct: ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var states = finestre.Where(f => f.Item.ParentId is not null && f.Data.OpensAtUtc is not null && f.Data.ClosesAtUtc is not null)
                .GroupBy(f => f.Item.ParentId!.Value)
                .ToDictionary(g => g.Key, g => g.Select(f => FinestraInfo.StateAt(f.Data.OpensAtUtc!.Value, f.Data.ClosesAtUtc!.Value, now)).ToList());
            result = filter.Stato switch
            {
                "aperti" => result.Where(a => states.TryGetValue(a.Item.Id, out var s) && s.Contains(FinestraState.Aperta)),
                "in-arrivo" => result.Where(a => states.TryGetValue(a.Item.Id, out var s) && !s.Contains(FinestraState.Aperta) && s.Contains(FinestraState.Futura)),
                "chiusi" => result.Where(a => !states.TryGetValue(a.Item.Id, out var s) || s.All(x => x == FinestraState.Chiusa)),
                _ => result,
            };
        }
        var list = result.ToList();
        var page = Math.Max(1, filter.Page);
        return (list.Skip((page - 1) * filter.PageSize).Take(filter.PageSize).ToList(), list.Count);
    }

    public async Task<List<string>> ListCategorieAsync(CancellationToken ct = default) =>
        (await ListPublishedAsync(ContentTypes.Avviso, ct: ct)).Select(a => a.Data.Categoria).OfType<string>()
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
