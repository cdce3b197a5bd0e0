using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Did.Model;

namespace Portal.Did.Tests;

/// <summary>Entry rule, the situation, "Nuova DID" with its mandatory declarations, idempotent sending.</summary>
[Collection(DidCollection.Name)]
public sealed class EntryAndSendTests(DidPortal portal)
{
    [Fact]
    public async Task A_person_neither_in_the_cpi_archive_nor_with_a_saved_anagrafica_is_told_why_and_linked_to_it()
    {
        var (id, cf) = await portal.NewPersonAsync();
        var client = await portal.LoginAsync(cf);

        var api = await client.GetAsync("/api/v1/did/situazione");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("salvato almeno una volta i tuoi dati nella sezione Anagrafica", await api.Content.ReadAsStringAsync());
        var send = await DidPortal.SendAsync(client, DidPortal.AllDeclared());
        Assert.Equal(HttpStatusCode.Forbidden, send.StatusCode);
        Assert.Equal(0, await portal.DidCountAsync(id));

        var page = await client.GetStringAsync("/did");
        Assert.Contains("data-testid=\"accesso-negato\"", page);
        Assert.Contains("href=\"/anagrafica?returnUrl=%2Fdid\"", page);
        Assert.DoesNotContain("data-testid=\"nuova-did\"", page);

        await client.CompleteAnagraficaAsync();
        var situazione = await client.GetFromJsonAsync<JsonElement>("/api/v1/did/situazione");
        Assert.Equal("CPI-ANCONA", situazione.GetProperty("cpi").GetString());
        Assert.True(situazione.GetProperty("puoInviareDid").GetBoolean());
        Assert.Contains("data-testid=\"nuova-did\"", await client.GetStringAsync("/did"));
    }

    [Fact]
    public async Task A_person_in_the_cpi_archive_enters_without_an_anagrafica_and_sees_their_state_and_cpi()
    {
        // Demo recipe: Giorgio Ferri is "occupato" in the archive of the CPI di Ancona and never saved the Anagrafica.
        var client = await portal.LoginAsync("FRRGRG75L12A271Y");
        var s = await client.GetFromJsonAsync<JsonElement>("/api/v1/did/situazione");
        Assert.Equal("occupato", s.GetProperty("stato").GetString());
        Assert.Equal("Centro per l'Impiego di Ancona", s.GetProperty("cpiNome").GetString());
        Assert.True(s.GetProperty("puoInviareDid").GetBoolean());
    }

    [Fact]
    public async Task The_button_is_absent_and_the_reason_shown_when_the_person_is_already_unemployed()
    {
        // Demo recipe: Francesca Mancini is "disoccupato" since 15/09/2025.
        var id = (await portal.WithCoreAsync(db => db.Persons.SingleAsync(p => p.CodiceFiscale == "MNCFNC88S45A271B"))).Id;
        var client = await portal.LoginAsync("MNCFNC88S45A271B");
        var page = await client.GetStringAsync("/did");
        Assert.Contains("In stato di disoccupazione dal 15/09/2025", page);
        Assert.DoesNotContain("data-testid=\"nuova-did\"", page);
        Assert.Contains("Risulti già in stato di disoccupazione", page);
        var form = await client.GetStringAsync("/did/nuova");
        Assert.DoesNotContain("data-testid=\"invia\"", form);

        var send = await DidPortal.SendAsync(client, DidPortal.AllDeclared());
        Assert.Equal(HttpStatusCode.Conflict, send.StatusCode);
        Assert.Contains("Risulti già in stato di disoccupazione", await send.Content.ReadAsStringAsync());
        Assert.Equal(0, await portal.DidCountAsync(id));
    }

    public static TheoryData<string> Mandatory() => new(DidPortal.Obbligatorie);

    [Theory]
    [MemberData(nameof(Mandatory))]
    public async Task Each_missing_declaration_is_refused_next_to_its_field_and_nothing_is_written(string missing)
    {
        var (client, id, _) = await portal.CitizenAsync();
        var response = await DidPortal.SendAsync(client, DidPortal.AllDeclared(missing));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await DidPortal.JsonAsync(response)).GetProperty("errors");
        Assert.Equal([missing], errors.EnumerateObject().Select(p => p.Name));
        Assert.Contains("Dichiarazione obbligatoria", errors.GetProperty(missing)[0].GetString());
        Assert.Equal(0, await portal.DidCountAsync(id));

        // The page: the message is next to that checkbox, the other ticks are kept.
        var fields = DidPortal.AllDeclared(missing).Select(kv => ("Input." + char.ToUpperInvariant(kv.Key[0]) + kv.Key[1..], "true"))
            .Append(("Chiave", Guid.NewGuid().ToString("N"))).ToArray();
        var page = await DidPortal.PostFormAsync(client, "/did/nuova", null, fields);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains($"id=\"err-{missing}\" data-testid=\"errore-{missing}\">Dichiarazione obbligatoria", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "data-testid=\"errore-"));
        Assert.Equal(0, await portal.DidCountAsync(id));
    }

    [Fact]
    public async Task Nothing_declared_names_every_mandatory_declaration()
    {
        var (client, id, _) = await portal.CitizenAsync();
        var response = await DidPortal.SendAsync(client, new { });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await DidPortal.JsonAsync(response)).GetProperty("errors");
        Assert.Equal(DidPortal.Obbligatorie.Order(), errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(0, await portal.DidCountAsync(id));
    }

    [Fact]
    public async Task A_send_without_idempotency_key_is_refused_in_italian()
    {
        var (client, id, _) = await portal.CitizenAsync();
        var response = await client.PostAsJsonAsync("/api/v1/did/dichiarazioni", DidPortal.AllDeclared());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await portal.DidCountAsync(id));
    }

    [Fact]
    public async Task Two_concurrent_sends_with_one_key_make_one_did_and_one_protocol_number()
    {
        var (client, id, _) = await portal.CitizenAsync();
        var client2 = client; // the same session, as a double click
        var key = Guid.NewGuid().ToString("N");
        var responses = await Task.WhenAll(DidPortal.SendAsync(client, DidPortal.AllDeclared(), key), DidPortal.SendAsync(client2, DidPortal.AllDeclared(), key));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var ids = await Task.WhenAll(responses.Select(async r => (await DidPortal.JsonAsync(r)).GetProperty("dichiarazione").GetProperty("id").GetGuid()));
        Assert.Equal(ids[0], ids[1]);
        Assert.Equal(1, await portal.DidCountAsync(id));

        // A retry later with the same key still answers the same DID; another key is refused while it is pending.
        var retry = await DidPortal.SendAsync(client, DidPortal.AllDeclared(), key);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var other = await DidPortal.SendAsync(client, DidPortal.AllDeclared());
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Contains("Hai già una D.I.D. in corso", await other.Content.ReadAsStringAsync());
        Assert.Equal(1, await portal.DidCountAsync(id));

        await portal.DrainOutboxAsync();
        var subject = ids[0].ToString();
        Assert.Equal(1, await portal.WithProtocolAsync(db => db.Entries.CountAsync(p => p.SubjectType == Dichiarazione.SubjectType && p.SubjectId == subject)));
    }

    [Fact]
    public async Task The_page_form_sends_once_on_a_double_submit()
    {
        var (client, id, _) = await portal.CitizenAsync();
        var html = await client.GetStringAsync("/did/nuova");
        Assert.Contains(Portal.Did.Model.Dichiarazioni.AvvisoInps, html.Replace("&#x27;", "'"));
        var key = System.Text.RegularExpressions.Regex.Match(html, "name=\"Chiave\" value=\"([^\"]+)\"").Groups[1].Value;
        var fields = DidPortal.AllDeclared().Select(kv => ("Input." + char.ToUpperInvariant(kv.Key[0]) + kv.Key[1..], "true")).Append(("Chiave", key)).ToArray();
        var first = await DidPortal.PostFormAsync(client, "/did/nuova", null, fields);
        var second = await DidPortal.PostFormAsync(client, "/did/nuova", null, fields);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await portal.DidCountAsync(id));
        var detail = await client.GetStringAsync(first.Headers.Location!.OriginalString);
        Assert.Contains("data-testid=\"esito-invio\"", detail);
        Assert.Contains("Fissa l&#x27;appuntamento per il primo colloquio con il Centro per l&#x27;Impiego di Ancona entro il", detail);
    }

    [Fact]
    public async Task A_sent_did_is_in_the_persons_pratiche_and_not_in_anothers()
    {
        var (client, _, _) = await portal.CitizenAsync();
        var id = await DidPortal.SendOkAsync(client);
        var area = WebUtility.HtmlDecode(await client.GetStringAsync("/area-personale"));
        Assert.Contains($"<a href=\"/did/{id}\">Dichiarazione di immediata disponibilità</a>", area);
        Assert.Contains("<td>Inviata</td>", area);
        var (other, _, _) = await portal.CitizenAsync();
        Assert.DoesNotContain($"/did/{id}", await other.GetStringAsync("/area-personale"));
    }
}
