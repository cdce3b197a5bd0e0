using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Testing;
using static Portal.Graduatorie.Tests.GraduatorieTestHelpers;

namespace Portal.Graduatorie.Tests;

/// <summary>GET …/invii/{id}/ricevuta and …/file-segnalato: content, "not yet" answers and Comune scope.</summary>
public class InvioDownloadsApiTests(FlowPortal portal) : IClassFixture<FlowPortal>
{
    private static string Ricevuta(Guid id) => $"/api/v1/graduatorie/invii/{id}/ricevuta";

    private static string FileSegnalato(Guid id) => $"/api/v1/graduatorie/invii/{id}/file-segnalato";

    private static async Task<JsonElement> UploadAsync(HttpClient client, Guid finestra, byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var response = await client.PostAsync($"/api/v1/graduatorie/finestre/{finestra}/comuni/{Ancona}/invii",
            new MultipartFormDataContent { { file, "file", "elenco.xlsx" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();

    [Fact]
    public async Task The_openapi_document_lists_the_receipt_and_the_marked_workbook()
    {
        var paths = (await portal.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");
        foreach (var path in new[] { "/api/v1/graduatorie/invii/{id}/ricevuta", "/api/v1/graduatorie/invii/{id}/file-segnalato" })
        {
            Assert.True(paths.TryGetProperty(path, out var item), path);
            Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("get").GetProperty("summary").GetString()));
        }
    }

    [Fact]
    public async Task The_receipt_is_a_404_until_the_outbox_issues_it_then_a_pdf_for_the_Comune_and_the_Funzionario_not_for_another_Comune()
    {
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        var ancona = await portal.LoginAsync(Demo.OperatoreAncona, PortalRoles.OperatoreComune);
        var id = (await UploadAsync(ancona, finestra, Clean(2).Content)).GetProperty("id").GetGuid();

        var early = await ancona.GetAsync(Ricevuta(id));
        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        Assert.StartsWith("La ricevuta non è ancora disponibile", await DetailAsync(early), StringComparison.Ordinal);

        await portal.DrainOutboxAsync();

        var pdf = await ancona.GetAsync(Ricevuta(id));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..5]), StringComparison.Ordinal);
        var dto = await ancona.GetFromJsonAsync<JsonElement>($"/api/v1/graduatorie/invii/{id}");
        Assert.Matches(@"^ARM-\d{4}-\d{7}$", dto.GetProperty("protocollo").GetString());
        Assert.Equal(Ricevuta(id), dto.GetProperty("ricevuta").GetString());
        var history = await ancona.GetFromJsonAsync<JsonElement>($"/api/v1/graduatorie/finestre/{finestra}/comuni/{Ancona}/invii");
        Assert.Equal(dto.GetProperty("protocollo").GetString(), history[0].GetProperty("protocollo").GetString());

        var funzionario = await portal.LoginAsync(Demo.Funzionario, PortalRoles.Funzionario);
        Assert.Equal(HttpStatusCode.OK, (await funzionario.GetAsync(Ricevuta(id))).StatusCode);
        var pesaro = await portal.LoginAsync(Demo.OperatorePesaro, PortalRoles.OperatoreComune);
        var refused = await pesaro.GetAsync(Ricevuta(id));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("042002", await DetailAsync(refused));
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.Anonymous().GetAsync(Ricevuta(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ancona.GetAsync(Ricevuta(Guid.NewGuid()))).StatusCode);
    }

    [Fact]
    public async Task The_marked_workbook_is_returned_to_the_Comune_and_the_Funzionario_and_refused_to_another_Comune()
    {
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        var ancona = await portal.LoginAsync(Demo.OperatoreAncona, PortalRoles.OperatoreComune);
        var rejected = await UploadAsync(ancona, finestra, WithError().Content);
        var id = rejected.GetProperty("id").GetGuid();
        Assert.Equal(FileSegnalato(id), rejected.GetProperty("fileSegnalato").GetString());
        Assert.Equal(JsonValueKind.Null, rejected.GetProperty("protocollo").ValueKind);

        var marked = await ancona.GetAsync(FileSegnalato(id));
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", marked.Content.Headers.ContentType?.MediaType);
        using (var wb = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await marked.Content.ReadAsByteArrayAsync())))
            Assert.Equal("FFF8C7CE", wb.Worksheet("Elenco").Cell(3, 10).Style.Fill.BackgroundColor.Color.ToArgb().ToString("X8"));

        var funzionario = await portal.LoginAsync(Demo.Funzionario, PortalRoles.Funzionario);
        Assert.Equal(HttpStatusCode.OK, (await funzionario.GetAsync(FileSegnalato(id))).StatusCode);
        var downloads = await portal.InScopeAsync(sp => sp.GetRequiredService<Portal.AuditTrail.Data.AuditTrailDbContext>().Audit.AsNoTracking()
            .Where(a => a.Action == "Graduatorie.FileSegnalato" && a.Subject == $"Invio {id}").OrderBy(a => a.Id).Select(a => a.ActorRole).ToListAsync());
        Assert.Equal([PortalRoles.OperatoreComune, PortalRoles.Funzionario], downloads);
        var pesaro = await portal.LoginAsync(Demo.OperatorePesaro, PortalRoles.OperatoreComune);
        Assert.Equal(HttpStatusCode.Forbidden, (await pesaro.GetAsync(FileSegnalato(id))).StatusCode);

        var noReceipt = await ancona.GetAsync(Ricevuta(id));
        Assert.Equal(HttpStatusCode.NotFound, noReceipt.StatusCode);
        Assert.Contains("solo per gli invii accettati", await DetailAsync(noReceipt));
        var clean = (await UploadAsync(ancona, finestra, Clean(2).Content)).GetProperty("id").GetGuid();
        var nothing = await ancona.GetAsync(FileSegnalato(clean));
        Assert.Equal(HttpStatusCode.NotFound, nothing.StatusCode);
        Assert.Contains("non ha errori né avvisi", await DetailAsync(nothing));
    }
}
