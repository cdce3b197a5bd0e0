using Microsoft.EntityFrameworkCore;
using Portal.Contents.Model;

namespace Portal.Contents.Data;

/// <summary>
/// Before every save of <see cref="ContentsDbContext"/>: an item whose public face changed (published, withdrawn,
/// another version published, new address or parent) gets its <see cref="ContentSearchEntry"/> written or removed in
/// the same save, whichever path changed it (editor, schedule, recipe, a service's publication).
/// </summary>
internal static class ContentSearchSync
{
    private static readonly string[] Watched =
        [nameof(ContentItem.Status), nameof(ContentItem.PublishedVersion), nameof(ContentItem.Slug), nameof(ContentItem.ParentId), nameof(ContentItem.FirstPublishedUtc)];

    public static async Task ApplyAsync(ContentsDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var changed = db.ChangeTracker.Entries<ContentItem>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted
                || (e.State == EntityState.Modified && Watched.Any(p => e.Property(p).IsModified)))
            .Select(e => (e.Entity, Deleted: e.State == EntityState.Deleted))
            .ToList();
        foreach (var (item, deleted) in changed)
        {
            if (!ContentSearchEntry.Indexes(item.ContentType)) continue;
            var entry = db.SearchEntries.Local.FirstOrDefault(s => s.ItemId == item.Id)
                ?? await db.SearchEntries.FirstOrDefaultAsync(s => s.ItemId == item.Id, ct);
            var version = deleted || item.Status != ContentStatus.Pubblicato || item.PublishedVersion is not int number
                ? null
                : db.ChangeTracker.Entries<ContentVersion>().Select(v => v.Entity).FirstOrDefault(v => v.ItemId == item.Id && v.Number == number)
                    ?? await db.Versions.AsNoTracking().FirstOrDefaultAsync(v => v.ItemId == item.Id && v.Number == number, ct);
            if (version is null)
            {
                if (entry is not null) db.SearchEntries.Remove(entry);
                continue;
            }
            if (entry is null)
            {
                entry = new ContentSearchEntry { ItemId = item.Id, ContentType = item.ContentType, Title = version.Title };
                db.SearchEntries.Add(entry);
            }
            entry.CopyFrom(item, version, ContentData.FromJson(version.DataJson));
        }
    }
}
