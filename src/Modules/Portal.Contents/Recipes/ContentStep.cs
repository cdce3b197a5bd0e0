using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Contents.Data;
using Portal.Contents.Model;
using Portal.Contents.Services;
using Portal.Core.Errors;
using Portal.Core.Recipes;
using Portal.Core.Time;

namespace Portal.Contents.Recipes;

/// <summary>
/// "content": { "items": [ { "key", "type", "parent" (key of an Avviso), "publish", "title", "slug", "summary", "body",
/// "categoria", "servizio", "contatti", "opensAt", "closesAt", "from", "to", "gravita", "budget", "parametri",
/// "attachments": [ { "file", "title" } ] } ] }.
/// Instants are Italian local time ("2026-05-05T09:00") or relative to now ("-7d", "+30d", "+2h").
/// An item that already exists (same type and slug, or same type, parent and title) is left as it is.
/// </summary>
internal sealed class ContentStep(ContentService contents, ContentsDbContext db, TimeProvider clock) : IRecipeStep
{
    public string Name => "content";

    private sealed record AttachmentDef(string File, string? Title);

    private sealed record ItemDef(
        string Key, string Type, string? Parent, bool Publish, string Title, string? Slug, string? Summary, string? Body,
        string? Categoria, string? Servizio, string? Contatti, string? OpensAt, string? ClosesAt, string? From, string? To,
        string? Gravita, string? Budget, string? Parametri, List<AttachmentDef>? Attachments);

    public async Task ExecuteAsync(RecipeStepContext context, JsonElement step, CancellationToken ct)
    {
        var items = RecipeJson.Read<List<ItemDef>>(step.GetProperty("items"), "content.items");
        var keys = new Dictionary<string, Guid>(StringComparer.Ordinal);
        int created = 0, existing = 0;
        foreach (var def in items)
        {
            Guid? parent = def.Parent is null ? null
                : keys.TryGetValue(def.Parent, out var p) ? p : throw new RecipeException($"content: «{def.Key}» indica un avviso «{def.Parent}» non definito prima.");
            var slug = ContentTypes.HasSlug(def.Type) ? def.Slug ?? Slugs.Slugify(def.Title) : null;
            var found = await db.Items.AsNoTracking()
                .Where(i => i.ContentType == def.Type && (slug != null ? i.Slug == slug : i.ParentId == parent && i.Title == def.Title))
                .Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
            if (found is not null)
            {
                keys[def.Key] = found.Value;
                existing++;
                continue;
            }
            var input = new ContentInput
            {
                Title = def.Title, Slug = slug, Summary = def.Summary, Body = def.Body, Categoria = def.Categoria,
                Servizio = def.Servizio, Contatti = def.Contatti, AvvisoId = parent, OpensAt = When(def.OpensAt), ClosesAt = When(def.ClosesAt),
                From = When(def.From), To = When(def.To), Gravita = def.Gravita, Budget = def.Budget, Parametri = def.Parametri,
            };
            var streams = (def.Attachments ?? []).Select(a => new NewAttachment(Path.GetFileName(a.File), File.OpenRead(context.ResolvePath(a.File)), a.Title)).ToList();
            try
            {
                var item = await contents.CreateAsync(def.Type, input, streams, context.RunBy ?? "ricetta", ct);
                if (def.Publish) await contents.PublishAsync(item.Id, null, context.RunBy ?? "ricetta", ct);
                keys[def.Key] = item.Id;
                created++;
            }
            catch (PortalException e) when (e.Kind == PortalErrorKind.Invalid)
            {
                throw new RecipeException($"content: «{def.Key}» non valido: {string.Join(" ", e.Errors.Values)}");
            }
            finally
            {
                foreach (var s in streams) await s.Content.DisposeAsync();
            }
        }
        context.Log.Add($"Contenuti: {created} creati, {existing} già presenti.");
    }

    private DateTime? When(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (text[0] is '+' or '-' && text.Length > 2)
        {
            var amount = int.Parse(text[1..^1], CultureInfo.InvariantCulture) * (text[0] == '-' ? -1 : 1);
            var now = clock.GetUtcNow().UtcDateTime;
            var utc = text[^1] switch
            {
                'd' => now.AddDays(amount),
                'h' => now.AddHours(amount),
                _ => throw new RecipeException($"content: istante relativo «{text}» non valido (usare +Nd, -Nd, +Nh)."),
            };
            var local = RomeTime.ToRome(utc);
            return new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0, DateTimeKind.Unspecified);
        }
        return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);
    }
}
