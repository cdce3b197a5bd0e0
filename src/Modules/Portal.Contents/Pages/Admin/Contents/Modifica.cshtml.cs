using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Contents.Model;
using Portal.Contents.Services;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Core.Time;

namespace Portal.Contents.Pages.Admin.Contents;

[Authorize(Policy = PermissionPolicy.Prefix + "Contents.Edit")]
public sealed class ModificaModel(ContentQueries queries, ContentService contents, IPermissionService permissions) : PageModel
{
    [BindProperty] public ContentInput Input { get; set; } = new();
    [BindProperty] public int Revision { get; set; }
    [BindProperty] public List<IFormFile> Allegati { get; set; } = [];
    [BindProperty] public DateTime? PublishAt { get; set; }
    [BindProperty] public DateTime? UnpublishAt { get; set; }

    public string Tipo { get; private set; } = ContentTypes.Avviso;
    public ContentItem? Item { get; private set; }
    public ContentVersion? Latest { get; private set; }
    public IReadOnlyList<ContentItem> Avvisi { get; private set; } = [];
    public IReadOnlyList<ContentItem> Finestre { get; private set; } = [];
    public bool CanPublish { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, string? tipo, Guid? avviso)
    {
        if (!await LoadAsync(id, tipo)) return NotFound();
        if (Item is not null && Latest is not null) Input = ToInput(Item, Latest);
        else if (avviso is not null) Input.AvvisoId = avviso;
        if (Item is not null)
        {
            PublishAt = Item.PublishAtUtc is DateTime p ? RomeTime.ToRome(p) : null;
            UnpublishAt = Item.UnpublishAtUtc is DateTime u ? RomeTime.ToRome(u) : null;
        }
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid? id, string? tipo) => SaveAsync(id, tipo, publish: false);

    public Task<IActionResult> OnPostSavePublishAsync(Guid? id, string? tipo) => SaveAsync(id, tipo, publish: true);

    public Task<IActionResult> OnPostPublishAsync(Guid id) =>
        ActAsync(id, requiresPublish: true, by => contents.PublishAsync(id, Revision, by), "Contenuto pubblicato.");

    public Task<IActionResult> OnPostUnpublishAsync(Guid id) =>
        ActAsync(id, requiresPublish: true, by => contents.UnpublishAsync(id, Revision, by), "Contenuto ritirato dal sito pubblico (archiviato).");

    public Task<IActionResult> OnPostScheduleAsync(Guid id) =>
        ActAsync(id, requiresPublish: true, by => contents.ScheduleAsync(id, Revision, PublishAt, UnpublishAt, by), "Programmazione salvata.");

    private async Task<IActionResult> SaveAsync(Guid? id, string? tipo, bool publish)
    {
        if (!await LoadAsync(id, tipo)) return NotFound();
        if (publish && !CanPublish) return Forbid();
        var files = Allegati.Where(f => f.Length > 0).Select(f => new NewAttachment(f.FileName, f.OpenReadStream(), null)).ToList();
        try
        {
            var by = User.ActorName();
            var wasScheduled = Item?.PublishAtUtc is not null;
            var item = Item is null
                ? await contents.CreateAsync(Tipo, Input, files, by)
                : await contents.SaveDraftAsync(Item.Id, Revision, Input, files, by);
            if (publish) await contents.PublishAsync(item.Id, null, by);
            TempData["Messaggio"] = publish ? "Contenuto salvato e pubblicato."
                : wasScheduled ? $"Bozza salvata (versione {item.LatestVersion}). La pubblicazione programmata è stata annullata: programmarla di nuovo per pubblicare questa versione."
                : $"Bozza salvata (versione {item.LatestVersion}).";
            return Redirect($"/admin/contenuti/modifica/{item.Id}");
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.Invalid)
        {
            foreach (var (field, message) in e.Errors)
                ModelState.AddModelError(field == "Allegati" ? "Allegati" : "Input." + field, message);
            Error = "Il contenuto non è stato salvato: correggere i campi indicati.";
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.Conflict)
        {
            Error = e.Message;
        }
        finally
        {
            foreach (var f in files) await f.Content.DisposeAsync();
        }
        return Page();
    }

    private async Task<IActionResult> ActAsync(Guid id, bool requiresPublish, Func<string, Task> action, string done)
    {
        if (!await LoadAsync(id, null)) return NotFound();
        if (requiresPublish && !CanPublish) return Forbid();
        try
        {
            await action(User.ActorName());
            TempData["Messaggio"] = done;
            return Redirect($"/admin/contenuti/modifica/{id}");
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.Invalid)
        {
            ModelState.AddPortalError(e);
            Error = "Operazione non eseguita: correggere i campi indicati.";
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.Conflict)
        {
            Error = e.Message;
        }
        Input = ToInput(Item!, Latest!);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid? id, string? tipo)
    {
        CanPublish = await permissions.HasPermissionAsync(User, ContentsPermissions.Publish.Name);
        if (id is not null)
        {
            Item = await queries.GetItemAsync(id.Value);
            if (Item is null) return false;
            Latest = await queries.GetVersionAsync(Item.Id, Item.LatestVersion);
            Tipo = Item.ContentType;
        }
        else
        {
            if (tipo is null || !ContentTypes.All.Contains(tipo)) return false;
            Tipo = tipo;
        }
        Avvisi = await queries.ListAvvisiForPickerAsync();
        Finestre = await queries.ListFinestreForPickerAsync();
        return true;
    }

    private static ContentInput ToInput(ContentItem item, ContentVersion v)
    {
        var d = ContentData.FromJson(v.DataJson);
        return new ContentInput
        {
            Title = v.Title, Slug = item.Slug, Summary = v.Summary, Body = v.Body, Categoria = d.Categoria, Servizio = d.Servizio,
            Contatti = d.Contatti, AvvisoId = item.ParentId,
            OpensAt = d.OpensAtUtc is DateTime o ? RomeTime.ToRome(o) : null,
            ClosesAt = d.ClosesAtUtc is DateTime c ? RomeTime.ToRome(c) : null,
            Budget = d.Budget?.ToString("#,##0.00", RomeTime.Italian),
            Parametri = d.Parametri is null ? null : string.Join("\n", d.Parametri.Select(p => $"{p.Key}={p.Value}")),
            FinestraId = d.FinestraId, DecretoNumero = d.DecretoNumero, DecretoData = d.DecretoData, Gravita = d.Gravita,
            From = d.FromUtc is DateTime f ? RomeTime.ToRome(f) : null,
            To = d.ToUtc is DateTime t ? RomeTime.ToRome(t) : null,
        };
    }
}
