using Microsoft.EntityFrameworkCore;
using Portal.Contents.Data;
using Portal.Contents.Model;
using Portal.Core.Errors;
using static Portal.Contents.Services.Validation.ContentFields;

namespace Portal.Contents.Services.Validation;

/// <summary>
/// Checks what an editor submits and builds the new version: the fields every type has (title, summary, body, address,
/// Avviso) here, each type's own fields in its class (<see cref="AvvisoValidation"/>, <see cref="FinestraValidation"/>,
/// <see cref="GraduatoriaValidation"/>, <see cref="AvvisoServizioValidation"/>). Refuses with one message per field.
/// </summary>
public sealed class ContentValidation(ContentsDbContext db)
{
    /// <summary>As long as the version's note column.</summary>
    public const int NoteMaxLength = 300;

    public async Task<(ContentVersion Version, string? Slug, Guid? Parent)> BuildVersionAsync(ContentItem item, ContentInput input,
        ContentVersion? previous, CancellationToken ct)
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
        var note = Trim(input.Note);
        if (note?.Length > NoteMaxLength) errors["Note"] = $"La nota sulla versione può avere al massimo {NoteMaxLength} caratteri.";

        string? slug = null;
        Guid? parent = null;
        if (ContentTypes.HasSlug(type))
        {
            if (string.IsNullOrWhiteSpace(input.Slug))
            {
                // As the help says: an empty address is derived from the title (the title's own error covers an empty
                // title), made unique with "-2", "-3"... when another content of the type already has it.
                var derived = Slugs.Slugify(title ?? "");
                if (derived.Length == 0 && !string.IsNullOrEmpty(title))
                    errors["Slug"] = "Dal titolo non si ricava un indirizzo (non contiene lettere né cifre): scriverlo.";
                slug = derived.Length == 0 ? null : await FreeSlugAsync(type, item.Id, derived, ct);
            }
            else
            {
                slug = input.Slug.Trim().ToLowerInvariant();
                if (!Slugs.IsValid(slug))
                    errors["Slug"] = $"L'indirizzo può contenere solo lettere minuscole, cifre e trattini (massimo {Slugs.MaxLength} caratteri).";
                else if (await db.Items.AnyAsync(i => i.ContentType == type && i.Slug == slug && i.Id != item.Id, ct))
                    errors["Slug"] = $"L'indirizzo «{slug}» è già usato da un altro contenuto dello stesso tipo.";
            }
        }
        if (ContentTypes.HasParent(type))
        {
            if (input.AvvisoId is null || !await db.Items.AnyAsync(i => i.Id == input.AvvisoId && i.ContentType == ContentTypes.Avviso, ct))
                errors["AvvisoId"] = "Scegliere l'avviso a cui appartiene.";
            parent = input.AvvisoId;
        }

        var data = type switch
        {
            ContentTypes.Avviso => AvvisoValidation.Validate(input, errors),
            ContentTypes.Finestra => FinestraValidation.Validate(input, errors),
            ContentTypes.Graduatoria => await GraduatoriaValidation.ValidateAsync(input, db, errors, ct),
            ContentTypes.AvvisoServizio => AvvisoServizioValidation.Validate(input, errors),
            _ => new ContentData(),
        };
        if (errors.Count > 0) throw PortalException.Invalid(errors);

        var removed = input.RemoveAttachments ?? [];
        var version = new ContentVersion
        {
            Title = title!,
            Summary = summary,
            Body = string.IsNullOrEmpty(body) ? null : body,
            DataJson = data.ToJson(),
            Note = note,
            Attachments = (previous?.Attachments ?? []).Where(a => !removed.Contains(a.FileId)).OrderBy(a => a.Order).Select(a => a.Copy()).ToList(),
        };
        return (version, slug, parent);
    }

    /// <summary>The derived address, or the first of "-2", "-3"... that no other content of the type uses.</summary>
    private async Task<string> FreeSlugAsync(string type, Guid id, string derived, CancellationToken ct)
    {
        var taken = await db.Items.Where(i => i.ContentType == type && i.Id != id && i.Slug != null && i.Slug.StartsWith(derived))
            .Select(i => i.Slug!).ToListAsync(ct);
        if (!taken.Contains(derived)) return derived;
        for (var n = 2; ; n++)
        {
            var suffix = $"-{n}";
            var candidate = (derived.Length + suffix.Length > Slugs.MaxLength ? derived[..(Slugs.MaxLength - suffix.Length)].TrimEnd('-') : derived) + suffix;
            if (!taken.Contains(candidate)) return candidate;
        }
    }
}
