using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Accreditamenti.Model;
using Portal.Testing;

namespace Portal.Accreditamenti.Tests;

/// <summary>Seed 000 "Accreditamento/Delega": a person asks to act for Comuni and follows the requests.</summary>
public class RequestTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_citizen_asks_for_two_comuni_through_the_page_and_sees_them_pending_with_an_audit_entry()
    {
        var (id, cf) = await portal.NewPersonAsync();
        var client = await portal.LoginAsync(cf);
        var page = await client.GetStringAsync("/accreditamenti");
        Assert.Contains("Comune (per inserimento graduatorie Borse di studio)", page);
        Assert.Contains("Falconara Marittima (AN) – 042018", page);
        Assert.DoesNotContain("Roma (RM)", page);

        var r = await client.PostFormAsync("/accreditamenti", null, ("Selected", "042021"), ("Selected", "042045"), ("Note", "Ufficio scuola"));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var list = WebUtility.HtmlDecode(await client.GetStringAsync("/accreditamenti?inviata=true"));
        Assert.Contains("Richiesta inviata", list);
        Assert.Contains("Jesi", list);
        Assert.Contains("Senigallia", list);
        Assert.Contains("In attesa", list);

        var requests = await portal.WithDbAsync(db => db.Requests.Where(x => x.PersonId == id).ToListAsync());
        Assert.Equal(2, requests.Count);
        Assert.All(requests, x => Assert.Equal(RequestState.InAttesa, x.State));
        Assert.All(requests, x => Assert.Equal("Ufficio scuola", x.Note));
        Assert.Equal(2, (await portal.AuditAsync("Accreditamento.Richiesto", cf)).Count);
    }

    [Fact]
    public async Task A_duplicate_pending_request_is_refused_with_a_clear_message_on_page_and_api()
    {
        var (id, cf) = await portal.NewPersonAsync();
        var client = await portal.LoginAsync(cf);
        var created = await client.PostAsJsonAsync("/api/v1/accreditamenti", new { comuni = new[] { "043013" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var again = await client.PostAsJsonAsync("/api/v1/accreditamenti", new { comuni = new[] { "043013", "044007" } });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Richiesta non valida", problem.GetProperty("title").GetString());
        Assert.Equal("Hai già una richiesta in attesa o un accreditamento attivo per il Comune di Civitanova Marche.",
            problem.GetProperty("errors").GetProperty("Comuni")[0].GetString());

        var page = await client.PostFormAsync("/accreditamenti", null, ("Selected", "043013"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Hai già una richiesta in attesa", TestPeople.FieldError(await page.Content.ReadAsStringAsync(), "Comuni"));
        Assert.Equal(1, await portal.WithDbAsync(db => db.Requests.CountAsync(x => x.PersonId == id)));
    }

    [Fact]
    public async Task An_operator_already_accredited_for_a_comune_cannot_ask_for_it_again()
    {
        var client = await portal.LoginAsync(Demo.OperatoreAncona, "Cittadino");
        var r = await client.PostAsJsonAsync("/api/v1/accreditamenti", new { comuni = new[] { "042002" } });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("Ancona", await r.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(new string[0], null, "Comuni", "Scegliere almeno un Comune.")]
    [InlineData(new[] { "999999" }, null, "Comuni", "Codice ISTAT non trovato tra i Comuni: 999999.")]
    [InlineData(new[] { "058091" }, null, "Comuni", "Il Comune di Roma non appartiene alla regione.")]
    public async Task Bad_requests_show_the_italian_error_next_to_the_field_and_write_nothing(string[] comuni, string? note, string field, string message)
    {
        var (id, cf) = await portal.NewPersonAsync();
        var client = await portal.LoginAsync(cf);
        var fields = comuni.Select(c => ("Selected", c)).Append(("Note", note ?? "")).ToArray();
        var r = await client.PostFormAsync("/accreditamenti", null, fields);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = await r.Content.ReadAsStringAsync();
        Assert.Equal(message, TestPeople.FieldError(html, field));
        Assert.Contains("aria-invalid=\"true\"", html);
        var api = await client.PostAsJsonAsync("/api/v1/accreditamenti", new { comuni, note });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal(0, await portal.WithDbAsync(db => db.Requests.CountAsync(x => x.PersonId == id)));
    }

    [Fact]
    public async Task A_note_longer_than_500_characters_is_refused()
    {
        var (id, cf) = await portal.NewPersonAsync();
        var client = await portal.LoginAsync(cf);
        var r = await client.PostFormAsync("/accreditamenti", null, ("Selected", "041067"), ("Note", new string('x', 501)));
        Assert.Equal("La nota può contenere al massimo 500 caratteri.", TestPeople.FieldError(await r.Content.ReadAsStringAsync(), "Note"));
        Assert.Equal(0, await portal.WithDbAsync(db => db.Requests.CountAsync(x => x.PersonId == id)));
    }

    [Fact]
    public async Task A_citizen_cannot_read_another_persons_request_by_changing_the_id()
    {
        var (_, owner) = await portal.NewPersonAsync();
        var ownerClient = await portal.LoginAsync(owner);
        var created = await ownerClient.PostAsJsonAsync("/api/v1/accreditamenti", new { comuni = new[] { "044066" } });
        var requestId = (await created.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await ownerClient.GetAsync($"/api/v1/accreditamenti/{requestId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ownerClient.GetAsync($"/accreditamenti/{requestId}")).StatusCode);

        var other = await portal.LoginAsync(Demo.Cittadino);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/accreditamenti/{requestId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/accreditamenti/{requestId}")).StatusCode);
        var list = await other.GetFromJsonAsync<JsonElement>("/api/v1/accreditamenti");
        Assert.DoesNotContain(list.EnumerateArray(), x => x.GetProperty("id").GetGuid() == requestId);
    }

    [Fact]
    public async Task Anonymous_visitors_get_401_from_the_api_and_the_login_page_from_the_page()
    {
        var client = portal.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/accreditamenti")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/accreditamenti", new { comuni = new[] { "042002" } })).StatusCode);
        var page = await client.GetAsync("/accreditamenti");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/accedi", page.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_request_is_made_in_the_cittadino_context_not_as_an_operator()
    {
        var client = await portal.LoginAsync(Demo.OperatoreAncona, "OperatoreComune");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/accreditamenti")).StatusCode);
        var page = await client.GetAsync("/accreditamenti");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/accesso-negato", page.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_demo_recipe_holds_one_pending_request()
    {
        var pending = await portal.WithDbAsync(db => db.Requests.Where(r => r.CodiceFiscale == Demo.Cittadino && r.ComuneIstat == "043023").ToListAsync());
        Assert.Single(pending);
        Assert.Equal(RequestState.InAttesa, pending[0].State);
    }
}
