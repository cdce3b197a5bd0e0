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

        string? slug = null;
        Guid? parent = null;
        if (ContentTypes.HasSlug(type))
        {
            slug = string.IsNullOrWhiteSpace(input.Slug) ? Slugs.Slugify(title ?? "") : input.Slug.Trim().ToLowerInvariant();
            if (!Slugs.IsValid(slug))
                errors["Slug"] = $"L'indirizzo può contenere solo lettere minuscole, cifre e trattini (massimo {Slugs.MaxLength} caratteri).";
            else if (await db.Items.AnyAsync(i => i.ContentType == type && i.Slug == slug && i.Id != item.Id, ct))
                errors["Slug"] = $"L'indirizzo «{slug}» è già usato da un altro contenuto dello stesso tipo.";
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
            Note = Trim(input.Note),
            Attachments = (previous?.Attachments ?? []).Where(a => !removed.Contains(a.FileId)).OrderBy(a => a.Order).Select(a => a.Copy()).ToList(),
        };
        return (version, slug, parent);
    }
}
