using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Portal.Testing;

namespace Portal.Core.Tests;

public class AuditViewTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_amministratore_filters_the_trail_and_exports_it_to_excel()
    {
        await portal.LoginAsync(Demo.Cittadino);
        var client = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/registro?azione=Accesso&chi=rossi"));
        Assert.Contains("Persona " + Demo.Cittadino, html);
        Assert.DoesNotContain("Persona " + Demo.Amministratore, html);

        var r = await client.GetAsync("/admin/registro?handler=Excel&azione=Accesso");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", r.Content.Headers.ContentType?.MediaType);
        using var workbook = new XLWorkbook(new MemoryStream(await r.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet("Registro attività");
        Assert.Equal("Data e ora", sheet.Cell(1, 1).GetString());
        var actions = sheet.Column(2).CellsUsed().Skip(1).Select(c => c.GetString()).Distinct().ToList();
        Assert.Equal(["Accesso"], actions);
        Assert.Contains(sheet.Column(5).CellsUsed(), c => c.GetString() == "Persona " + Demo.Cittadino);

        var api = await client.GetFromJsonAsync<JsonElement>("/api/v1/registro-attivita?azione=Registro.Esportato");
        Assert.True(api.GetProperty("totale").GetInt32() >= 1);
    }

    [Fact]
    public async Task Editors_cannot_read_the_trail_in_the_ui_or_the_api()
    {
        var client = await portal.LoginAsync(Demo.Editor, "Editor");
        var page = await client.GetAsync("/admin/registro");
        Assert.Contains("/accesso-negato", page.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/registro-attivita")).StatusCode);
    }
}
