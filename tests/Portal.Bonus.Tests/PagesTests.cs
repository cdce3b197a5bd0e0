using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;

namespace Portal.Bonus.Tests;

/// <summary>The citizen's pages, every button pressed: new application, a section refused then saved (red to green), upload, send, receipt, cancellation request.</summary>
[Collection(BonusCollection.Name)]
public sealed class PagesTests(BonusPortal portal)
{
    [Fact]
    public async Task A_parent_fills_the_sections_uploads_sends_and_downloads_the_receipt_from_the_pages()
    {
        var c = await portal.CitizenAsync(cognome: "Galli", nome: "Marta");
        var client = c.Client;
        var list = await client.GetStringAsync("/bonus");
        Assert.Contains("BONUS_DDI_2021", list);
        Assert.Contains("Seconda finestra", list);
        var token = await PortalClient.TokenAsync(client, "/bonus");
        var created = await client.PostAsync("/bonus?handler=Nuova", PortalClient.Form(token, ("bandoId", (await portal.BandoIdAsync()).ToString())));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString;
        var id = Guid.Parse(page.Split('/').Last());

        var html = await client.GetStringAsync(page);
        Assert.Contains("Da compilare", html);
        Assert.DoesNotContain(">Salvata<", html);

        // A section with an error first: the message is next to the field, nothing is saved, the title stays red.
        var refused = await PostAsync(client, page, "Sezione&sezione=isee", ("valore", "25.000,00"), ("tipo", "ordinario"), ("protocolloDsu", "INPS-ISEE-2026-00123456A-00"), ("dataRilascio", DomandaSteps.Today));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("id=\"valore-errore\"", refusedHtml);
        Assert.Contains("minore o uguale a 18.000,00 €", refusedHtml);
        Assert.Contains("value=\"25.000,00\"", refusedHtml);
        Assert.Null(await portal.InBonusAsync(db => db.Domande.Where(d => d.Id == id).Select(d => d.IseeValore).SingleAsync()));

        var child = DomandaSteps.ChildCf(11);
        await SavedAsync(client, page, "richiedente", ("ruolo", "Genitore"), ("conviveConFigli", "true"));
        await SavedAsync(client, page, "nucleo", ("componenti[0].codiceFiscale", child), ("componenti[0].nome", "Pietro"), ("componenti[0].cognome", "Galli"), ("componenti[0].relazione", "Figlio"));
        await SavedAsync(client, page, "figli", ("figli[0].codiceFiscale", child), ("figli[0].nome", "Pietro"), ("figli[0].cognome", "Galli"), ("figli[0].livello", "PrimoCiclo"), ("figli[0].istituto", "Scuola media Pascoli"));
        await SavedAsync(client, page, "isee", ("valore", "8.000,00"), ("tipo", "ordinario"), ("protocolloDsu", "INPS-ISEE-2026-00123456A-00"), ("dataRilascio", DomandaSteps.Today));
        await SavedAsync(client, page, "occupazione", ("condizione", "Occupato"));
        await SavedAsync(client, page, "dispositivo", ("dispositivo", "fisso"));
        await SavedAsync(client, page, "dichiarazioni", ("accettate", "veridicita"), ("accettate", "nessunAltroContributo"), ("accettate", "accettazioneAvviso"), ("accettate", "privacy"));
        html = await client.GetStringAsync(page);
        Assert.DoesNotContain("bg-danger\">Da compilare", html);
        Assert.Contains("titolo-isee", html);

        // Sending without the attestation lists what is missing, with a link to it.
        var missing = await PostAsync(client, page, "Invia", ("chiave", "k1"));
        var missingHtml = await missing.Content.ReadAsStringAsync();
        Assert.Contains("La domanda non è stata inviata", missingHtml);
        Assert.Contains("href=\"#sezione-allegati\"", missingHtml);

        token = await PortalClient.TokenAsync(client, page);
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(TestFiles.Pdf("ISEE"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "isee.pdf");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"{page}?handler=Allegato", form)).StatusCode);
        Assert.Contains("Caricata", await client.GetStringAsync(page));

        token = await PortalClient.TokenAsync(client, page);
        var chiave = System.Text.RegularExpressions.Regex.Match(await client.GetStringAsync(page), "name=\"chiave\" value=\"([0-9a-f]+)\"").Groups[1].Value;
        // A double click: the same form posted twice is one sending.
        var first = await client.PostAsync($"{page}?handler=Invia", PortalClient.Form(token, ("chiave", chiave)));
        var second = await client.PostAsync($"{page}?handler=Invia", PortalClient.Form(token, ("chiave", chiave)));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        html = await client.GetStringAsync(page);
        Assert.Contains("Protocollo in corso di assegnazione", html);
        Assert.DoesNotContain("Scarica ricevuta di invio", html);
        await portal.DrainOutboxAsync();
        html = await client.GetStringAsync(page);
        Assert.Matches(@"Protocollo n\. <strong>ARM-\d{4}-\d{7}</strong>", html);
        Assert.Contains($"href=\"/api/v1/bonus/domande/{id}/ricevuta\">Scarica ricevuta di invio", html);
        Assert.Equal("application/pdf", (await client.GetAsync($"/api/v1/bonus/domande/{id}/ricevuta")).Content.Headers.ContentType!.MediaType);
        Assert.Equal("application/pdf", (await client.GetAsync($"/api/v1/bonus/domande/{id}/pdf")).Content.Headers.ContentType!.MediaType);

        // The sent application's forms are closed; the cancellation request is the way (an empty reason refused first).
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, page, "Sezione&sezione=dispositivo", ("dispositivo", "portatile"))).StatusCode);
        Assert.Equal("fisso", await portal.InBonusAsync(db => db.Domande.Where(d => d.Id == id).Select(d => d.Dispositivo).SingleAsync()));
        var empty = await PostAsync(client, page, "Annullamento", ("motivo", ""));
        Assert.Contains("id=\"motivo-errore\"", await empty.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, page, "Annullamento", ("motivo", "Ho indicato il dispositivo sbagliato"))).StatusCode);
        Assert.Contains("Hai chiesto l'annullamento", await client.GetStringAsync(page));

        var other = await portal.CitizenAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(page)).StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, params (string, string)[] fields)
    {
        var token = await PortalClient.TokenAsync(client, page);
        return await client.PostAsync($"{page}?handler={handler}", PortalClient.Form(token, fields));
    }

    private static async Task SavedAsync(HttpClient client, string page, string sezione, params (string, string)[] fields)
    {
        var r = await PostAsync(client, page, $"Sezione&sezione={sezione}", fields);
        Assert.True(r.StatusCode == HttpStatusCode.Redirect, $"{sezione}: {(int)r.StatusCode} {System.Text.RegularExpressions.Regex.Matches(await r.Content.ReadAsStringAsync(), "role=\"alert\">([^<]+)").Select(m => m.Groups[1].Value).FirstOrDefault()}");
        var html = await client.GetStringAsync(page);
        Assert.Matches($"id=\"titolo-{sezione}\">\\s*[^<]+<span class=\"badge bg-success\">Salvata</span>", html);
    }
}
