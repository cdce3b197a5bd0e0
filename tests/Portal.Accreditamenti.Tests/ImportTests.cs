using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Accreditamenti.Model;
using Portal.Core.Security;
using Portal.Testing;

namespace Portal.Accreditamenti.Tests;

/// <summary>Seed 000: last year's operators are enabled by a bulk import (CF + ISTAT code), all rows or none.</summary>
public class ImportTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private Task<int> AssignmentsAsync(string cf) => portal.WithCoreAsync(db =>
        db.RoleAssignments.CountAsync(a => a.RoleName == PortalRoles.OperatoreComune && db.Persons.Any(p => p.Id == a.PersonId && p.CodiceFiscale == cf)));

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/octet-stream")]
    public async Task The_import_takes_only_a_CSV_body(string contentType)
    {
        var admin = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var csv = $"codice_fiscale;codice_istat;nome;cognome;email\n{TestPeople.NewCodiceFiscale()};042045;Elena;Nuova;elena@example.it\n";
        var r = await admin.PostAsync("/api/v1/admin/accreditamenti/importazione", new StringContent(csv, Encoding.UTF8, contentType));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, r.StatusCode);
    }

    [Fact]
    public async Task A_good_file_creates_people_and_accreditations_and_a_second_import_changes_nothing()
    {
        var newCf = TestPeople.NewCodiceFiscale();
        var (knownId, knownCf) = await portal.NewPersonAsync();
        var csv = $"codice_fiscale;codice_istat;nome;cognome;email\n{newCf};042045;Elena;Nuova;elena.nuova@comune.senigallia.example\n{knownCf.ToLowerInvariant()};043013;;;\n{newCf};041044;;;\n";
        var admin = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var lastAudit = (await portal.AuditAsync("Accreditamento.Importazione", "Importazione")).Select(a => a.Id).DefaultIfEmpty().Max();
        var r = await admin.PostAsync("/api/v1/admin/accreditamenti/importazione", Csv(csv));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var summary = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, summary.GetProperty("righe").GetInt32());
        Assert.Equal(1, summary.GetProperty("personeCreate").GetInt32());
        Assert.Equal(3, summary.GetProperty("accreditamentiCreati").GetInt32());
        Assert.Equal(0, summary.GetProperty("giaPresenti").GetInt32());

        var person = await portal.WithCoreAsync(db => db.Persons.SingleAsync(p => p.CodiceFiscale == newCf));
        Assert.Equal(("Elena", "Nuova", "elena.nuova@comune.senigallia.example"), (person.Nome, person.Cognome, person.Email));
        var scopes = (await portal.RoleChoicesAsync(person.Id)).Single(c => c.RoleName == PortalRoles.OperatoreComune).Scopes;
        Assert.Equal(new[] { "Comune:041044", "Comune:042045" }, scopes);
        Assert.Contains(await portal.RoleChoicesAsync(knownId), c => c.RoleName == PortalRoles.OperatoreComune && c.Scopes.Contains("Comune:043013"));
        var imported = await portal.WithDbAsync(db => db.Requests.Where(q => q.CodiceFiscale == newCf).ToListAsync());
        Assert.All(imported, q => Assert.Equal((RequestState.Approvata, RequestOrigins.Importazione), (q.State, q.Origin)));
        var audit = Assert.Single(await portal.AuditAsync("Accreditamento.Importazione", "Importazione"), a => a.Id > lastAudit);
        Assert.Equal("Righe: 3; persone create: 1; accreditamenti creati: 3; già presenti: 0", audit.Details);

        var again = await (await admin.PostAsync("/api/v1/admin/accreditamenti/importazione", Csv(csv))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, again.GetProperty("personeCreate").GetInt32());
        Assert.Equal(0, again.GetProperty("accreditamentiCreati").GetInt32());
        Assert.Equal(3, again.GetProperty("giaPresenti").GetInt32());
        Assert.Equal(2, await AssignmentsAsync(newCf));
        Assert.Equal(2, await portal.WithDbAsync(db => db.Requests.CountAsync(q => q.CodiceFiscale == newCf)));
    }

    [Fact]
    public async Task A_file_with_one_bad_row_writes_nothing_and_names_every_bad_row_in_italian()
    {
        var goodCf = TestPeople.NewCodiceFiscale();
        var unknownCf = TestPeople.NewCodiceFiscale();
        var csv = $"{goodCf},042002,Marta,Buona,marta@example.org\nRSSMRA80A01H501X,042002,A,B\n{goodCf},123456\n{goodCf},058091\n{unknownCf},042018\n{goodCf},042018,Marta,Buona,non-una-email\nsolo-una-colonna\n";
        var admin = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var r = await admin.PostAsync("/api/v1/admin/accreditamenti/importazione", Csv(csv));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        var problem = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Il file contiene errori: nessun dato è stato importato.", problem.GetProperty("detail").GetString());
        var errors = problem.GetProperty("errori").EnumerateArray().Select(e => (e.GetProperty("riga").GetInt32(), e.GetProperty("messaggio").GetString())).ToList();
        Assert.Contains((7, "Indicare almeno codice fiscale e codice ISTAT del Comune."), errors);
        // The row-level checks run after the syntax ones, so fix the syntax error and look again.
        r = await admin.PostAsync("/api/v1/admin/accreditamenti/importazione", Csv(csv.Replace("solo-una-colonna\n", "", StringComparison.Ordinal)));
        errors = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errori").EnumerateArray()
            .Select(e => (e.GetProperty("riga").GetInt32(), e.GetProperty("messaggio").GetString())).ToList();
        Assert.Contains((2, "Codice fiscale «RSSMRA80A01H501X» non valido."), errors);
        Assert.Contains((3, "Codice ISTAT «123456» non trovato tra i Comuni."), errors);
        Assert.Contains((4, "Il Comune di Roma (058091) non appartiene alla regione."), errors);
        Assert.Contains((5, $"La persona {unknownCf} non è ancora registrata nel portale: indicare nome e cognome."), errors);
        Assert.Contains((6, "Indirizzo email «non-una-email» non valido."), errors);
        Assert.DoesNotContain(errors, e => e.Item1 == 1);
        Assert.False(await portal.WithCoreAsync(db => db.Persons.AnyAsync(p => p.CodiceFiscale == goodCf)));
        Assert.Equal(0, await portal.WithDbAsync(db => db.Requests.CountAsync(q => q.CodiceFiscale == goodCf)));
    }

    [Fact]
    public async Task The_import_page_shows_the_summary_or_the_errors()
    {
        var admin = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var empty = await admin.PostFormAsync("/admin/accreditamenti/importa", null);
        Assert.Equal("Scegliere il file CSV da importare.", TestPeople.FieldError(await empty.Content.ReadAsStringAsync(), "File"));

        var cf = TestPeople.NewCodiceFiscale();
        async Task<string> UploadAsync(string text)
        {
            var token = await PortalClient.TokenAsync(admin, "/admin/accreditamenti/importa");
            using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", "operatori.csv");
            var r = await admin.PostAsync("/admin/accreditamenti/importa", form);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            return WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        }
        var bad = await UploadAsync($"{cf};999999;Ugo;Errato\n");
        Assert.Contains("Codice ISTAT «999999» non trovato tra i Comuni.", bad);
        Assert.Contains("nessun dato è stato importato", TestPeople.FieldError(bad, "File"));
        var good = await UploadAsync($"{cf};042018;Ugo;Giusto\n");
        Assert.Contains("1 persone create, 1 accreditamenti creati, 0 già presenti", good);
        Assert.Equal(1, await AssignmentsAsync(cf));
    }
}
