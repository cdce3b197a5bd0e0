using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Core.Security;
using Portal.Testing;
using static Portal.Graduatorie.Tests.GraduatorieTestHelpers;

namespace Portal.Graduatorie.Tests;

/// <summary>The hostile workbooks through the dry run ("Verifica senza inviare") and the upload: a "Respinto" with the F code, never a 500.</summary>
public class HostileWorkbookApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static MultipartFormDataContent Multipart(byte[] content, string name)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    [Theory]
    [MemberData(nameof(HostileWorkbooks.Kinds), MemberType = typeof(HostileWorkbooks))]
    public async Task The_dry_run_answers_a_hostile_workbook_with_Respinto_and_its_F_code(string kind, string code)
    {
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        var client = await portal.LoginAsync(Demo.OperatoreAncona, PortalRoles.OperatoreComune);

        var response = await client.PostAsync($"/api/v1/graduatorie/finestre/{finestra}/comuni/{Ancona}/verifica",
            Multipart(HostileWorkbooks.Get(kind), $"{kind}.xlsx"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var verifica = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Respinto", verifica.GetProperty("esito").GetString());
        Assert.Equal(code, Assert.Single(verifica.GetProperty("segnalazioni").EnumerateArray()).GetProperty("codice").GetString());
    }

    [Theory]
    [InlineData("billion-laughs", "F01")]
    [InlineData("riga-larghissima", "F04")]
    public async Task The_upload_records_a_hostile_workbook_as_Respinto(string kind, string code)
    {
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        var client = await portal.LoginAsync(Demo.OperatoreAncona, PortalRoles.OperatoreComune);

        var response = await client.PostAsync($"/api/v1/graduatorie/finestre/{finestra}/comuni/{Ancona}/invii",
            Multipart(HostileWorkbooks.Get(kind), $"{kind}.xlsx"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var invio = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Respinto", invio.GetProperty("esito").GetString());
        Assert.Equal(code, Assert.Single(invio.GetProperty("segnalazioni").EnumerateArray()).GetProperty("codice").GetString());
    }

    [Fact]
    public async Task A_stored_workbook_with_more_cells_than_a_list_is_not_loaded_to_be_marked()
    {
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        var client = await portal.LoginAsync(Demo.OperatoreAncona, PortalRoles.OperatoreComune);
        var rows = (int)(Portal.Graduatorie.Validation.ErrorWorkbookWriter.MaxCells / 11) + 1;
        var upload = await client.PostAsync($"/api/v1/graduatorie/finestre/{finestra}/comuni/{Ancona}/invii",
            Multipart(HostileWorkbooks.ErrorRowThenBlankCells(rows, 11), "formattato.xlsx"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var invio = await upload.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Respinto", invio.GetProperty("esito").GetString());
        Assert.All(invio.GetProperty("segnalazioni").EnumerateArray(), s => Assert.Equal(2, s.GetProperty("riga").GetInt32()));

        var marked = await client.GetAsync($"/api/v1/graduatorie/invii/{invio.GetProperty("id").GetGuid()}/file-segnalato");
        Assert.Equal(HttpStatusCode.Conflict, marked.StatusCode);
        var problem = await marked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("non viene restituito con le segnalazioni colorate", problem.GetProperty("detail").GetString());

        // The same finding in a workbook of ordinary size comes back marked.
        var small = await (await client.PostAsync($"/api/v1/graduatorie/finestre/{finestra}/comuni/{Ancona}/invii",
            Multipart(HostileWorkbooks.ErrorRowThenBlankCells(10, 11), "piccolo.xlsx"))).Content.ReadFromJsonAsync<JsonElement>();
        var ok = await client.GetAsync($"/api/v1/graduatorie/invii/{small.GetProperty("id").GetGuid()}/file-segnalato");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }
}
