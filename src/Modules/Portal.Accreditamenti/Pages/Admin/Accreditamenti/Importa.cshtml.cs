using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accreditamenti.Services;
using Portal.Core.Security;

namespace Portal.Accreditamenti.Pages.Admin.Accreditamenti;

/// <summary>Upload of the CSV of operators accredited last year (seed 000): all rows or none.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + "Accreditamenti.Manage")]
public sealed class ImportaModel(OperatorImport import) : PageModel
{
    public ImportSummary? Result { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
            ModelState.AddModelError("File", "Scegliere il file CSV da importare.");
        else if (file.Length > OperatorImport.MaxBytes)
            ModelState.AddModelError("File", "Il file supera i 2 MB.");
        if (!ModelState.IsValid) return Page();
        await using var stream = file!.OpenReadStream();
        Result = await import.ImportAsync(stream, Actor.Describe(User), ct);
        if (!Result.Riuscita) ModelState.AddModelError("File", "Il file contiene errori: nessun dato è stato importato. Correggere le righe indicate e ricaricarlo.");
        return Page();
    }
}
