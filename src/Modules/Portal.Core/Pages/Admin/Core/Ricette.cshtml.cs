using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Audit;
using Portal.Core.Comuni;
using Portal.Core.Data;
using Portal.Core.Hosting;
using Portal.Core.Recipes;
using Portal.Core.Security;

namespace Portal.Core.Pages.Admin.Core;

[Authorize(Policy = PermissionPolicy.Prefix + "Core.RunRecipes")]
public sealed class RicetteModel(RecipeRunner runner, ComuniImporter importer, IOptions<SetupOptions> setup, IAuditTrail audit) : PageModel
{
    public IReadOnlyList<string> Available { get; private set; } = [];
    public IReadOnlyList<RecipeRun> Runs { get; private set; } = [];
    public int ComuniCount { get; private set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }
    public string? FileError { get; private set; }
    public IReadOnlyList<string> Log { get; private set; } = [];

    public Task OnGetAsync() => LoadAsync();

    public async Task OnPostRicettaAsync(string nome)
    {
        await LoadAsync();
        if (!Available.Contains(nome)) { Error = "Ricetta sconosciuta."; return; }
        try
        {
            var result = await runner.RunFileAsync(Path.Combine(setup.Value.ResolveRecipesPath(), nome), User.Identity?.Name);
            await audit.RecordAsync("Ricetta.Eseguita", nome, string.Join("; ", result.Log));
            Message = $"Ricetta «{result.Name}» eseguita.";
            Log = result.Log;
        }
        catch (RecipeException e)
        {
            Error = e.Message;
        }
        await LoadAsync();
    }

    public async Task OnPostComuniAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0) FileError = "Scegliere il file CSV da importare.";
        else if (file.Length > 20 * 1024 * 1024) FileError = "Il file supera 20 MB: non sembra un elenco dei Comuni.";
        else
        {
            await using var stream = file.OpenReadStream();
            var r = await importer.ImportAsync(stream);
            if (r.Read == 0 && r.Errors.Count > 0) FileError = string.Join(" ", r.Errors);
            else
            {
                Message = $"Comuni: {r.Read} letti, {r.Added} aggiunti, {r.Updated} aggiornati, {r.Errors.Count} scartati.";
                Log = r.Errors.Take(20).ToList();
                await audit.RecordAsync("Comuni.Importati", file.FileName, Message);
            }
        }
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var dir = setup.Value.ResolveRecipesPath();
        Available = Directory.Exists(dir) ? Directory.GetFiles(dir, "*.recipe.json").Select(Path.GetFileName).OfType<string>().Order().ToList() : [];
        Runs = await runner.RecentRunsAsync(20);
        ComuniCount = await importer.CountAsync();
    }
}
