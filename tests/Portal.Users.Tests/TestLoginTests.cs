using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Security;

namespace Portal.Users.Tests;

/// <summary>POST /api/v1/prova/accesso and the "Entra con un'altra persona" form of /accesso-di-prova.</summary>
public class TestLoginTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Ancona = "042002";

    private static string NewCf() => TestCodiciFiscali.Make(
        new string(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Select(char.ToUpperInvariant).Concat("XXXXXX").Take(3).ToArray()),
        "TST", new DateOnly(1980 + Random.Shared.Next(20), 1 + Random.Shared.Next(12), 1 + Random.Shared.Next(28)));

    private static object Body(string? cf, string? nome = "Carla", string? cognome = "Prova", string? comune = Ancona) =>
        new { codiceFiscale = cf, nome, cognome, comuneResidenzaIstat = comune };

    private Task<PersonInfo?> PersonAsync(string cf) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<IPeople>().FindByCodiceFiscaleAsync(cf));

    [Fact]
    public async Task A_new_codice_fiscale_gets_a_person_a_saved_anagrafica_and_a_session()
    {
        var cf = NewCf();
        var client = portal.Anonymous();
        var r = await client.PostAsJsonAsync("/api/v1/prova/accesso", Body(cf.ToLowerInvariant()));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var dto = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(cf, dto.GetProperty("codiceFiscale").GetString());
        Assert.True(dto.GetProperty("nuovaPersona").GetBoolean());
        Assert.True(dto.GetProperty("anagraficaSalvata").GetBoolean());
        Assert.False(dto.GetProperty("ruoloDaScegliere").GetBoolean());

        var session = await client.GetFromJsonAsync<JsonElement>("/api/v1/sessione");
        Assert.Equal(cf, session.GetProperty("codiceFiscale").GetString());
        var profilo = await client.GetFromJsonAsync<JsonElement>("/api/v1/profilo");
        Assert.True(profilo.GetProperty("compilata").GetBoolean());
        Assert.Equal("Ancona (AN)", profilo.GetProperty("modificabili").GetProperty("residenzaComune").GetString());
        Assert.EndsWith("@prova.invalid", profilo.GetProperty("modificabili").GetProperty("email").GetString());
        // Services that need a saved Anagrafica open at once.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/area-personale")).StatusCode);

        var audit = await portal.InScopeAsync(sp => sp.GetRequiredService<Portal.AuditTrail.Data.AuditTrailDbContext>().Audit.AsNoTracking()
            .Where(a => a.Subject == $"Anagrafica {cf}").Select(a => a.Action).ToListAsync());
        Assert.Equal(["AnagraficaPrimoSalvataggio"], audit);
    }

    [Fact]
    public async Task An_existing_person_keeps_their_data_and_anagrafica()
    {
        var cf = NewCf();
        var first = await (await portal.Anonymous().PostAsJsonAsync("/api/v1/prova/accesso", Body(cf))).Content.ReadFromJsonAsync<JsonElement>();
        var again = await portal.Anonymous().PostAsJsonAsync("/api/v1/prova/accesso", Body(cf, "Altro", "Nome", "041044"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var dto = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first.GetProperty("personId").GetGuid(), dto.GetProperty("personId").GetGuid());
        Assert.False(dto.GetProperty("nuovaPersona").GetBoolean());
        Assert.False(dto.GetProperty("anagraficaSalvata").GetBoolean());
        Assert.Equal("Carla", dto.GetProperty("nome").GetString());
    }

    [Fact]
    public async Task Simultaneous_logins_of_one_new_person_create_it_once()
    {
        var cf = NewCf();
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => portal.Anonymous().PostAsJsonAsync("/api/v1/prova/accesso", Body(cf))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var ids = new HashSet<Guid>();
        var saved = 0;
        foreach (var r in responses)
        {
            var dto = await r.Content.ReadFromJsonAsync<JsonElement>();
            ids.Add(dto.GetProperty("personId").GetGuid());
            if (dto.GetProperty("anagraficaSalvata").GetBoolean()) saved++;
        }
        Assert.Single(ids);
        Assert.Equal(1, saved);
    }

    public static TheoryData<string?, string?, string?, string?, string, string> BadInputs => new()
    {
        { null, "Carla", "Prova", Ancona, "codiceFiscale", "Indicare il codice fiscale." },
        { "RSSMRA80A01H501X", "Carla", "Prova", Ancona, "codiceFiscale", "non è valido" },
        { "VALID", "", "Prova", Ancona, "nome", "Indicare il nome." },
        { "VALID", "Carla", " ", Ancona, "cognome", "Indicare il cognome." },
        { "VALID", new string('a', 101), "Prova", Ancona, "nome", "al massimo 100 caratteri" },
        { "VALID", "Carla\u0007", "Prova", Ancona, "nome", "caratteri non ammessi" },
        { "VALID", "Carla", "Prova", null, "comuneResidenzaIstat", "Indicare il Comune di residenza." },
        { "VALID", "Carla", "Prova", "Ancona", "comuneResidenzaIstat", "codice ISTAT di 6 cifre" },
        { "VALID", "Carla", "Prova", "999999", "comuneResidenzaIstat", "Nessun Comune ha il codice ISTAT 999999." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_refused_field_by_field_and_creates_nobody(string? cf, string? nome, string? cognome, string? comune, string field, string message)
    {
        var valid = NewCf();
        var sent = cf == "VALID" ? valid : cf;
        var r = await portal.Anonymous().PostAsJsonAsync("/api/v1/prova/accesso", Body(sent, nome, cognome, comune));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var problem = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Null(await PersonAsync(valid));
        if (sent is not null && sent != valid) Assert.Null(await PersonAsync(sent));
    }

    [Fact]
    public async Task The_page_form_signs_in_a_new_person_and_returns_where_asked()
    {
        var cf = NewCf();
        var client = portal.Anonymous();
        var token = await PortalClient.TokenAsync(client, "/accesso-di-prova");
        var r = await client.PostAsync("/accesso-di-prova?handler=Nuova", PortalClient.Form(token,
            ("Nuova.CodiceFiscale", cf), ("Nuova.Nome", "Dario"), ("Nuova.Cognome", "Collaudo"), ("Nuova.ComuneResidenzaIstat", Ancona),
            ("returnUrl", "/area-personale")));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("/area-personale", r.Headers.Location?.OriginalString);
        var session = await client.GetFromJsonAsync<JsonElement>("/api/v1/sessione");
        Assert.Equal(cf, session.GetProperty("codiceFiscale").GetString());
        Assert.Equal("Dario Collaudo", session.GetProperty("nome").GetString());
    }

    [Fact]
    public async Task The_page_form_shows_each_error_next_to_its_field_and_creates_nobody()
    {
        var client = portal.Anonymous();
        var token = await PortalClient.TokenAsync(client, "/accesso-di-prova");
        var r = await client.PostAsync("/accesso-di-prova?handler=Nuova", PortalClient.Form(token,
            ("Nuova.CodiceFiscale", "RSSMRA80A01H501X"), ("Nuova.Nome", ""), ("Nuova.Cognome", "Collaudo"), ("Nuova.ComuneResidenzaIstat", "")));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = await r.Content.ReadAsStringAsync();
        Assert.Matches("id=\"cf-errore\"[^>]*>Il codice fiscale non è valido", html.Replace("&#xE8;", "è"));
        Assert.Matches("id=\"nome-errore\"[^>]*>Indicare il nome.", html);
        Assert.Matches("id=\"comune-errore\"[^>]*>Indicare il Comune di residenza.", html);
        Assert.Null(await PersonAsync("RSSMRA80A01H501X"));
        // The demo people are still listed after the refusal.
        Assert.Contains(Demo.Cittadino, html);
    }
}
