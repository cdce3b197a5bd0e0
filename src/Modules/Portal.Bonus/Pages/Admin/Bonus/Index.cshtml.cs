using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Bonus.Services;
using Portal.Core.Errors;
using Portal.Core.Security;

namespace Portal.Bonus.Pages.Admin.Bonus;

/// <summary>
/// The Amministratore's calls: each with its windows and versions, and its rules edited as JSON (the same document the
/// recipe ships), saved as a new version with the reason, through the same validation as the API.
/// </summary>
[Authorize(Policy = PermissionPolicy.Prefix + "Bonus.ManageBandi")]
public sealed class IndexModel(BandiService bandi, Data.BonusDbContext db) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public List<(BandoConFinestre Bando, IReadOnlyList<BandoVersione> Versioni)> Bandi { get; } = [];
    public Guid? InErrore { get; private set; }
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    public string? PostedRegole { get; private set; }
    public string? PostedTitolo { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostSalvaAsync(Guid id, string? titolo, string? regole, string? motivo, int versione)
    {
        BandoRegole? parsed = null;
        try
        {
            parsed = string.IsNullOrWhiteSpace(regole) ? null : JsonSerializer.Deserialize<BandoRegole>(regole, Json);
        }
        catch (JsonException e)
        {
            Errors["regole"] = $"Le regole non sono un documento JSON valido (riga {(e.LineNumber ?? 0) + 1}): correggere e salvare di nuovo.";
        }
        if (Errors.Count == 0)
        {
            try
            {
                var current = await db.Bandi.FindAsync([id], HttpContext.RequestAborted);
                await bandi.UpdateAsync(User, id, titolo, current?.AvvisoId, parsed, motivo, versione, HttpContext.RequestAborted);
                TempData["Messaggio"] = "Bando salvato: nuova versione registrata.";
                return Redirect("/admin/bonus");
            }
            catch (PortalException e) when (e.Kind != PortalErrorKind.NotFound)
            {
                foreach (var (k, v) in e.Errors) Errors[k] = v;
                if (e.Errors.Count == 0) Errors["generale"] = e.Message;
            }
        }
        InErrore = id;
        PostedRegole = regole;
        PostedTitolo = titolo;
        await LoadAsync();
        return Page();
    }

    public static string Write(BandoRegole r) => JsonSerializer.Serialize(r, Json);

    /// <summary>A school level of the rules in words ("Primo ciclo (…)"); an unknown code as it is.</summary>
    public static string Livello(string codice) =>
        Enum.TryParse<LivelloStudio>(codice, ignoreCase: true, out var l) ? DomandaLabels.Livello(l) : codice;

    private async Task LoadAsync()
    {
        foreach (var b in db.Bandi.OrderBy(b => b.Codice).ToList())
            Bandi.Add((await bandi.WithFinestreAsync(b, HttpContext.RequestAborted), await bandi.VersionsAsync(b.Id, HttpContext.RequestAborted)));
    }
}
