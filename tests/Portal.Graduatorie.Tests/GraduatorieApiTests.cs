using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Core.Security;
using Portal.Testing;
using static Portal.Graduatorie.Tests.GraduatorieTestHelpers;

namespace Portal.Graduatorie.Tests;

public class GraduatorieApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static MultipartFormDataContent Multipart(byte[] content, string name = "elenco.xlsx")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private static string Invii(Guid finestra, string comune) => $"/api/v1/graduatorie/finestre/{finestra}/comuni/{comune}/invii";

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>());

    [Fact]
    public async Task The_openapi_document_lists_the_graduatorie_endpoints()
    {
        var doc = await portal.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        foreach (var path in new[]
        {
            "/api/v1/graduatorie/finestre/{finestraId}/modello", "/api/v1/graduatorie/finestre/{finestraId}/comuni/{comune}/verifica",
            "/api/v1/graduatorie/finestre/{finestraId}/comuni/{comune}/invii", "/api/v1/graduatorie/finestre/{finestraId}/comuni/{comune}/elenco-valido",
            "/api/v1/graduatorie/invii/{id}/conferma", "/api/v1/graduatorie/invii/{id}/annulla", "/api/v1/graduatorie/invii/{id}",
        })
            Assert.True(paths.TryGetProperty(path, out _), path);
    }

    [Fact]
    public async Task The_operator_downloads_the_template_uploads_a_clean_file_and_reads_history_and_valid_list()
    {
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        var client = await portal.LoginAsync(Demo.OperatoreAncona, PortalRoles.OperatoreComune);

        var template = await client.GetAsync($"/api/v1/graduatorie/finestre/{finestra}/modello");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", template.Content.Headers.ContentType?.MediaType);
        Assert.True((await template.Content.ReadAsByteArrayAsync()).Length > 1000);

        var upload = await client.PostAsync(Invii(finestra, Ancona), Multipart(Clean(3).Content));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var invio = await JsonAsync(upload);
        Assert.Equal(("Accettato", "Valido", 3), (invio.GetProperty("esito").GetString(), invio.GetProperty("stato").GetString(), invio.GetProperty("righe").GetInt32()));

        var history = await JsonAsync(await client.GetAsync(Invii(finestra, Ancona)));
        Assert.Equal(invio.GetProperty("id").GetGuid(), Assert.Single(history.EnumerateArray()).GetProperty("id").GetGuid());
        var valid = await JsonAsync(await client.GetAsync($"/api/v1/graduatorie/finestre/{finestra}/comuni/{Ancona}/elenco-valido"));
        Assert.Equal(3, valid.GetProperty("righe").GetArrayLength());
        Assert.Equal("Rossi", valid.GetProperty("righe")[0].GetProperty("cognomeStudente").GetString());

        var funzionario = await portal.LoginAsync(Demo.Funzionario, PortalRoles.Funzionario);
        Assert.Equal(HttpStatusCode.OK, (await funzionario.GetAsync(Invii(finestra, Ancona))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await funzionario.PostAsync(Invii(finestra, Ancona), Multipart(Clean().Content))).StatusCode);
    }

    [Fact]
    public async Task Rule_codes_come_back_as_data_and_a_pending_upload_is_confirmed_through_the_api()
    {
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        var client = await portal.LoginAsync(Demo.OperatoreAncona, PortalRoles.OperatoreComune);

        var corrupt = await JsonAsync(await client.PostAsync(Invii(finestra, Ancona), Multipart("non è un foglio"u8.ToArray())));
        Assert.Equal("Respinto", corrupt.GetProperty("esito").GetString());
        Assert.Equal("F01", corrupt.GetProperty("segnalazioni")[0].GetProperty("codice").GetString());

        var dryRun = await client.PostAsync($"/api/v1/graduatorie/finestre/{finestra}/comuni/{Ancona}/verifica", Multipart(WithError().Content));
        var verifica = await JsonAsync(dryRun);
        Assert.Equal("Respinto", verifica.GetProperty("esito").GetString());
        var r07 = verifica.GetProperty("segnalazioni").EnumerateArray().Single(s => s.GetProperty("codice").GetString() == "R07");
        Assert.Equal((3, "errore"), (r07.GetProperty("riga").GetInt32(), r07.GetProperty("gravita").GetString()));

        var pending = await JsonAsync(await client.PostAsync(Invii(finestra, Ancona), Multipart(WithWarning().Content)));
        Assert.Equal(("Con avvisi", "In attesa di conferma"), (pending.GetProperty("esito").GetString(), pending.GetProperty("stato").GetString()));
        Assert.Contains(pending.GetProperty("segnalazioni").EnumerateArray(), s => s.GetProperty("codice").GetString() == "W03");
        var id = pending.GetProperty("id").GetGuid();

        var confirmed = await client.PostAsync($"/api/v1/graduatorie/invii/{id}/conferma", null);
        Assert.Equal("Valido", (await JsonAsync(confirmed)).GetProperty("stato").GetString());
        var cancel = await client.PostAsync($"/api/v1/graduatorie/invii/{id}/annulla", null);
        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
        Assert.Contains("non è in attesa di conferma", (await JsonAsync(cancel)).GetProperty("detail").GetString());

        Assert.Equal(2, (await JsonAsync(await client.GetAsync(Invii(finestra, Ancona)))).GetArrayLength());
    }

    [Fact]
    public async Task A_surname_or_name_over_200_characters_is_a_row_error_on_the_dry_run_and_the_upload_not_a_500()
    {
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        var client = await portal.LoginAsync(Demo.OperatoreAncona, PortalRoles.OperatoreComune);
        var longSurname = ElencoFiles.Row(0);
        longSurname[1] = new string('a', 201);
        var longName = ElencoFiles.Row(1);
        longName[6] = new string('b', 250);
        var exact = ElencoFiles.Row(2);
        exact[2] = new string('c', 200);
        var content = ElencoFiles.Workbook([longSurname, longName, exact]).ToArray();

        foreach (var url in new[] { $"/api/v1/graduatorie/finestre/{finestra}/comuni/{Ancona}/verifica", Invii(finestra, Ancona) })
        {
            var response = await client.PostAsync(url, Multipart(content));
            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
            var answer = await JsonAsync(response);
            Assert.Equal("Respinto", answer.GetProperty("esito").GetString());
            var errors = answer.GetProperty("segnalazioni").EnumerateArray()
                .Select(e => (e.GetProperty("codice").GetString(), e.GetProperty("riga").GetInt32(), e.GetProperty("colonna").GetString(), e.GetProperty("messaggio").GetString()))
                .ToList();
            Assert.Equal(2, errors.Count);
            Assert.Contains(("R01", 2, "COGNOME STUDENTE", "Riga 2, colonna COGNOME STUDENTE: il dato è lungo 201 caratteri, il massimo è 200."), errors);
            Assert.Contains(("R01", 3, "NOME RICHIEDENTE", "Riga 3, colonna NOME RICHIEDENTE: il dato è lungo 250 caratteri, il massimo è 200."), errors);
        }
        var stored = Assert.Single(await portal.InviiAsync(finestra));
        Assert.Equal("Respinto", stored.Esito.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/graduatorie/finestre/{finestra}/comuni/{Ancona}/elenco-valido")).StatusCode);
    }

    [Fact]
    public async Task The_operator_of_Ancona_cannot_upload_for_or_read_Pesaro_and_Pesaros_operator_cannot_read_Ancona()
    {
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        var ancona = await portal.LoginAsync(Demo.OperatoreAncona, PortalRoles.OperatoreComune);
        var pesaro = await portal.LoginAsync(Demo.OperatorePesaro, PortalRoles.OperatoreComune);
        var anconaInvio = (await JsonAsync(await ancona.PostAsync(Invii(finestra, Ancona), Multipart(WithWarning().Content)))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await pesaro.PostAsync(Invii(finestra, Pesaro), Multipart(Clean().Content))).StatusCode);

        var refused = await ancona.PostAsync(Invii(finestra, Pesaro), Multipart(Clean().Content));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("041044", (await JsonAsync(refused)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await ancona.PostAsync($"/api/v1/graduatorie/finestre/{finestra}/comuni/{Pesaro}/verifica", Multipart(Clean().Content))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ancona.GetAsync(Invii(finestra, Pesaro))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ancona.GetAsync($"/api/v1/graduatorie/finestre/{finestra}/comuni/{Pesaro}/elenco-valido")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await pesaro.GetAsync($"/api/v1/graduatorie/invii/{anconaInvio}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await pesaro.PostAsync($"/api/v1/graduatorie/invii/{anconaInvio}/conferma", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await pesaro.PostAsync($"/api/v1/graduatorie/invii/{anconaInvio}/annulla", null)).StatusCode);
        Assert.Equal("In attesa di conferma", (await JsonAsync(await ancona.GetAsync($"/api/v1/graduatorie/invii/{anconaInvio}"))).GetProperty("stato").GetString());
    }

    [Fact]
    public async Task Bad_requests_get_italian_problem_details_and_never_a_500()
    {
        var (finestra, closesUtc) = await portal.CreateOpenFinestraAsync();
        var client = await portal.LoginAsync(Demo.OperatoreAncona, PortalRoles.OperatoreComune);

        var missing = await client.PostAsync(Invii(finestra, Ancona), new MultipartFormDataContent { { new StringContent("x"), "altro" } });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Scegliere il file", (await JsonAsync(missing)).GetProperty("errors").GetProperty("file")[0].GetString());

        var unknown = await client.PostAsync(Invii(Guid.NewGuid(), Ancona), Multipart(Clean().Content));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/graduatorie/invii/{Guid.NewGuid()}/conferma", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/graduatorie/finestre/{finestra}/comuni/{Ancona}/elenco-valido")).StatusCode);

        var now = portal.Clock.GetUtcNow();
        portal.Clock.SetUtcNow(new DateTimeOffset(closesUtc).AddMinutes(1));
        try
        {
            // A fresh session: the earlier one has expired eleven days later.
            var late = await portal.LoginAsync(Demo.OperatoreAncona, PortalRoles.OperatoreComune);
            var closed = await late.PostAsync(Invii(finestra, Ancona), Multipart(Clean().Content));
            Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
            Assert.Contains("sono chiusi", (await JsonAsync(closed)).GetProperty("detail").GetString());
        }
        finally
        {
            portal.Clock.SetUtcNow(now);
        }
        Assert.Equal(0, (await JsonAsync(await client.GetAsync(Invii(finestra, Ancona)))).GetArrayLength());
    }
}
