using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Security;
using Portal.Workflows.Data;
using Portal.Workflows.Definitions;
using Portal.Workflows.Model;

namespace Portal.Workflows.Pages.Admin.Workflows;

[Authorize(Policy = PermissionPolicy.Prefix + "Workflows.Manage")]
public sealed class ModificaFlussoModel(DefinitionStore store, WorkflowCatalog catalog) : PageModel
{
    [BindProperty] public DefinitionEditInput Input { get; set; } = new();

    public StoredDefinition Stored { get; private set; } = null!;
    public WorkflowDefinition Definition { get; private set; } = null!;
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    public string? Error { get; private set; }

    public string? ErrorFor(string key) => Errors.GetValueOrDefault(key);

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (!await LoadAsync(code)) return NotFound();
        Input = DefinitionEditInput.From(Definition, Stored.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code)
    {
        if (!await LoadAsync(code)) return NotFound();
        if (Input.Version != Stored.Version)
        {
            Error = $"La definizione è stata modificata da qualcun altro (ora è alla versione {Stored.Version}): ricarica la pagina e ripeti le modifiche.";
            return Page();
        }
        var edited = DefinitionEditor.Apply(Definition, Input, catalog, Errors);
        if (Errors.Count > 0)
        {
            Error = "La definizione non è stata salvata: correggere i campi indicati.";
            return Page();
        }
        try
        {
            var saved = await store.SaveAsync(edited, User.ActorName(), HttpContext.RequestAborted);
            TempData["Messaggio"] = saved.Created
                ? $"Salvata la versione {saved.Stored.Version}. Le pratiche già avviate proseguono con la versione con cui sono partite."
                : "Nessuna modifica da salvare.";
            return Redirect($"/admin/flussi/{code}/versioni");
        }
        catch (DefinitionException e)
        {
            Error = "La definizione non è stata salvata: " + string.Join(" ", e.Errors);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string code)
    {
        var stored = await store.LatestStoredAsync(code, HttpContext.RequestAborted);
        if (stored is null) return false;
        Stored = stored;
        Definition = DefinitionStore.Parse(stored.Json);
        return true;
    }
}
