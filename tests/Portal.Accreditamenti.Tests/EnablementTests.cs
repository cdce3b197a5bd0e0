using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Security;
using Portal.Testing;

namespace Portal.Accreditamenti.Tests;

/// <summary>Seed 003: enti gestori and CPI, enablement and disablement of their operators and of Funzionari.</summary>
public class EnablementTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static string Code(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)].ToUpperInvariant();

    [Fact]
    public async Task The_demo_recipe_holds_the_enti_and_cpi_of_the_demo_operators()
    {
        var admin = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var enti = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/enti");
        Assert.Contains(enti.EnumerateArray(), e => e.GetProperty("codice").GetString() == "ENTE-FORMAZIONE-01");
        var cpi = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/cpi");
        Assert.Contains(cpi.EnumerateArray(), c => c.GetProperty("codice").GetString() == "CPI-ANCONA");
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/abilitazioni?ruolo=OperatoreEnte"));
        Assert.Contains(Demo.OperatoreEnte, html);
    }

    [Fact]
    public async Task The_ente_form_shows_italian_errors_next_to_the_fields_and_writes_nothing()
    {
        var admin = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var before = await portal.WithDbAsync(db => db.Enti.CountAsync());
        var r = await admin.PostFormAsync("/admin/enti/modifica", null,
            ("NuovoCodice", "non valido!"), ("Denominazione", ""), ("CodiceFiscale", "12345678901"), ("Email", "posta@"), ("Attivo", "true"));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = await r.Content.ReadAsStringAsync();
        Assert.Equal("Il codice può contenere lettere maiuscole, cifre e trattini (da 2 a 40 caratteri).", TestPeople.FieldError(html, "NuovoCodice"));
        Assert.Equal("Indicare la denominazione dell'ente.", TestPeople.FieldError(html, "Denominazione"));
        Assert.Equal("Codice fiscale o partita IVA non valido (11 cifre o 16 caratteri).", TestPeople.FieldError(html, "CodiceFiscale"));
        Assert.Equal("Indirizzo email non valido.", TestPeople.FieldError(html, "Email"));
        var duplicate = await admin.PostFormAsync("/admin/enti/modifica", null,
            ("NuovoCodice", "ENTE-FORMAZIONE-01"), ("Denominazione", "Doppione"), ("CodiceFiscale", "01234560421"));
        Assert.Equal("Esiste già un ente con il codice ENTE-FORMAZIONE-01.", TestPeople.FieldError(await duplicate.Content.ReadAsStringAsync(), "NuovoCodice"));
        Assert.Equal(before, await portal.WithDbAsync(db => db.Enti.CountAsync()));
    }

    [Fact]
    public async Task An_ente_is_created_edited_and_deactivated_on_the_pages_with_audit()
    {
        var admin = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var code = Code("ENTE");
        var created = await admin.PostFormAsync("/admin/enti/modifica", null,
            ("NuovoCodice", code.ToLowerInvariant()), ("Denominazione", "Cooperativa Prova"), ("CodiceFiscale", "01234560421"), ("Email", "coop@example.org"), ("Attivo", "true"), ("Attivo", "false"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var edit = $"/admin/enti/modifica?codice={code}";
        Assert.Contains("Cooperativa Prova", await admin.GetStringAsync(edit));
        var updated = await admin.PostFormAsync(edit, edit, ("Codice", code), ("Denominazione", "Cooperativa Prova srl"), ("CodiceFiscale", "01234560421"), ("Attivo", "false"));
        Assert.Equal(HttpStatusCode.Redirect, updated.StatusCode);
        var ente = await portal.WithDbAsync(db => db.Enti.SingleAsync(e => e.Code == code));
        Assert.Equal(("Cooperativa Prova srl", false, (string?)null), (ente.Denominazione, ente.Active, ente.Email));
        Assert.Single(await portal.AuditAsync("EnteGestore.Creato", code));
        Assert.Single(await portal.AuditAsync("EnteGestore.Modificato", code));

        // An inactive ente's operators cannot be enabled.
        var r = await admin.PostAsJsonAsync("/api/v1/admin/abilitazioni", new
        {
            tipo = "Ente", ambito = code, nome = "Ada", cognome = "Prova", codiceFiscale = TestPeople.NewCodiceFiscale(), email = "ada@example.org", richiestoDa = "Ente", motivo = "Richiesta",
        });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("non è attivo", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Cpi_are_kept_through_the_api_with_validation()
    {
        var admin = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var bad = await admin.PostAsJsonAsync("/api/v1/admin/cpi", new { codice = "", nome = "", provincia = "RM", attivo = true });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Indicare il nome del Centro per l'Impiego.", errors.GetProperty("Nome")[0].GetString());
        Assert.StartsWith("Indicare la sigla di una provincia della regione", errors.GetProperty("Provincia")[0].GetString());
        Assert.True(errors.TryGetProperty("Codice", out _));

        var code = Code("CPI");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/admin/cpi", new { codice = code, nome = "Centro per l'Impiego di Fermo", provincia = "fm", attivo = true })).StatusCode);
        var updated = await admin.PutAsJsonAsync($"/api/v1/admin/cpi/{code}", new { codice = code, nome = "CPI di Fermo", provincia = "FM", attivo = true });
        Assert.Equal("CPI di Fermo", (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("nome").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/v1/admin/cpi/NON-ESISTE", new { nome = "x", provincia = "AN", attivo = true })).StatusCode);
    }

    [Fact]
    public async Task An_operator_of_a_cpi_is_enabled_on_the_page_gets_the_role_and_is_disabled_with_a_reason()
    {
        var admin = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var cf = TestPeople.NewCodiceFiscale();
        var page = "/admin/abilitazioni/nuova?tipo=Cpi";
        var bad = await admin.PostFormAsync(page, page, ("Tipo", "Cpi"), ("Ambito", ""), ("Nome", ""), ("Cognome", "Bruni"), ("CodiceFiscale", "ABC"), ("Email", "x"), ("RichiestoDa", ""), ("Motivo", ""));
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Equal("Scegliere il Centro per l'Impiego.", TestPeople.FieldError(html, "Ambito"));
        Assert.Equal("Indicare il nome.", TestPeople.FieldError(html, "Nome"));
        Assert.Equal("Codice fiscale non valido.", TestPeople.FieldError(html, "CodiceFiscale"));
        Assert.Equal("Indirizzo email non valido.", TestPeople.FieldError(html, "Email"));
        Assert.Equal("Indicare chi ha chiesto l'abilitazione.", TestPeople.FieldError(html, "RichiestoDa"));
        Assert.NotNull(TestPeople.FieldError(html, "Motivo"));
        Assert.Null(TestPeople.FieldError(html, "Cognome"));

        var ok = await admin.PostFormAsync(page, page, ("Tipo", "Cpi"), ("Ambito", "CPI-ANCONA"), ("Nome", "Piero"), ("Cognome", "Bruni"), ("CodiceFiscale", cf.ToLowerInvariant()),
            ("Email", "piero.bruni@cpi.example"), ("RichiestoDa", "Responsabile CPI Ancona"), ("Motivo", "Email del 10/03, prot. 1234"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var person = await portal.WithCoreAsync(db => db.Persons.SingleAsync(p => p.CodiceFiscale == cf));
        var choice = Assert.Single(await portal.RoleChoicesAsync(person.Id), c => c.RoleName == PortalRoles.OperatoreCpi);
        Assert.Equal(new[] { "Cpi:CPI-ANCONA" }, choice.Scopes);
        var enablement = await portal.WithDbAsync(db => db.Enablements.SingleAsync(e => e.PersonId == person.Id));
        Assert.Equal(("Responsabile CPI Ancona", "Email del 10/03, prot. 1234"), (enablement.RequestedBy, enablement.EnableReason));
        Assert.Single(await portal.AuditAsync("Abilitazione.Concessa", cf));

        var twice = await admin.PostFormAsync(page, page, ("Tipo", "Cpi"), ("Ambito", "CPI-ANCONA"), ("Nome", "Piero"), ("Cognome", "Bruni"), ("CodiceFiscale", cf),
            ("Email", "piero.bruni@cpi.example"), ("RichiestoDa", "Responsabile"), ("Motivo", "Ancora"));
        Assert.StartsWith("La persona è già abilitata", TestPeople.FieldError(await twice.Content.ReadAsStringAsync(), "CodiceFiscale"));

        var disable = $"/admin/abilitazioni/{enablement.AssignmentId}";
        var noReason = await admin.PostFormAsync(disable, disable, ("Motivo", ""));
        Assert.Equal("Indicare il motivo della disabilitazione.", TestPeople.FieldError(await noReason.Content.ReadAsStringAsync(), "Motivo"));
        Assert.Contains(await portal.RoleChoicesAsync(person.Id), c => c.RoleName == PortalRoles.OperatoreCpi);
        var done = await admin.PostFormAsync(disable, disable, ("Motivo", "Cessato incarico, email del CPI del 20/03"));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.DoesNotContain(await portal.RoleChoicesAsync(person.Id), c => c.RoleName == PortalRoles.OperatoreCpi);
        var after = await portal.WithDbAsync(db => db.Enablements.SingleAsync(e => e.PersonId == person.Id));
        Assert.Equal("Cessato incarico, email del CPI del 20/03", after.DisableReason);
        Assert.NotNull(after.DisabledUtc);
        Assert.Single(await portal.AuditAsync("Abilitazione.Revocata", cf));
    }

    [Fact]
    public async Task A_funzionario_is_enabled_through_the_api_on_request_of_the_manager_and_disabled()
    {
        var admin = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var cf = TestPeople.NewCodiceFiscale();
        var r = await admin.PostAsJsonAsync("/api/v1/admin/abilitazioni", new
        {
            tipo = "Funzionario", nome = "Carla", cognome = "Dirigenti", codiceFiscale = cf, email = "carla@regione.example",
            richiestoDa = "Dirigente P.F. Sistemi informativi", motivo = "Richiesta a segreteria.sisinf del 02/04",
        });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var row = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Funzionario", row.GetProperty("ruolo").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("ambito").ValueKind);
        Assert.Equal("Dirigente P.F. Sistemi informativi", row.GetProperty("richiestoDa").GetString());
        var id = row.GetProperty("id").GetGuid();

        await portal.WithCoreAsync(async db =>
        {
            (await db.Persons.SingleAsync(p => p.CodiceFiscale == cf)).IsDemo = true;
            return await db.SaveChangesAsync();
        });
        var funzionario = await portal.LoginAsync(cf, PortalRoles.Funzionario);
        Assert.Equal("Funzionario", (await funzionario.GetFromJsonAsync<JsonElement>("/api/v1/sessione")).GetProperty("ruolo").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/v1/admin/abilitazioni/{id}/disabilita", new { motivo = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/admin/abilitazioni/{id}/disabilita", new { motivo = "Trasferito" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/v1/admin/abilitazioni/{id}/disabilita", new { motivo = "Ancora" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await funzionario.GetAsync("/api/v1/sessione")).StatusCode);
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/abilitazioni?ruolo=Funzionario");
        var listed = list.EnumerateArray().Single(x => x.GetProperty("id").GetGuid() == id);
        Assert.False(listed.GetProperty("attiva").GetBoolean());
        Assert.Equal("Trasferito", listed.GetProperty("motivoDisabilitazione").GetString());
    }

    [Fact]
    public async Task Enabling_a_person_already_known_keeps_their_data_and_adds_the_scoped_role()
    {
        var (id, cf) = await portal.NewPersonAsync("Rita", "Ente");
        var admin = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var created = await admin.PostAsJsonAsync("/api/v1/admin/abilitazioni", new
        {
            tipo = "Ente", ambito = "ENTE-FORMAZIONE-01", nome = "Rita", cognome = "Ente", codiceFiscale = cf, email = "rita@ente.example",
            richiestoDa = "Consorzio Formazione e Lavoro Marche", motivo = "Richiesta formale dell'ente",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var existing = await portal.WithCoreAsync(db => db.Persons.SingleAsync(p => p.Id == id));
        Assert.Equal("Rita", existing.Nome);
        Assert.Contains(await portal.RoleChoicesAsync(id), c => c.RoleName == PortalRoles.OperatoreEnte && c.Scopes.Contains("Ente:ENTE-FORMAZIONE-01"));
    }

    [Fact]
    public async Task A_role_granted_outside_the_module_can_be_disabled_and_the_disablement_is_recorded()
    {
        var (id, cf) = await portal.NewPersonAsync("Ivo", "Ricetta");
        var assignmentId = await portal.WithCoreAsync(async db =>
        {
            var a = new RoleAssignment { PersonId = id, RoleName = PortalRoles.OperatoreEnte, ScopeType = ScopeTypes.Ente, ScopeValue = "ENTE-FORMAZIONE-01", GrantedUtc = DateTime.UtcNow, GrantedBy = "ricetta" };
            db.RoleAssignments.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
        var admin = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/admin/abilitazioni/{assignmentId}/disabilita", new { motivo = "Richiesta dell'ente" })).StatusCode);
        var record = await portal.WithDbAsync(db => db.Enablements.SingleAsync(e => e.AssignmentId == assignmentId));
        Assert.Equal(("Richiesta dell'ente", cf), (record.DisableReason, record.CodiceFiscale));
        Assert.DoesNotContain(await portal.RoleChoicesAsync(id), c => c.RoleName == PortalRoles.OperatoreEnte);
        // Only the roles this module manages: an OperatoreComune assignment is not an "abilitazione".
        var other = await portal.WithCoreAsync(db => db.RoleAssignments.Where(a => a.RoleName == PortalRoles.OperatoreComune).Select(a => a.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"/api/v1/admin/abilitazioni/{other}/disabilita", new { motivo = "x" })).StatusCode);
    }
}
