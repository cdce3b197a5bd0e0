using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;

namespace Portal.Anagrafica.Tests;

/// <summary>Every field group, bad and good, through the API; the form shows the same messages next to the fields.</summary>
public class ValidationTests(AnagraficaPortal portal) : IClassFixture<AnagraficaPortal>
{
    private async Task<(Guid Id, string Cf, HttpClient Client)> CitizenAsync()
    {
        var (id, cf) = await portal.NewCitizenAsync();
        return (id, cf, await portal.LoginAsync(cf));
    }

    private async Task AssertRejectedAsync(Dictionary<string, string?> input, string field, string message)
    {
        var (id, _, client) = await CitizenAsync();
        var errors = await Inputs.ErrorsAsync(await Inputs.PutAsync(client, input));
        Assert.Equal(message, errors.Error(field));
        Assert.Null(await portal.RecordAsync(id));
    }

    [Theory]
    [InlineData("residenzaCap", "6012", "residenzaCap", "Il CAP deve essere di 5 cifre.")]
    [InlineData("residenzaCap", "\u0666\u0660\u0661\u0662\u0661", "residenzaCap", "Il CAP deve essere di 5 cifre.")] // Arabic-Indic digits
    [InlineData("residenzaCap", "\uFF16\uFF10\uFF11\uFF12\uFF11", "residenzaCap", "Il CAP deve essere di 5 cifre.")] // fullwidth digits
    [InlineData("residenzaCivico", "\uFF11\uFF12", "residenzaCivico", "Il numero civico non è valido (esempi: 12, 12/A, 12 bis, SNC).")]
    [InlineData("residenzaComune", "\u0660\u0664\u0662\u0660\u0660\u0662", "residenzaComune", "Comune «\u0660\u0664\u0662\u0660\u0660\u0662» non trovato: scriverne una parte e scegliere dall'elenco.")]
    [InlineData("residenzaCap", "61121", "residenzaCap", "Il CAP 61121 non corrisponde al Comune di Ancona (CAP 60121-60131).")]
    [InlineData("residenzaCap", "", "residenzaCap", "Indicare il CAP della residenza.")]
    [InlineData("residenzaVia", "  ", "residenzaVia", "Indicare l'indirizzo della residenza.")]
    [InlineData("residenzaCivico", "dodici!", "residenzaCivico", "Il numero civico non è valido (esempi: 12, 12/A, 12 bis, SNC).")]
    [InlineData("residenzaComune", "999999", "residenzaComune", "Il codice ISTAT 999999 non corrisponde a nessun Comune.")]
    [InlineData("residenzaComune", "Atlantide", "residenzaComune", "Comune «Atlantide» non trovato: scriverne una parte e scegliere dall'elenco.")]
    [InlineData("residenzaComune", "", "residenzaComune", "Scegliere il Comune della residenza.")]
    [InlineData("residenzaComune", "Ancona (PU)", "residenzaComune", "Comune «Ancona (PU)» non trovato: scriverne una parte e scegliere dall'elenco.")]
    public async Task Residence_errors(string key, string value, string field, string message) =>
        await AssertRejectedAsync(Inputs.Valid().With((key, value)), field, message);

    [Theory]
    [InlineData("Ancona (AN)", "60121", "042002")]
    [InlineData("ancona (an)", "60121", "042002")]
    [InlineData("042002 - Ancona (AN)", "60121", "042002")]
    [InlineData("042002", "60121", "042002")]
    [InlineData("Castro (LE)", "73030", "075096")]
    [InlineData("Castro (BG)", "24063", "016065")]
    public async Task The_Comune_is_chosen_by_name_and_province_as_the_list_shows_it_or_by_its_code(string typed, string cap, string istat)
    {
        await ImportCastroAsync();
        var (id, _, client) = await CitizenAsync();
        var ok = await Inputs.PutAsync(client, Inputs.Valid().With(("residenzaComune", typed), ("residenzaCap", cap)));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(istat, (await portal.RecordAsync(id))!.Residenza.ComuneIstat);
    }

    [Fact]
    public async Task A_name_two_Comuni_share_asks_for_the_province()
    {
        await ImportCastroAsync();
        await AssertRejectedAsync(Inputs.Valid().With(("residenzaComune", "Castro"), ("residenzaCap", "73030")), "residenzaComune",
            "Più Comuni si chiamano «Castro»: sceglierne uno dall'elenco (nome e provincia).");
    }

    /// <summary>Two Comuni named Castro (Bergamo, Lecce), as in the ISTAT register (the tests' recipe loads a short list).</summary>
    private Task ImportCastroAsync() => portal.InScopeAsync(sp => sp.GetRequiredService<Portal.Core.Comuni.ComuniImporter>().ImportAsync(
        new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            "codice_istat;nome;sigla_provincia;provincia;regione;codice_catastale\n016065;Castro;BG;Bergamo;Lombardia;C337\n075096;Castro;LE;Lecce;Puglia;M261\n"))));

    [Fact]
    public async Task A_separate_domicile_needs_its_own_address_and_is_checked_like_the_residence()
    {
        var (id, _, client) = await CitizenAsync();
        var errors = await Inputs.ErrorsAsync(await Inputs.PutAsync(client, Inputs.Valid().With(("domicilioUgualeResidenza", "false"), ("domicilioCap", "123"))));
        Assert.Equal("Indicare l'indirizzo del domicilio.", errors.Error("domicilioVia"));
        Assert.Equal("Indicare il numero civico del domicilio.", errors.Error("domicilioCivico"));
        Assert.Equal("Il CAP deve essere di 5 cifre.", errors.Error("domicilioCap"));
        Assert.Equal("Scegliere il Comune del domicilio.", errors.Error("domicilioComune"));
        Assert.Null(await portal.RecordAsync(id));

        var ok = await Inputs.PutAsync(client, Inputs.Valid().With(("domicilioUgualeResidenza", "false"), ("domicilioVia", "Via Flaminia"),
            ("domicilioCivico", "3"), ("domicilioCap", "61121"), ("domicilioComune", "Pesaro")));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var record = await portal.RecordAsync(id);
        Assert.Equal(("Via Flaminia", "041044", "042002", false), (record!.Domicilio.Via, record.Domicilio.ComuneIstat, record.Residenza.ComuneIstat, record.DomicilioUgualeResidenza));
    }

    [Theory]
    [InlineData("email", "mario.rossi@", "email", "L'indirizzo email non è valido (esempio: nome@dominio.it).")]
    [InlineData("email", "", "email", "Indicare l'indirizzo email.")]
    [InlineData("pec", "pec senza chiocciola", "pec", "L'indirizzo PEC non è valido (esempio: nome@pec.it).")]
    [InlineData("telefono", "071-ABC", "telefono", "Il numero di telefono non è valido: solo cifre (da 6 a 15), eventualmente con il prefisso internazionale (+39).")]
    [InlineData("telefono", "\u0660\u0667\u0661\u0662\u0663\u0664\u0665\u0666\u0667", "telefono", "Il numero di telefono non è valido: solo cifre (da 6 a 15), eventualmente con il prefisso internazionale (+39).")]
    [InlineData("cellulare", "12", "cellulare", "Il numero di cellulare non è valido: solo cifre (da 6 a 15), eventualmente con il prefisso internazionale (+39).")]
    public async Task Contact_errors(string key, string value, string field, string message) =>
        await AssertRejectedAsync(Inputs.Valid().With((key, value)), field, message);

    [Theory]
    [InlineData("statoCivile", "ZZ - SCONOSCIUTO", "statoCivile", "Valore «ZZ - SCONOSCIUTO» non presente in elenco: scegliere lo stato civile tra le voci proposte.")]
    [InlineData("titoloStudio", "99", "titoloStudio", "Valore «99» non presente in elenco: scegliere il titolo di studio tra le voci proposte.")]
    [InlineData("cittadinanza", "", "cittadinanza", "Indicare la cittadinanza.")]
    [InlineData("cittadinanza", "999", "cittadinanza", "Valore «999» non presente in elenco: scegliere la cittadinanza tra le voci proposte.")]
    public async Task Coded_field_errors(string key, string value, string field, string message) =>
        await AssertRejectedAsync(Inputs.Valid().With((key, value)), field, message);

    [Fact]
    public async Task Coded_fields_accept_the_code_the_search_select_text_or_the_exact_description()
    {
        var (id, _, client) = await CitizenAsync();
        var ok = await Inputs.PutAsync(client, Inputs.Valid().With(("statoCivile", "vedovo/a"), ("titoloStudio", "70 - DOTTORATO DI RICERCA"), ("cittadinanza", "215")));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var record = await portal.RecordAsync(id);
        Assert.Equal(("VE", "70", "215"), (record!.StatoCivile, record.TitoloStudio, record.Cittadinanza));
        var profilo = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("FRANCIA", profilo.GetProperty("modificabili").GetProperty("cittadinanza").GetString());
    }

    [Fact]
    public async Task A_non_eu_citizen_needs_a_valid_residence_permit_an_eu_citizen_does_not()
    {
        var (id, _, client) = await CitizenAsync();
        var errors = await Inputs.ErrorsAsync(await Inputs.PutAsync(client, Inputs.Valid().With(("cittadinanza", "201 - ALBANIA"))));
        Assert.Equal("Per i cittadini non comunitari indicare il tipo di titolo di soggiorno.", errors.Error("titoloSoggiornoTipo"));
        Assert.Equal("Per i cittadini non comunitari indicare il numero del titolo di soggiorno.", errors.Error("titoloSoggiornoNumero"));
        Assert.Equal("Per i cittadini non comunitari indicare la data di scadenza del titolo di soggiorno.", errors.Error("titoloSoggiornoScadenza"));

        var yesterday = DateOnly.FromDateTime(portal.Clock.GetUtcNow().UtcDateTime).AddDays(-2).ToString("yyyy-MM-dd");
        errors = await Inputs.ErrorsAsync(await Inputs.PutAsync(client, Inputs.Valid().With(("cittadinanza", "201"), ("titoloSoggiornoTipo", "PS"),
            ("titoloSoggiornoNumero", "AB-12"), ("titoloSoggiornoScadenza", yesterday))));
        Assert.StartsWith("Il titolo di soggiorno è scaduto il ", errors.Error("titoloSoggiornoScadenza"));
        Assert.Equal("Il numero del titolo di soggiorno può contenere solo lettere e cifre (massimo 30).", errors.Error("titoloSoggiornoNumero"));
        errors = await Inputs.ErrorsAsync(await Inputs.PutAsync(client, Inputs.Valid().With(("cittadinanza", "201"), ("titoloSoggiornoTipo", "XX"),
            ("titoloSoggiornoNumero", "AB12"), ("titoloSoggiornoScadenza", "31/02/2030"))));
        Assert.Equal("La data di scadenza non è valida (formato gg/mm/aaaa).", errors.Error("titoloSoggiornoScadenza"));
        Assert.StartsWith("Valore «XX» non presente in elenco", errors.Error("titoloSoggiornoTipo"));
        Assert.Null(await portal.RecordAsync(id));

        var ok = await Inputs.PutAsync(client, Inputs.Valid().With(("cittadinanza", "201"), ("titoloSoggiornoTipo", "PL - PERMESSO UE PER SOGGIORNANTI DI LUNGO PERIODO"),
            ("titoloSoggiornoNumero", "AB1234567"), ("titoloSoggiornoScadenza", "15/06/2031")));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var record = await portal.RecordAsync(id);
        Assert.Equal(("PL", "AB1234567", new DateOnly(2031, 6, 15)), (record!.TitoloSoggiornoTipo, record.TitoloSoggiornoNumero, record.TitoloSoggiornoScadenza!.Value));

        // Becoming an EU citizen: the permit is no longer asked for and is cleared.
        var eu = await Inputs.PutAsync(client, Inputs.Valid(1).With(("cittadinanza", "233 - POLONIA")));
        Assert.Equal(HttpStatusCode.OK, eu.StatusCode);
        record = await portal.RecordAsync(id);
        Assert.Equal(("233", null, null), (record!.Cittadinanza, record.TitoloSoggiornoTipo, record.TitoloSoggiornoScadenza));
    }

    [Fact]
    public async Task A_valid_save_stores_every_field_audits_the_changes_and_tells_the_handlers()
    {
        var (id, cf, client) = await CitizenAsync();
        var first = await Inputs.PutAsync(client, Inputs.Valid());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var record = await portal.RecordAsync(id);
        Assert.Equal(("Via Giuseppe Garibaldi", "15/A", "60121", "042002"), (record!.Residenza.Via, record.Residenza.Civico, record.Residenza.Cap, record.Residenza.ComuneIstat));
        Assert.Equal(("0712345678", "+393331234567", "giovanna.prova@pec.example.org", "CN", "100", "40"),
            (record.Telefono, record.Cellulare, record.Pec, record.StatoCivile, record.Cittadinanza, record.TitoloStudio));
        Assert.Equal(1, record.Version);

        var second = await Inputs.PutAsync(client, Inputs.Valid(1).With(("email", "nuova@example.org"), ("residenzaCap", "60131")));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("versione").GetInt32());
        var audit = (await portal.AuditAsync("Anagrafica " + cf)).Last();
        Assert.Equal("AnagraficaSalvata", audit.Action);
        Assert.Equal("Campi modificati: CAP di residenza, email.", audit.Details);
        Assert.Equal(id, audit.ActorId);
        Assert.Equal("Giovanna Prova", audit.ActorName);
        var events = portal.Handler.Received.Where(e => e.PersonId == id).ToList();
        Assert.Equal(2, events.Count);
        Assert.True(events[0].FirstSave);
        Assert.Equal(cf, events[1].CodiceFiscale);
        Assert.Equal(["CAP di residenza", "email"], events[1].ChangedFields);
    }

    [Fact]
    public async Task The_form_shows_each_message_in_red_next_to_its_field_keeps_the_input_and_writes_nothing()
    {
        var (id, _, client) = await CitizenAsync();
        var response = await Inputs.PostFormAsync(client, Inputs.Valid().With(("residenzaCap", "601"), ("email", "non-valida"), ("statoCivile", "XX")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await Inputs.HtmlAsync(response);
        Assert.Contains("Il salvataggio non è avvenuto: correggere i 3 campi indicati in rosso.", html);
        Assert.Contains("class=\"form-control is-invalid\" value=\"601\"", html);
        Assert.Contains("aria-describedby=\"campo-ResidenzaCap-errore\" aria-invalid=\"true\"", html);
        Assert.Contains("<div class=\"invalid-feedback d-block\" id=\"campo-ResidenzaCap-errore\" role=\"alert\">Il CAP deve essere di 5 cifre.</div>", html);
        Assert.Contains("id=\"campo-Email-errore\" role=\"alert\">L'indirizzo email non è valido", html);
        Assert.Contains("id=\"campo-StatoCivile-errore\" role=\"alert\">Valore «XX» non presente in elenco", html);
        Assert.Contains("value=\"Via Giuseppe Garibaldi\"", html);
        Assert.DoesNotContain("Salvataggio avvenuto con successo.", html);
        Assert.Null(await portal.RecordAsync(id));
    }

    [Fact]
    public async Task A_cap_in_non_ascii_digits_is_a_field_error_on_the_form_not_a_500()
    {
        var (id, _, client) = await CitizenAsync();
        var response = await Inputs.PostFormAsync(client, Inputs.Valid().With(("residenzaCap", "\uFF16\uFF10\uFF11\uFF12\uFF11")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await Inputs.HtmlAsync(response);
        Assert.Contains("<div class=\"invalid-feedback d-block\" id=\"campo-ResidenzaCap-errore\" role=\"alert\">Il CAP deve essere di 5 cifre.</div>", html);
        Assert.DoesNotContain("Salvataggio avvenuto con successo.", html);
        Assert.Null(await portal.RecordAsync(id));
    }

    [Fact]
    public async Task Malformed_api_bodies_get_a_problem_detail_not_a_500()
    {
        var (_, _, client) = await CitizenAsync();
        var r = await client.PutAsync("/api/v1/profilo", new StringContent("{ non json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("Richiesta non valida", (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        var wrongType = await client.PutAsJsonAsync("/api/v1/profilo", new { versione = "uno", domicilioUgualeResidenza = 3 });
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        var form = await client.PostAsync("/anagrafica", PortalClient.Form(await PortalClient.TokenAsync(client, "/anagrafica"), ("Input.Versione", "abc"), ("Input.DomicilioUgualeResidenza", "forse")));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("Indicare l'indirizzo della residenza.", await Inputs.HtmlAsync(form));
    }
}
