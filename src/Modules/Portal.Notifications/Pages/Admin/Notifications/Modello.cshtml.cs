using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Notifications.Model;
using Portal.Notifications.Templates;

namespace Portal.Notifications.Pages.Admin.Notifications;

/// <summary>Edits a template's subject and body; "Anteprima" renders the text in the form with sample values and saves nothing.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + "Notifications.ManageTemplates")]
public sealed class ModelloModel(TemplateStore templates) : PageModel
{
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public int Revision { get; set; }
    /// <summary>Sample values for the preview, by placeholder.</summary>
    [BindProperty] public Dictionary<string, string> Esempio { get; set; } = [];

    public NotificationTemplate Template { get; private set; } = null!;
    public string? Error { get; private set; }
    public (string Subject, string Body)? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (!await LoadAsync(code)) return NotFound();
        (Subject, Body, Revision) = (Template.Subject, Template.Body, Template.Revision);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string code)
    {
        if (!await LoadAsync(code)) return NotFound();
        try
        {
            await templates.UpdateAsync(code, Revision, Subject, Body, User.ActorName());
            TempData["Messaggio"] = $"Modello «{code}» salvato.";
            return Redirect($"/admin/notifiche/modelli/{code}");
        }
        catch (PortalException e) when (e.Kind == PortalErrorKind.Invalid)
        {
            ModelState.AddPortalError(e);
            Error = "Il modello non è stato salvato: correggere i campi indicati.";
        }
        catch (PortalException e)
        {
            Error = e.Message;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(string code)
    {
        if (!await LoadAsync(code)) return NotFound();
        var errors = TemplateStore.Validate(Template, Subject, Body);
        foreach (var (field, message) in errors) ModelState.AddModelError(field, message);
        if (errors.Count > 0)
        {
            Error = "Anteprima non disponibile: correggere i campi indicati.";
            return Page();
        }
        var values = Template.PlaceholderList.ToDictionary(p => p, p => Sample(p), StringComparer.Ordinal);
        Preview = (TemplateText.OneLine(TemplateText.Render(Subject!, values, code)), TemplateText.Render(Body!, values, code));
        return Page();
    }

    public string Sample(string placeholder) =>
        Esempio.TryGetValue(placeholder, out var v) && !string.IsNullOrWhiteSpace(v) ? v : $"[{placeholder}]";

    private async Task<bool> LoadAsync(string code)
    {
        var found = await templates.FindAsync(code);
        if (found is null) return false;
        Template = found;
        return true;
    }
}
