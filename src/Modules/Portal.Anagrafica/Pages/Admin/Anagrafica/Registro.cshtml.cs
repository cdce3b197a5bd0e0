using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Anagrafica.Data;
using Portal.Anagrafica.Services;
using Portal.Core.Audit;
using Portal.Core.Security;

namespace Portal.Anagrafica.Pages.Admin.Anagrafica;

/// <summary>Loads the "Indice regionale del welfare" from a CSV file: all rows or none.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + "Anagrafica.ImportRegistry")]
public sealed class RegistroModel(RegistryImporter importer, AnagraficaDbContext db, IAuditTrail audit) : PageModel
{
    public int Count { get; private set; }
    public DateTime? LastImportUtc { get; private set; }
    public RegistryImportResult? Result { get; private set; }
    public string? FileError { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) FileError = "Scegliere il file CSV da caricare.";
        else if (file.Length > RegistryImporter.MaxBytes) FileError = "Il file supera la dimensione massima di 10 MB.";
        else
        {
            await using var stream = file.OpenReadStream();
            Result = await importer.ImportCsvAsync(stream, ct);
            if (Result.Ok)
                await audit.RecordAsync("RegistroWelfareImportato", "Indice regionale del welfare",
                    $"File {file.FileName}: {Result.Added} righe aggiunte, {Result.Updated} aggiornate.");
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Count = await db.Registry.CountAsync(ct);
        LastImportUtc = Count == 0 ? null : await db.Registry.MaxAsync(r => (DateTime?)r.ImportedUtc, ct);
    }
}
