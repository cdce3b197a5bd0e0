using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Contents.Data;
using Portal.Contents.Model;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Core.Files;
using Portal.Core.Text;
using Portal.Core.Time;

namespace Portal.Contents.Services;

public sealed class ContentsOptions
{
    public const string Section = "Portal:Contents";

    public long MaxAttachmentBytes { get; set; } = 20 * 1024 * 1024;
    public int MaxAttachments { get; set; } = 20;
    public int SchedulerSeconds { get; set; } = 20;
}

/// <summary>Creates, edits, publishes, schedules, archives and restores content. Every change is one transaction and audited.</summary>
public sealed partial class ContentService(
    ContentsDbContext db, IUnitOfWork unitOfWork, IFileStore files, IAuditTrail audit, TimeProvider clock, IOptions<ContentsOptions> options)
{
    private static readonly FilePolicy DefaultPolicy = new(
        [FileTypeSniffer.Pdf, FileTypeSniffer.Xlsx, FileTypeSniffer.Docx, FileTypeSniffer.Odt, FileTypeSniffer.Ods], 0);

    public async Task<ContentItem> CreateAsync(string type, ContentInput input, IReadOnlyList<NewAttachment> newFiles, string by, CancellationToken ct = default)
    {
        if (!ContentTypes.All.Contains(type)) throw PortalException.Invalid("tipo", "Tipo di contenuto sconosciuto.");
        var now = clock.GetUtcNow().UtcDateTime;
        var item = new ContentItem { ContentType = type, Title = "", Status = ContentStatus.Bozza, CreatedUtc = now, CreatedBy = by };
        var (version, slug, parent) = await BuildVersionAsync(item, input, previous: null, ct);
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
        await audit.RecordAsync("Contenuto.Creato", Subject(item), $"Versione 1");
        await work.CompleteAsync(ct);
        return item;
    }

    /// <summary>Saves the editor's changes as a new version (the published one, if any, stays public).</summary>
    public async Task<ContentItem> SaveDraftAsync(Guid id, int expectedRevision, ContentInput input, IReadOnlyList<NewAttachment> newFiles, string by, CancellationToken ct = default)
    {
        var item = await LoadForChangeAsync(id, expectedRevision, ct);
        var previous = await db.Versions.Include(v => v.Attachments).AsNoTracking()
            .FirstAsync(v => v.ItemId == id && v.Number == item.LatestVersion, ct);
        var (version, slug, parent) = await BuildVersionAsync(item, input, previous, ct);
        await using var work = await unitOfWork.BeginAsync(ct);
        await AttachFilesAsync(version, newFiles, by, ct);
        version.ItemId = item.Id;
        version.Number = item.LatestVersion + 1;
        version.CreatedUtc = clock.GetUtcNow().UtcDateTime;
        version.CreatedBy = by;
        item.LatestVersion = version.Number;
        Touch(item, version, by, slug, parent);
        db.Versions.Add(version);
        await SaveItemAsync(ct);
        await audit.RecordAsync("Contenuto.Salvato", Subject(item), $"Versione {version.Number}");
        await work.CompleteAsync(ct);
        return item;
    }

    /// <summary>Publishes the latest version (or the given one).</summary>
    public async Task<ContentItem> PublishAsync(Guid id, int? expectedRevision, string by, CancellationToken ct = default)
    {
        var item = await LoadForChangeAsync(id, expectedRevision, ct);
        await using var work = await unitOfWork.BeginAsync(ct);
        Publish(item, by);
        await SaveItemAsync(ct);
        await audit.RecordAsync("Contenuto.Pubblicato", Subject(item), $"Versione {item.PublishedVersion}");
        await work.CompleteAsync(ct);
        return item;
    }

    /// <summary>Takes the item off the public site (Archiviato); its versions are kept.</summary>
    public async Task<ContentItem> UnpublishAsync(Guid id, int? expectedRevision, string by, CancellationToken ct = default)
    {
        var item = await LoadForChangeAsync(id, expectedRevision, ct);
        await using var work = await unitOfWork.BeginAsync(ct);
        Unpublish(item, by);
        await SaveItemAsync(ct);
        await audit.RecordAsync("Contenuto.Ritirato", Subject(item), null);
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
        await audit.RecordAsync("Contenuto.Programmato", Subject(item),
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
            Attachments = old.Attachments.Select(CopyAttachment).ToList(),
        };
        item.LatestVersion = version.Number;
        // Address and parent belong to the item, not to a version: a restore keeps the current ones.
        Touch(item, version, by, item.Slug, item.ParentId);
        db.Versions.Add(version);
        await SaveItemAsync(ct);
        await audit.RecordAsync("Contenuto.Ripristinato", Subject(item), $"Versione {versionNumber} ripristinata come versione {version.Number}");
        await work.CompleteAsync(ct);
        return item;
    }

    /// <summary>
    /// Publishes and withdraws what is due. Each item is claimed by a conditional update inside its
    /// transaction, so with several nodes exactly one of them acts on it.
    /// </summary>
    public async Task<int> RunDueSchedulesAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var published = await RunDueAsync(
            db.Items.Where(i => i.PublishAtUtc != null && i.PublishAtUtc <= now).Select(i => new Due(i.Id, i.PublishAtUtc!.Value)),
            d => db.Items.Where(i => i.Id == d.Id && i.PublishAtUtc == d.At).ExecuteUpdateAsync(u => u.SetProperty(i => i.PublishAtUtc, (DateTime?)null), ct),
            async item =>
            {
                Publish(item, "pubblicazione programmata");
                await db.SaveChangesAsync(ct);
                await audit.RecordAsync("Contenuto.Pubblicato", Subject(item), $"Versione {item.PublishedVersion} (programmata)");
            }, ct);
        var withdrawn = await RunDueAsync(
            db.Items.Where(i => i.UnpublishAtUtc != null && i.UnpublishAtUtc <= now).Select(i => new Due(i.Id, i.UnpublishAtUtc!.Value)),
            d => db.Items.Where(i => i.Id == d.Id && i.UnpublishAtUtc == d.At).ExecuteUpdateAsync(u => u.SetProperty(i => i.UnpublishAtUtc, (DateTime?)null), ct),
            async item =>
            {
                Unpublish(item, "ritiro programmato");
                await db.SaveChangesAsync(ct);
                await audit.RecordAsync("Contenuto.Ritirato", Subject(item), "Ritiro programmato");
            }, ct);
        return published + withdrawn;
    }

    private sealed record Due(Guid Id, DateTime At);

    /// <summary>For each due item: claim it (clear its instant if unchanged) and act, in one transaction.</summary>
    private async Task<int> RunDueAsync(IQueryable<Due> due, Func<Due, Task<int>> claim, Func<ContentItem, Task> act, CancellationToken ct)
    {
        var done = 0;
        foreach (var d in await due.AsNoTracking().ToListAsync(ct))
        {
            await using var work = await unitOfWork.BeginAsync(ct);
            if (await claim(d) == 1)
            {
                await act(await db.Items.FirstAsync(i => i.Id == d.Id, ct));
                done++;
            }
            await work.CompleteAsync(ct);
            db.ChangeTracker.Clear();
        }
        return done;
    }

    private void Publish(ContentItem item, string by)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        item.PublishedVersion = item.LatestVersion;
        item.Status = ContentStatus.Pubblicato;
        item.FirstPublishedUtc ??= now;
        item.PublishAtUtc = null;
        item.ModifiedUtc = now;
        item.ModifiedBy = by;
        item.Revision++;
    }

    private void Unpublish(ContentItem item, string by)
    {
        item.PublishedVersion = null;
        item.Status = ContentStatus.Archiviato;
        item.UnpublishAtUtc = null;
        item.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
        item.ModifiedBy = by;
        item.Revision++;
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

    private async Task AttachFilesAsync(ContentVersion version, IReadOnlyList<NewAttachment> newFiles, string by, CancellationToken ct)
    {
        if (newFiles.Count == 0) return;
        var opts = options.Value;
        if (version.Attachments.Count + newFiles.Count > opts.MaxAttachments)
            throw PortalException.Invalid("Allegati", $"Al massimo {opts.MaxAttachments} allegati per contenuto.");
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
                Title = string.IsNullOrWhiteSpace(f.Title) ? Path.GetFileNameWithoutExtension(stored.FileName) : f.Title.Trim(),
                FileName = stored.FileName,
                ContentType = stored.ContentType,
                Length = stored.Length,
                Sha256 = stored.Sha256,
                Order = ++order,
            });
        }
        // The files are staged in the file store's context: they are saved with the audit row, in this unit of work.
    }

    private static ContentAttachment CopyAttachment(ContentAttachment a) => new()
    {
        FileId = a.FileId, Title = a.Title, FileName = a.FileName, ContentType = a.ContentType,
        Length = a.Length, Sha256 = a.Sha256, Order = a.Order,
    };

    /// <summary>Validates the input for the item's type and builds the version; throws with one message per field.</summary>
    private async Task<(ContentVersion Version, string? Slug, Guid? Parent)> BuildVersionAsync(ContentItem item, ContentInput input, ContentVersion? previous, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var type = item.ContentType;
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title)) errors["Title"] = type == ContentTypes.AvvisoServizio ? "Il testo dell'avviso è obbligatorio." : "Il titolo è obbligatorio.";
        else if (title.Length > 200) errors["Title"] = "Il titolo può avere al massimo 200 caratteri.";
        var summary = Trim(input.Summary);
        if (summary?.Length > 500) errors["Summary"] = "Il sommario può avere al massimo 500 caratteri.";
        var body = input.Body?.Trim();
        if (body?.Length > 100_000) errors["Body"] = "Il testo può avere al massimo 100.000 caratteri.";

        string? slug = null;
        Guid? parent = null;
        if (ContentTypes.HasSlug(type))
        {
            slug = string.IsNullOrWhiteSpace(input.Slug) ? Slugify(title ?? "") : input.Slug.Trim().ToLowerInvariant();
            if (!SlugPattern().IsMatch(slug) || slug.Length > 120)
                errors["Slug"] = "L'indirizzo può contenere solo lettere minuscole, cifre e trattini (massimo 120 caratteri).";
            else if (await db.Items.AnyAsync(i => i.ContentType == type && i.Slug == slug && i.Id != item.Id, ct))
                errors["Slug"] = $"L'indirizzo «{slug}» è già usato da un altro contenuto dello stesso tipo.";
        }
        if (ContentTypes.HasParent(type))
        {
            if (input.AvvisoId is null || !await db.Items.AnyAsync(i => i.Id == input.AvvisoId && i.ContentType == ContentTypes.Avviso, ct))
                errors["AvvisoId"] = "Scegliere l'avviso a cui appartiene.";
            parent = input.AvvisoId;
        }

        var data = new ContentData();
        switch (type)
        {
            case ContentTypes.Avviso:
                if (Trim(input.Categoria)?.Length > 100) errors["Categoria"] = "La categoria può avere al massimo 100 caratteri.";
                data = data with { Categoria = Trim(input.Categoria), Servizio = Trim(input.Servizio), Contatti = Trim(input.Contatti) };
                break;
            case ContentTypes.Finestra:
                var opens = Required(input.OpensAt, "OpensAt", "Indicare data e ora di apertura.", errors);
                var closes = Required(input.ClosesAt, "ClosesAt", "Indicare data e ora di chiusura.", errors);
                if (opens is not null && closes is not null && closes <= opens)
                    errors["ClosesAt"] = "La chiusura deve essere successiva all'apertura.";
                decimal? budget = null;
                if (!string.IsNullOrWhiteSpace(input.Budget))
                {
                    if (ItalianNumbers.TryParseEuro(input.Budget, out var b) && b >= 0) budget = b;
                    else errors["Budget"] = $"Importo «{input.Budget}» non valido: scrivere ad esempio 1.234,56.";
                }
                var parametri = ParseParametri(input.Parametri, errors);
                data = data with { OpensAtUtc = opens, ClosesAtUtc = closes, Budget = budget, Parametri = parametri };
                break;
            case ContentTypes.Graduatoria:
                if (input.FinestraId is not null && !await db.Items.AnyAsync(i => i.Id == input.FinestraId && i.ContentType == ContentTypes.Finestra && i.ParentId == input.AvvisoId, ct))
                    errors["FinestraId"] = "La finestra scelta non appartiene all'avviso indicato.";
                if (Trim(input.DecretoNumero)?.Length > 50) errors["DecretoNumero"] = "Il numero del decreto può avere al massimo 50 caratteri.";
                data = data with { FinestraId = input.FinestraId, DecretoNumero = Trim(input.DecretoNumero), DecretoData = input.DecretoData };
                break;
            case ContentTypes.AvvisoServizio:
                var gravita = string.IsNullOrWhiteSpace(input.Gravita) ? Gravita.Attenzione : input.Gravita.Trim().ToLowerInvariant();
                if (!Gravita.All.Contains(gravita)) errors["Gravita"] = "Scegliere la gravità: informazione, attenzione o critico.";
                var from = Required(input.From, "From", "Indicare da quando mostrare l'avviso.", errors);
                var to = Required(input.To, "To", "Indicare fino a quando mostrare l'avviso.", errors);
                if (from is not null && to is not null && to <= from) errors["To"] = "La fine deve essere successiva all'inizio.";
                data = data with { Gravita = gravita, FromUtc = from, ToUtc = to };
                break;
        }
        if (errors.Count > 0) throw PortalException.Invalid(errors);

        var removed = input.RemoveAttachments ?? [];
        var version = new ContentVersion
        {
            Title = title!,
            Summary = summary,
            Body = string.IsNullOrEmpty(body) ? null : body,
            DataJson = data.ToJson(),
            Note = Trim(input.Note),
            Attachments = (previous?.Attachments ?? []).Where(a => !removed.Contains(a.FileId)).OrderBy(a => a.Order).Select(CopyAttachment).ToList(),
        };
        return (version, slug, parent);
    }

    private DateTime? Required(DateTime? local, string field, string message, Dictionary<string, string> errors)
    {
        if (local is null) { errors[field] = message; return null; }
        return ToUtc(local, field, errors);
    }

    private static DateTime? ToUtc(DateTime? local, string field, Dictionary<string, string> errors)
    {
        if (local is null) return null;
        if (RomeTime.TryFromRome(local.Value, out var utc, out var error)) return utc;
        errors[field] = error!;
        return null;
    }

    private static Dictionary<string, string>? ParseParametri(string? text, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var n = 0;
        foreach (var raw in text.Split('\n'))
        {
            n++;
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var eq = line.IndexOf('=');
            if (eq <= 0) { errors["Parametri"] = $"Riga {n}: usare il formato chiave=valore."; return null; }
            result[line[..eq].Trim()] = line[(eq + 1)..].Trim();
        }
        return result;
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Subject(ContentItem item) => $"{item.ContentType} «{item.Title}» ({item.Id})";

    public static string Slugify(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        foreach (var c in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }
        var slug = MultiDash().Replace(sb.ToString(), "-").Trim('-');
        return slug.Length > 120 ? slug[..120].TrimEnd('-') : slug;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("-{2,}")]
    private static partial Regex MultiDash();
}
