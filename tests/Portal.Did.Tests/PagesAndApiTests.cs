using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Time;
using Portal.Did.Model;

namespace Portal.Did.Tests;

/// <summary>The operator's page buttons (appointment, outcome, justified reason) and the API contract of the issue.</summary>
[Collection(DidCollection.Name)]
public sealed class PagesAndApiTests(DidPortal portal)
{
    [Fact]
    public async Task The_issue_paths_are_in_the_openapi_document_as_written()
    {
        var doc = await portal.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        foreach (var (path, method) in new[]
        {
            ("/api/v1/did/situazione", "get"), ("/api/v1/did/dichiarazioni", "get"), ("/api/v1/did/dichiarazioni", "post"),
            ("/api/v1/did/dichiarazioni/{id}", "get"), ("/api/v1/did/dichiarazioni/{id}/ricevuta", "get"), ("/api/v1/did/dichiarazioni/{id}/revoca", "post"),
            ("/api/v1/did/cpi/dichiarazioni", "get"), ("/api/v1/did/cpi/dichiarazioni/{id}/colloquio", "post"), ("/api/v1/did/cpi/dichiarazioni/{id}/esito", "post"),
        })
            Assert.True(paths.TryGetProperty(path, out var p) && p.TryGetProperty(method, out _), $"{method.ToUpperInvariant()} {path} assente");
    }

    [Fact]
    public async Task The_operator_presses_every_button_of_the_did_page_and_bad_input_is_shown_next_to_the_field()
    {
        var (client, _, _) = await portal.CitizenAsync("Pagina", "Operatore");
        var id = await DidPortal.SendOkAsync(client);
        var op = await portal.OperatorAsync("CPI-ANCONA");
        var url = $"/cpi/did/{id}";
        Assert.Contains("data-testid=\"registra-colloquio\"", await op.GetStringAsync(url));

        var bad = await DidPortal.PostFormAsync(op, url, url + "?handler=Colloquio", ("DataOra", "domani"), ("Luogo", ""));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"errore-dataOra\">Indicare data e ora nel formato gg/mm/aaaa hh:mm.", html);
        Assert.Equal(StatoDid.Inviata, await portal.WithDidAsync(db => db.Dichiarazioni.Where(d => d.Id == id).Select(d => d.Stato).SingleAsync()));

        var when = RomeTime.ToRome(portal.Clock.GetUtcNow().UtcDateTime.AddDays(3)).ToString("dd/MM/yyyy HH:mm", RomeTime.Italian);
        var ok = await DidPortal.PostFormAsync(op, url, url + "?handler=Colloquio", ("DataOra", when), ("Luogo", "Via Giannelli 36, Ancona"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var fixedPage = await op.GetStringAsync(url);
        Assert.Contains("Via Giannelli 36, Ancona", fixedPage);
        Assert.Contains("data-testid=\"registra-giustificato\"", fixedPage);

        var noReason = await DidPortal.PostFormAsync(op, url, url + "?handler=Giustifica", ("Motivo", ""), ("DataOra", when), ("Luogo", "Sede"));
        Assert.Contains("data-testid=\"errore-motivo\">Indicare il giustificato motivo", await noReason.Content.ReadAsStringAsync());
        var later = RomeTime.ToRome(portal.Clock.GetUtcNow().UtcDateTime.AddDays(6)).ToString("dd/MM/yyyy HH:mm", RomeTime.Italian);
        Assert.Equal(HttpStatusCode.Redirect, (await DidPortal.PostFormAsync(op, url, url + "?handler=Giustifica", ("Motivo", "Malattia certificata"), ("DataOra", later), ("Luogo", "Sede"))).StatusCode);
        Assert.Equal(RomeTime.TryFromRome(DateTime.ParseExact(later, "dd/MM/yyyy HH:mm", RomeTime.Italian), out var laterUtc, out _) ? laterUtc : default,
            await portal.WithDidAsync(db => db.Dichiarazioni.Where(d => d.Id == id).Select(d => d.AppuntamentoUtc!.Value).SingleAsync()));

        var noOutcome = await DidPortal.PostFormAsync(op, url, url + "?handler=Esito");
        Assert.Contains("data-testid=\"errore-esito\">Indicare l&#x27;esito", await noOutcome.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await DidPortal.PostFormAsync(op, url, url + "?handler=Esito", ("Esito", "svolto"), ("Nota", "Colloquio regolare"))).StatusCode);
        Assert.Equal(StatoDid.Confermata, await portal.WithDidAsync(db => db.Dichiarazioni.Where(d => d.Id == id).Select(d => d.Stato).SingleAsync()));

        var citizenPage = await client.GetStringAsync($"/did/{id}");
        Assert.Contains("Confermata", citizenPage);
        Assert.Contains("Primo colloquio svolto: D.I.D. confermata", citizenPage);
        Assert.Contains("Malattia certificata", citizenPage);
        Assert.Contains("In stato di disoccupazione dal", await client.GetStringAsync("/did"));
    }
}
