using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Anagrafica.Services;
using Portal.Core.Contracts;
using Portal.Testing;

namespace Portal.Anagrafica.Tests;

public class FirstAccessTests(AnagraficaPortal portal) : IClassFixture<AnagraficaPortal>
{
    [Fact]
    public async Task A_citizen_who_never_saved_lands_on_the_form_after_login_and_services_stay_closed()
    {
        var (id, _) = await portal.NewCitizenAsync();
        var client = portal.Anonymous();
        var login = await DevLoginAsync(client, id);
        Assert.Equal("/anagrafica", login.Headers.Location!.OriginalString);

        var area = await client.GetAsync("/area-personale");
        Assert.Equal(HttpStatusCode.Redirect, area.StatusCode);
        Assert.Equal("/anagrafica?returnUrl=%2Farea-personale", area.Headers.Location!.OriginalString);
        var api = await client.GetAsync("/api/v1/area-personale");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(AnagraficaGate.ProblemDetail, problem.GetProperty("detail").GetString());
        Assert.Equal("/anagrafica", problem.GetProperty("anagrafica").GetString());
        // Public pages stay reachable.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Saving_once_even_without_changes_opens_the_services()
    {
        var (id, cf) = await portal.NewCitizenAsync();
        await portal.ImportRowsAsync(new RegistryRow(cf, "PROVA", "GIOVANNA", "Via Roma", "1", "60121", "042002", Cellulare: "3331234567",
            StatoCivile: "CN", Cittadinanza: "100", TitoloStudio: "40"));
        var client = await portal.LoginAsync(cf);
        var form = await client.GetAsync("/anagrafica?returnUrl=%2Farea-personale");
        // The pre-filled form is posted back as it is (seed 000: save even when nothing changed).
        var saved = await Inputs.PostFormAsync(client, Inputs.Valid().With(("residenzaVia", "Via Roma"), ("residenzaCivico", "1"),
            ("telefono", null), ("cellulare", "3331234567"), ("pec", null), ("titoloStudio", "40 - DIPLOMA DI SCUOLA SECONDARIA SUPERIORE")),
            "/anagrafica?returnUrl=%2Farea-personale");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/anagrafica?esito=salvato&returnUrl=%2Farea-personale", saved.Headers.Location!.OriginalString);
        var html = await client.GetStringAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("Salvataggio avvenuto con successo.", html);
        Assert.Contains("href=\"/area-personale\"", html);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);

        var area = await client.GetAsync("/area-personale");
        Assert.Equal(HttpStatusCode.OK, area.StatusCode);
        Assert.Contains("Anagrafica salvata", await area.Content.ReadAsStringAsync());
        var api = await client.GetFromJsonAsync<JsonElement>("/api/v1/area-personale");
        Assert.True(api.GetProperty("anagraficaCompilata").GetBoolean());
        Assert.Contains(api.GetProperty("servizi").EnumerateArray(), s => s.GetProperty("indirizzo").GetString() == "/avvisi");
        Assert.True(await portal.InScopeAsync(sp => sp.GetRequiredService<IAnagraficaStatus>().IsCompleteAsync(id)));

        // A second save with nothing changed is accepted too, and audited as a confirmation.
        var again = await Inputs.PutAsync(client, Inputs.Valid(1).With(("residenzaVia", "Via Roma"), ("residenzaCivico", "1"),
            ("telefono", null), ("cellulare", "3331234567"), ("pec", null)));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var audit = await portal.AuditAsync("Anagrafica " + cf);
        Assert.Equal(["AnagraficaPrimoSalvataggio", "AnagraficaSalvata"], audit.Select(a => a.Action));
        Assert.Equal("Dati confermati senza modifiche.", audit[1].Details);
        // After login a citizen with a saved Anagrafica goes where the login said.
        var relogin = await DevLoginAsync(portal.Anonymous(), id);
        Assert.Equal("/", relogin.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_form_is_prefilled_from_the_registry_and_the_identity_provider_with_the_codice_fiscale_fields_read_only()
    {
        var (_, cf) = await portal.NewCitizenAsync("Giovanna", "Prova", place: "A271", email: "giovanna@idp.example.org");
        await portal.ImportRowsAsync(new RegistryRow(cf, "PROVA", "GIOVANNA", "Corso Garibaldi", "88", "60122", "042002",
            Telefono: "0712222222", Email: "vecchia@example.org", StatoCivile: "CO", Cittadinanza: "100", TitoloStudio: "50"));
        var client = await portal.LoginAsync(cf);
        var html = await Inputs.HtmlAsync(await client.GetAsync("/anagrafica"));
        Assert.Contains("precompilati dall'Indice regionale del welfare", html);
        Assert.Matches("id=\"fisso-cognome\" type=\"text\" class=\"form-control\" value=\"Prova\" readonly", html);
        Assert.Matches("id=\"fisso-codice-fiscale\"[^>]*value=\"" + cf + "\" readonly", html);
        Assert.Matches("id=\"fisso-sesso\"[^>]*value=\"Femminile\" readonly", html);
        Assert.Matches("id=\"fisso-data-nascita\"[^>]*value=\"12/03/\\d{4}\" readonly", html);
        Assert.Matches("id=\"fisso-luogo-nascita\"[^>]*value=\"Ancona \\(AN\\)\" readonly", html);
        Assert.Contains("value=\"Corso Garibaldi\"", html);
        Assert.Contains("value=\"Ancona (AN)\"", html); // the Comune in words, as the list shows it
        Assert.Contains("value=\"CONIUGATO/A\"", html);
        Assert.Contains("value=\"DIPLOMA DI LAUREA / LAUREA TRIENNALE\"", html);
        Assert.Contains("value=\"giovanna@idp.example.org\"", html); // the identity provider's address wins
        Assert.Contains("<option value=\"CONVIVENTE\">", html);
        Assert.Contains("<option value=\"FRANCIA\">", html);

        var api = await client.GetFromJsonAsync<JsonElement>("/api/v1/profilo");
        Assert.False(api.GetProperty("compilata").GetBoolean());
        Assert.Equal(0, api.GetProperty("versione").GetInt32());
        Assert.Equal("F", api.GetProperty("datiAnagrafici").GetProperty("sesso").GetString());
        Assert.Equal("A271", api.GetProperty("datiAnagrafici").GetProperty("luogoNascitaCodice").GetString());
        Assert.Equal("0712222222", api.GetProperty("modificabili").GetProperty("telefono").GetString());
    }

    [Fact]
    public async Task A_person_born_abroad_sees_the_foreign_state_and_one_missing_from_the_registry_gets_an_empty_form()
    {
        var (_, cf) = await portal.NewCitizenAsync("John", "Smith", place: "Z114", sex: 'M', email: null);
        var client = await portal.LoginAsync(cf);
        var html = await Inputs.HtmlAsync(await client.GetAsync("/anagrafica"));
        Assert.Matches("id=\"fisso-luogo-nascita\"[^>]*value=\"REGNO UNITO \\(stato estero\\)\" readonly", html);
        Assert.Matches("id=\"fisso-sesso\"[^>]*value=\"Maschile\" readonly", html);
        Assert.DoesNotContain("precompilati dall'Indice regionale del welfare", html);
        var residence = System.Text.RegularExpressions.Regex.Match(html, "<input id=\"campo-ResidenzaVia\"[^>]*>").Value;
        Assert.NotEmpty(residence);
        Assert.DoesNotContain("value=", residence);
    }

    [Fact]
    public async Task The_codice_fiscale_fields_cannot_be_changed_by_posting_them()
    {
        var (id, cf) = await portal.NewCitizenAsync("Giovanna", "Prova");
        var client = await portal.LoginAsync(cf);
        var token = await PortalClient.TokenAsync(client, "/anagrafica");
        var fields = Inputs.Valid().Select(kv => ("Input." + char.ToUpperInvariant(kv.Key[0]) + kv.Key[1..], kv.Value ?? ""))
            .Append(("Input.Cognome", "Falsi")).Append(("Input.DataNascita", "2001-01-01")).ToArray();
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/anagrafica", PortalClient.Form(token, fields))).StatusCode);
        var record = await portal.RecordAsync(id);
        Assert.Equal(("Prova", "Giovanna", 'F', "H501"), (record!.Cognome, record.Nome, record.Sesso!.Value, record.LuogoNascitaCodice));
        Assert.NotEqual(2001, record.DataNascita!.Value.Year);
        var put = await client.PutAsJsonAsync("/api/v1/profilo", new Dictionary<string, object?>(Inputs.Json(Inputs.Valid(1))) { ["cognome"] = "Falsi" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("Prova", (await portal.RecordAsync(id))!.Cognome);
    }

    /// <summary>The development login without a return URL: the portal picks the landing page.</summary>
    private static async Task<HttpResponseMessage> DevLoginAsync(HttpClient client, Guid personId)
    {
        var token = await PortalClient.TokenAsync(client, "/accesso-di-prova");
        var response = await client.PostAsync("/accesso-di-prova", PortalClient.Form(token, ("personId", personId.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }
}
