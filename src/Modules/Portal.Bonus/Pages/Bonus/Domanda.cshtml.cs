using System.Text.Json.Nodes;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Bonus.Services;
using Portal.Core.Comuni;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Core.Protocol;
using Portal.Core.Receipts;
using Portal.Core.Security;

namespace Portal.Bonus.Pages.Bonus;

/// <summary>
/// The application page: each section is a form posted on its own (the same rules as the API; a refused section keeps
/// what was typed and shows each message next to its field), the ISEE upload, "Genera domanda PDF", "Invia domanda"
/// (a token rendered with the page makes a double submit one sending), the receipt and the request of cancellation.
/// </summary>
[Authorize(Policy = PermissionPolicy.Prefix + "Bonus.Apply")]
[RequireAnagrafica]
public sealed class DomandaModel(DomandeService domande, DomandaInvio invio, IProtocolRegister protocol, IReceipts receipts, RegionComuni comuni) : PageModel
{
    public const int RigheNucleo = 6, RigheFigli = 4;

    public Domanda Domanda { get; private set; } = null!;
    public Bando Bando { get; private set; } = null!;
    public string? Comune { get; private set; }
    public string? Protocollo { get; private set; }
    public bool Ricevuta { get; private set; }
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    public string? SezioneInErrore { get; private set; }
    public IReadOnlyList<Mancanza> Mancanti { get; private set; } = [];
    public string Chiave { get; } = Guid.NewGuid().ToString("N");
    private IFormCollection? _posted;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSezioneAsync(Guid id, string sezione)
    {
        if (!await LoadAsync(id)) return NotFound();
        try
        {
            await domande.SaveSectionAsync(User, id, sezione, JsonSerializer.SerializeToElement(BodyOf(sezione, Request.Form)), HttpContext.RequestAborted);
            TempData["Messaggio"] = $"Sezione «{Titolo(sezione)}» salvata.";
            return Redirect($"/bonus/domande/{id}#sezione-{sezione}");
        }
        catch (PortalException e)
        {
            return await RefusedAsync(id, e, sezione);
        }
    }

    public async Task<IActionResult> OnPostAllegatoAsync(Guid id, IFormFile? file)
    {
        if (!await LoadAsync(id)) return NotFound();
        try
        {
            await using var stream = file?.OpenReadStream();
            await domande.UploadIseeAsync(User, id, file?.FileName, stream, HttpContext.RequestAborted);
            TempData["Messaggio"] = "Attestazione ISEE caricata.";
            return Redirect($"/bonus/domande/{id}#sezione-allegati");
        }
        catch (PortalException e)
        {
            return await RefusedAsync(id, e, "allegati");
        }
    }

    public async Task<IActionResult> OnPostInviaAsync(Guid id, string? chiave)
    {
        if (!await LoadAsync(id)) return NotFound();
        try
        {
            var esito = await invio.SendAsync(User, id, string.IsNullOrWhiteSpace(chiave) ? null : $"pagina:{chiave}", HttpContext.RequestAborted);
            if (esito.Domanda is null)
            {
                Mancanti = esito.Mancanti;
                return Page();
            }
            TempData["Messaggio"] = $"Domanda inviata il {Portal.Core.Time.RomeTime.Format(esito.Domanda.InviataUtc!.Value)}. Il numero di protocollo arriva entro pochi secondi.";
            if (esito.AvvisoNucleo is not null) TempData["Avviso"] = esito.AvvisoNucleo;
            return Redirect($"/bonus/domande/{id}");
        }
        catch (PortalException e)
        {
            return await RefusedAsync(id, e, "invio");
        }
    }

    public async Task<IActionResult> OnPostAnnullamentoAsync(Guid id, string? motivo)
    {
        if (!await LoadAsync(id)) return NotFound();
        try
        {
            await domande.RequestCancellationAsync(User, id, motivo, HttpContext.RequestAborted);
            TempData["Messaggio"] = "Richiesta di annullamento inviata: un funzionario la esaminerà.";
            return Redirect($"/bonus/domande/{id}");
        }
        catch (PortalException e)
        {
            return await RefusedAsync(id, e, "annullamento");
        }
    }

    private async Task<IActionResult> RefusedAsync(Guid id, PortalException e, string sezione)
    {
        if (e.Kind == PortalErrorKind.NotFound && !await LoadAsync(id)) return NotFound();
        await LoadAsync(id);
        SezioneInErrore = sezione;
        _posted = Request.HasFormContentType ? Request.Form : null;
        foreach (var (k, v) in e.Errors) Errors[k] = v;
        if (e.Errors.Count == 0 || e.Errors.Count > 1) Errors[$"{sezione}:generale"] = e.Message;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        try
        {
            Domanda = await domande.OwnAsync(User, id, tracked: false, HttpContext.RequestAborted);
        }
        catch (PortalException)
        {
            return false;
        }
        Bando = await domande.BandoAsync(Domanda.BandoId, HttpContext.RequestAborted);
        Comune = Domanda.ComuneResidenzaIstat is { } c ? (await comuni.NamesAsync([c], HttpContext.RequestAborted)).GetValueOrDefault(c) : null;
        if (Domanda.InviataUtc is not null)
        {
            Protocollo = (await protocol.FindAsync(Domanda.SubjectType, id.ToString(), HttpContext.RequestAborted))?.Segnatura;
            Ricevuta = await receipts.FindAsync(Domanda.SubjectType, id.ToString(), HttpContext.RequestAborted) is not null;
        }
        return true;
    }

    /// <summary>The value to show in a field: what was just posted (after a refusal) or what is saved.</summary>
    public string? Val(string key, string? saved) => _posted is not null && _posted.ContainsKey(key) ? _posted[key].ToString() : saved;

    public bool Checked(string key, bool saved) => _posted is not null ? _posted[key].Contains("true") : saved;

    public string? Err(string key) => Errors.GetValueOrDefault(key);

    public static string Titolo(string codice) => DomandaLabels.SezioneOf(codice) is { } s ? DomandaLabels.Titolo(s) : codice;

    /// <summary>The form of a section as the JSON the API takes, so the page and the API share every rule.</summary>
    private static JsonObject BodyOf(string sezione, IFormCollection f)
    {
        string? V(string k) => f.TryGetValue(k, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString().Trim() : null;
        JsonObject Rows(string prefix, int count, params string[] fields)
        {
            var rows = new JsonArray();
            for (var i = 0; i < count; i++)
            {
                var values = fields.ToDictionary(x => x, x => V($"{prefix}[{i}].{x}"));
                if (values.Values.All(x => x is null)) continue;
                var row = new JsonObject();
                foreach (var (k, v) in values) row[k] = v;
                rows.Add(row);
            }
            return new JsonObject { [prefix] = rows };
        }
        return sezione switch
        {
            "richiedente" => new JsonObject
            {
                ["ruolo"] = V("ruolo"),
                ["dataIngressoFiglio"] = DateOnly.TryParse(V("dataIngressoFiglio"), System.Globalization.CultureInfo.InvariantCulture, out var data) ? data.ToString("yyyy-MM-dd") : null,
                ["conviveConFigli"] = f["conviveConFigli"].Contains("true"),
                ["email"] = V("email"),
                ["telefono"] = V("telefono"),
            },
            "nucleo" => Rows("componenti", RigheNucleo, "codiceFiscale", "nome", "cognome", "relazione"),
            "figli" => Rows("figli", RigheFigli, "codiceFiscale", "nome", "cognome", "livello", "istituto"),
            "isee" => new JsonObject
            {
                ["valore"] = V("valore"),
                ["tipo"] = V("tipo"),
                ["protocolloDsu"] = V("protocolloDsu"),
                ["dataRilascio"] = DateOnly.TryParse(V("dataRilascio"), System.Globalization.CultureInfo.InvariantCulture, out var r) ? r.ToString("yyyy-MM-dd") : null,
            },
            "occupazione" => new JsonObject { ["condizione"] = V("condizione") },
            "dispositivo" => new JsonObject { ["dispositivo"] = V("dispositivo") },
            "dichiarazioni" => new JsonObject { ["accettate"] = new JsonArray(f["accettate"].Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => (JsonNode)x!.Trim()).ToArray()) },
            _ => new JsonObject(),
        };
    }
}
