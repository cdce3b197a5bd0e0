using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Audit;
using Portal.Core.Security;
using Portal.Core.Pages.Core;
using Portal.Core.Settings;
using Portal.Core.Validation;

namespace Portal.Core.Pages.Admin.Core;

[Authorize(Policy = PermissionPolicy.Prefix + "Core.ManageSettings")]
public sealed partial class ImpostazioniModel(ISiteSettings settings, IAuditTrail audit) : PageModel
{
    public sealed record Field(string Name, string Label, string Help);

    public static readonly IReadOnlyList<Field> Fields =
    [
        new("PortalName", "Nome del portale", "Compare nell'intestazione e nel titolo delle pagine."),
        new("RegionName", "Amministrazione", "Ad esempio «Regione Marche»."),
        new("PortalTagline", "Sottotitolo del portale", "Compare sotto il nome del portale, ad esempio «Servizi on line per cittadini, enti e operatori»."),
        new("RegionWebsite", "Sito dell'amministrazione", "Facoltativo. Indirizzo completo (https://...), collegato al nome dell'amministrazione nell'intestazione."),
        new("RegionAddress", "Sede dell'amministrazione", "Facoltativo. Indirizzo mostrato a piè di pagina, ad esempio «Via Gentile da Fabriano, 9 – 60125 Ancona»."),
        new("RegionVatNumber", "Partita IVA dell'amministrazione", "Facoltativo. Mostrata a piè di pagina."),
        new("LogoUrl", "Stemma o logo", "Facoltativo. Percorso dell'immagine su questo sito, che inizia con / (ad esempio un allegato pubblicato da una pagina); vuoto: lo stemma neutro del tema. Immagini di altri siti non sono ammesse dalla politica di sicurezza delle pagine."),
        new("HelpDeskEmail", "Email dell'assistenza", "Indirizzo a cui i cittadini scrivono per aiuto."),
        new("HelpDeskPhone", "Telefono dell'assistenza", "Ad esempio 800 155 085."),
        new("HelpDeskHours", "Orari dell'assistenza", "Ad esempio «Dal lunedì al venerdì dalle 9:00 alle 13:00»."),
        new("AooCode", "Codice AOO", "Area organizzativa omogenea del registro di protocollo: lettere, cifre e trattini."),
        new("RegionProvinces", "Province della regione", "Sigle separate da virgola, ad esempio AN, AP, FM, MC, PU."),
    ];

    private Dictionary<string, string> _values = [];
    public bool Saved { get; private set; }

    public string Value(string name) => _values.GetValueOrDefault(name, "");

    public async Task OnGetAsync(bool salvato = false)
    {
        Saved = salvato;
        var v = await settings.GetAsync();
        _values = new()
        {
            ["PortalName"] = v.PortalName, ["RegionName"] = v.RegionName, ["HelpDeskEmail"] = v.HelpDeskEmail,
            ["PortalTagline"] = v.PortalTagline, ["RegionWebsite"] = v.RegionWebsite, ["RegionAddress"] = v.RegionAddress,
            ["RegionVatNumber"] = v.RegionVatNumber, ["LogoUrl"] = v.LogoUrl,
            ["HelpDeskPhone"] = v.HelpDeskPhone, ["HelpDeskHours"] = v.HelpDeskHours, ["AooCode"] = v.AooCode,
            ["RegionProvinces"] = string.Join(", ", v.RegionProvinces),
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        _values = Fields.ToDictionary(f => f.Name, f => (string?)Request.Form[f.Name] ?? "");
        foreach (var key in _values.Keys.ToList()) _values[key] = _values[key].Trim();
        if (_values["PortalName"].Length is 0 or > 100) ModelState.AddModelError("PortalName", "Indicare il nome del portale (al massimo 100 caratteri).");
        if (_values["RegionName"].Length is 0 or > 100) ModelState.AddModelError("RegionName", "Indicare l'amministrazione (al massimo 100 caratteri).");
        if (!EmailAddress.IsValid(_values["HelpDeskEmail"])) ModelState.AddModelError("HelpDeskEmail", "Indirizzo email non valido.");
        if (_values["PortalTagline"].Length > 150) ModelState.AddModelError("PortalTagline", "Il sottotitolo può avere al massimo 150 caratteri.");
        if (_values["RegionWebsite"].Length > 0 && !IsWebAddress(_values["RegionWebsite"]))
            ModelState.AddModelError("RegionWebsite", "Indicare un indirizzo completo che inizia con https:// o http://.");
        if (_values["RegionAddress"].Length > 200) ModelState.AddModelError("RegionAddress", "La sede può avere al massimo 200 caratteri.");
        if (_values["RegionVatNumber"].Length > 0 && PartitaIva.Problem(_values["RegionVatNumber"]) is string vat) ModelState.AddModelError("RegionVatNumber", vat);
        if (_values["LogoUrl"].Length > 0 && (_values["LogoUrl"].Length > 300 || LocalUrl.OrNull(_values["LogoUrl"]) is null))
            ModelState.AddModelError("LogoUrl", "Indicare un percorso di questo sito che inizia con /, ad esempio /allegati/stemma.svg.");
        if (!AooPattern().IsMatch(_values["AooCode"])) ModelState.AddModelError("AooCode", "Il codice AOO può contenere solo lettere maiuscole, cifre e trattini (da 2 a 20).");
        var provinces = _values["RegionProvinces"].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.ToUpperInvariant()).ToList();
        if (provinces.Count == 0 || provinces.Any(p => !SiglaPattern().IsMatch(p)))
            ModelState.AddModelError("RegionProvinces", "Indicare le sigle di provincia (due lettere) separate da virgola.");
        if (!ModelState.IsValid) return Page();
        var values = new SiteSettingsValues
        {
            PortalName = _values["PortalName"], RegionName = _values["RegionName"], HelpDeskEmail = _values["HelpDeskEmail"],
            PortalTagline = _values["PortalTagline"], RegionWebsite = _values["RegionWebsite"], RegionAddress = _values["RegionAddress"],
            RegionVatNumber = PartitaIva.Normalize(_values["RegionVatNumber"]) ?? "", LogoUrl = _values["LogoUrl"],
            HelpDeskPhone = _values["HelpDeskPhone"], HelpDeskHours = _values["HelpDeskHours"], AooCode = _values["AooCode"], RegionProvinces = provinces,
        };
        await settings.SaveAsync(values, User.Identity?.Name);
        await audit.RecordAsync("Impostazioni.Modificate", "Impostazioni del portale", string.Join("; ", _values.Select(v => $"{v.Key}={v.Value}")));
        return RedirectToPage(new { salvato = true });
    }

    private static bool IsWebAddress(string value) =>
        value.Length <= 300 && Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex("^[A-Z0-9-]{2,20}$")]
    private static partial Regex AooPattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex SiglaPattern();
}
