using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Contents.Data;
using Portal.Contents.Model;
using Portal.Contents.Services.Validation;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Core.Files;
using Portal.Core.Time;
using static Portal.Contents.Services.Validation.ContentFields;

namespace Portal.Contents.Services;

/// <summary>
/// The lifecycle of a content item: create, save a draft version, publish, withdraw, schedule, restore an old version.
/// Every change is one unit of work and audited; what an editor submits is checked by <see cref="ContentValidation"/>,
/// scheduled changes are carried out by <see cref="ContentScheduleRunner"/>.
/// </summary>
public sealed class ContentService(
    ContentsDbContext db, ContentValidation validation, IUnitOfWork unitOfWork, IFileStore files, IAuditTrail audit, TimeProvider clock,
    IOptions<ContentsOptions> options)
{
    private static readonly FilePolicy DefaultPolicy = new(
        [FileTypeSniffer.Pdf, FileTypeSniffer.Xlsx, FileTypeSniffer.Docx, FileTypeSniffer.Odt, FileTypeSniffer.Ods], 0);

    public async Task<ContentItem> CreateAsync(string type, ContentInput input, IReadOnlyList<NewAttachment> newFiles, string by, CancellationToken ct = default)
    {
        if (!ContentTypes.All.Contains(type)) throw PortalException.Invalid("tipo", "Tipo di contenuto sconosciuto.");
        var now = clock.GetUtcNow().UtcDateTime;
        var item = new ContentItem { ContentType = type, Title = "", Status = ContentStatus.Bozza, CreatedUtc = now, CreatedBy = by };
        var (version, slug, parent) = await validation.BuildVersionAsync(item, input, previous: null, ct);
        await using var work = await unitOfWork.BeginAsync(ct);
        await AttachFilesAsync(version, newFiles, by, ct);
        item.LatestVersion = 1;
        version.Number = 1;
        version.ItemId = item.Id;
        version.CreatedUtc = now;
        version.CreatedBy = by;
        Touch(item, version, by, slug, parent);
        db.Items.Add(item);
        db.Versions.Add(version);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("Contenuto.Creato", ContentAudit.Subject(item), $"Versione 1");
        await work.CompleteAsync(ct);
        return item;
    }

    /// <summary>
    /// Saves the editor's changes as a new version (the published one, if any, stays public). A scheduled publication
    /// ends: it was set for the version the editor had in front of them, and the timer publishes the latest one.
    /// </summary>
    public async Task<ContentItem> SaveDraftAsync(Guid id, int expectedRevision, ContentInput input, IReadOnlyList<NewAttachment> newFiles, string by, CancellationToken ct = default)
    {
        var item = await LoadForChangeAsync(id, expectedRevision, ct);
        var previous = await db.Versions.Include(v => v.Attachments).AsNoTracking()
            .FirstAsync(v => v.ItemId == id && v.Number == item.LatestVersion, ct);
        var (version, slug, parent) = await validation.BuildVersionAsync(item, input, previous, ct);
        await using var work = await unitOfWork.BeginAsync(ct);
        await AttachFilesAsync(version, newFiles, by, ct);
        version.ItemId = item.Id;
        version.Number = item.LatestVersion + 1;
        version.CreatedUtc = clock.GetUtcNow().UtcDateTime;
        version.CreatedBy = by;
        item.LatestVersion = version.Number;
        Touch(item, version, by, slug, parent);
        var unscheduled = EndScheduledPublication(item);
        db.Versions.Add(version);
        await SaveItemAsync(ct);
        await audit.RecordAsync("Contenuto.Salvato", ContentAudit.Subject(item), $"Versione {version.Number}{unscheduled}");
        await work.CompleteAsync(ct);
        return item;
    }

    /// <summary>Publishes the latest version (or the given one).</summary>
    public async Task<ContentItem> PublishAsync(Guid id, int? expectedRevision, string by, CancellationToken ct = default)
    {
        var item = await LoadForChangeAsync(id, expectedRevision, ct);
        await using var work = await unitOfWork.BeginAsync(ct);
        item.MarkPublished(by, clock.GetUtcNow().UtcDateTime);
        await SaveItemAsync(ct);
        await audit.RecordAsync("Contenuto.Pubblicato", ContentAudit.Subject(item), $"Versione {item.PublishedVersion}");
        await work.CompleteAsync(ct);
        return item;
    }

    /// <summary>Takes the item off the public site (Archiviato); its versions are kept.</summary>
    public async Task<ContentItem> UnpublishAsync(Guid id, int? expectedRevision, string by, CancellationToken ct = default)
    {
        var item = await LoadForChangeAsync(id, expectedRevision, ct);
        await using var work = await unitOfWork.BeginAsync(ct);
        item.MarkWithdrawn(by, clock.GetUtcNow().UtcDateTime);
        await SaveItemAsync(ct);
        await audit.RecordAsync("Contenuto.Ritirato", ContentAudit.Subject(item), null);
        await work.CompleteAsync(ct);
        return item;
    }

    /// <summary>Sets (or clears, with null) the instants at which the latest version is published and the item withdrawn.</summary>
    public async Task<ContentItem> ScheduleAsync(Guid id, int? expectedRevision, DateTime? publishAtLocal, DateTime? unpublishAtLocal, string by, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        var publishAt = ToUtc(publishAtLocal, "PublishAt", errors);
        var unpublishAt = ToUtc(unpublishAtLocal, "UnpublishAt", errors);
        var now = clock.GetUtcNow().UtcDateTime;
        if (publishAt is not null && publishAt <= now) errors.TryAdd("PublishAt", "La data di pubblicazione programmata deve essere futura.");
        if (unpublishAt is not null && unpublishAt <= now) errors.TryAdd("UnpublishAt", "La data di ritiro programmato deve essere futura.");
        if (publishAt is not null && unpublishAt is not null && unpublishAt <= publishAt)
            errors.TryAdd("UnpublishAt", "Il ritiro deve essere successivo alla pubblicazione.");
        if (errors.Count > 0) throw PortalException.Invalid(errors);
        var item = await LoadForChangeAsync(id, expectedRevision, ct);
        await using var work = await unitOfWork.BeginAsync(ct);
        item.PublishAtUtc = publishAt;
        item.UnpublishAtUtc = unpublishAt;
        item.ModifiedUtc = now;
        item.ModifiedBy = by;
        await SaveItemAsync(ct);
        await audit.RecordAsync("Contenuto.Programmato", ContentAudit.Subject(item),
            $"Pubblicazione: {(publishAt is null ? "nessuna" : RomeTime.Format(publishAt.Value))}; ritiro: {(unpublishAt is null ? "nessuno" : RomeTime.Format(unpublishAt.Value))}");
        await work.CompleteAsync(ct);
        return item;
    }

    /// <summary>Makes an old version the latest again, as a new draft version (history is never rewritten).</summary>
    public async Task<ContentItem> RestoreAsync(Guid id, int versionNumber, int? expectedRevision, string by, CancellationToken ct = default)
    {
        var item = await LoadForChangeAsync(id, expectedRevision, ct);
        var old = await db.Versions.Include(v => v.Attachments).AsNoTracking()
            .FirstOrDefaultAsync(v => v.ItemId == id && v.Number == versionNumber, ct) ?? throw ContentErrors.NotFound();
        await using var work = await unitOfWork.BeginAsync(ct);
        var version = new ContentVersion
        {
            ItemId = id,
            Number = item.LatestVersion + 1,
            Title = old.Title,
            Summary = old.Summary,
            Body = old.Body,
            DataJson = old.DataJson,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = by,
            Note = $"Ripristino della versione {versionNumber}",
            Attachments = old.Attachments.Select(a => a.Copy()).ToList(),
        };
        item.LatestVersion = version.Number;
        // Address and parent belong to the item, not to a version: a restore keeps the current ones.
        Touch(item, version, by, item.Slug, item.ParentId);
        var unscheduled = EndScheduledPublication(item);
        db.Versions.Add(version);
        await SaveItemAsync(ct);
        await audit.RecordAsync("Contenuto.Ripristinato", ContentAudit.Subject(item), $"Versione {versionNumber} ripristinata come versione {version.Number}{unscheduled}");
        await work.CompleteAsync(ct);
        return item;
    }

    /// <summary>As long as the attachment's title column.</summary>
    public const int AttachmentTitleMaxLength = 200;

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max].TrimEnd();

    /// <summary>Clears a pending scheduled publication; the words for the audit trail, empty when there was none.</summary>
    private static string EndScheduledPublication(ContentItem item)
    {
        if (item.PublishAtUtc is not DateTime at) return "";
        item.PublishAtUtc = null;
        return $"; pubblicazione programmata per il {RomeTime.Format(at)} annullata";
    }

    private void Touch(ContentItem item, ContentVersion version, string by, string? slug, Guid? parent)
    {
        item.Title = version.Title;
        item.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
        item.ModifiedBy = by;
        item.Revision++;
        if (ContentTypes.HasSlug(item.ContentType)) item.Slug = slug;
        if (ContentTypes.HasParent(item.ContentType)) item.ParentId = parent;
    }

    private async Task<ContentItem> LoadForChangeAsync(Guid id, int? expectedRevision, CancellationToken ct)
    {
        var item = await db.Items.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw ContentErrors.NotFound();
        if (expectedRevision is not null)
        {
            if (item.Revision != expectedRevision) throw ContentErrors.Conflict();
            db.Entry(item).Property(i => i.Revision).OriginalValue = expectedRevision.Value;
        }
        return item;
    }

    private async Task SaveItemAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw ContentErrors.Conflict();
        }
    }

    /// <summary>Stores the new files (type and size checked by the file store) and adds them after the kept ones.</summary>
    private async Task AttachFilesAsync(ContentVersion version, IReadOnlyList<NewAttachment> newFiles, string by, CancellationToken ct)
    {
        if (newFiles.Count == 0) return;
        var opts = options.Value;
        if (version.Attachments.Count + newFiles.Count > opts.MaxAttachments)
            throw PortalException.Invalid("Allegati", $"Al massimo {opts.MaxAttachments} allegati per contenuto.");
        // Before any file is stored: the title column holds 200 characters.
        if (newFiles.FirstOrDefault(f => f.Title?.Trim().Length > AttachmentTitleMaxLength) is { } tooLong)
            throw PortalException.Invalid("Allegati", $"Il titolo dell'allegato «{tooLong.FileName}» può avere al massimo {AttachmentTitleMaxLength} caratteri.");
        var policy = DefaultPolicy with { MaxBytes = opts.MaxAttachmentBytes };
        var order = version.Attachments.Count;
        foreach (var f in newFiles)
        {
            StoredFile stored;
            try
            {
                stored = await files.AddAsync(f.FileName, f.Content, policy, by, ct);
            }
            catch (FileRejectedException e)
            {
                throw PortalException.Invalid("Allegati", e.Message);
            }
            version.Attachments.Add(new ContentAttachment
            {
                FileId = stored.Id,
                Title = string.IsNullOrWhiteSpace(f.Title) ? Truncate(Path.GetFileNameWithoutExtension(stored.FileName), AttachmentTitleMaxLength) : f.Title.Trim(),
                FileName = stored.FileName,
                ContentType = stored.ContentType,
                Length = stored.Length,
                Sha256 = stored.Sha256,
                Order = ++order,
            });
        }
    }
}
