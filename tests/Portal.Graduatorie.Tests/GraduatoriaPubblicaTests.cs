using System.Net;
using System.Net.Http.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Contents.Services;
using Portal.Core.Security;
using Portal.Graduatorie.Data;
using Portal.Testing;
using static Portal.Graduatorie.Tests.GraduatorieTestHelpers;
using static Portal.Graduatorie.Tests.RegioneTestHelpers;

namespace Portal.Graduatorie.Tests;

/// <summary>
/// The public page of a published regional Graduatoria (/graduatorie/{id}): its rows from this module's database as a
/// table with search and paging, the decree, a breadcrumb, and the PDF and Excel downloads.
/// </summary>
public class GraduatoriaPubblicaTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>Builds, approves and publishes the Graduatoria of the scenario, then adds rows so that it has <paramref name="extra"/> more.</summary>
    private async Task<(Guid ContentId, Guid GraduatoriaId, string[] Codes)> PublishedAsync(int extra)
    {
        var finestra = await portal.ScenarioAsync(borse: 2);
        portal.CloseWindows();
        var funzionario = await portal.LoginAsync(Demo.Funzionario, PortalRoles.Funzionario);
        Assert.Equal(HttpStatusCode.OK, (await funzionario.PostAsync(Regione(finestra, "/graduatoria/costruisci"), null)).StatusCode);
        var today = Portal.Core.Time.RomeTime.ToRome(portal.Clock.GetUtcNow().UtcDateTime);
        var approved = await funzionario.PostAsJsonAsync(Regione(finestra, "/graduatoria/approva"), new { decretoNumero = "DD 77/2026", decretoData = today.ToString("dd/MM/yyyy") });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var published = await (await funzionario.PostAsync(Regione(finestra, "/graduatoria/pubblica"), null)).JsonAsync();
        var contentId = published.GetProperty("contenutoId").GetGuid();
        return await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<GraduatorieDbContext>();
            var g = await db.Graduatorie.SingleAsync(x => x.ContentId == contentId);
            var rows = await db.Posizioni.Where(p => p.GraduatoriaId == g.Id).OrderBy(p => p.Posizione).ToListAsync();
            var last = rows[^1];
            for (var i = 1; i <= extra; i++)
            {
                db.Posizioni.Add(new Model.GraduatoriaPosizione
                {
                    GraduatoriaId = g.Id, Posizione = last.Posizione + i, Codice = $"EXTRA{i:00000}", ComuneIstat = Pesaro,
                    CfStudente = last.CfStudente, CognomeStudente = "Riservato", NomeStudente = "Riservato", ValoreIsee = 12000,
                    Esito = Model.EsitoPosizione.Idoneo, InvioId = last.InvioId, Riga = last.Riga,
                });
            }
            await db.SaveChangesAsync();
            return (contentId, g.Id, rows.Select(r => r.Codice).ToArray());
        });
    }

    [Fact]
    public async Task The_rows_are_a_table_paged_and_searched_in_the_database_with_decree_and_breadcrumb()
    {
        var (contentId, _, codes) = await PublishedAsync(extra: 120);
        var client = portal.Anonymous();
        var total = codes.Length + 120;
        var first = await client.GetStringAsync($"/graduatorie/{contentId}");
        Assert.Contains("Approvata con decreto n. DD 77/2026", first);
        Assert.Contains("<li class=\"breadcrumb-item\"><a href=\"/graduatorie\">Graduatorie</a>", first);
        Assert.Contains("class=\"table-responsive\"", first);
        Assert.Contains($"{total} righe", first);
        Assert.Contains($"<td>{codes[0]}</td>", first);
        // 50 a page: the 51st row is on page 2, not here, and the markdown table of the text is not repeated.
        Assert.DoesNotContain("<td>EXTRA00050</td>", first);
        Assert.Equal(1, CountOf(first, "<table"));
        Assert.DoesNotContain("Riservato", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Searching_finds_a_code_a_comune_or_an_outcome_and_names_never_appear()
    {
        var (contentId, _, codes) = await PublishedAsync(extra: 120);
        var client = portal.Anonymous();
        var one = await client.GetStringAsync($"/graduatorie/{contentId}?cerca={codes[1].ToLowerInvariant()}");
        Assert.Contains($"1 riga trovata per «{codes[1].ToLowerInvariant()}»", one);
        Assert.Contains($"<td>{codes[1]}</td>", one);
        Assert.DoesNotContain($"<td>{codes[0]}</td>", one);
        var page2 = await client.GetStringAsync($"/graduatorie/{contentId}?cerca=EXTRA&pagina=2");
        Assert.Contains("120 righe trovate per «EXTRA»", page2);
        Assert.Contains("<td>EXTRA00051</td>", page2);
        Assert.DoesNotContain("<td>EXTRA00050</td>", page2);
        Assert.Contains("cerca=EXTRA&amp;pagina=3", page2);
        var ancona = await client.GetStringAsync($"/graduatorie/{contentId}?cerca=ancona");
        Assert.DoesNotContain("EXTRA", ancona);
        Assert.Contains("<td>Ancona</td>", ancona);
        var beneficiari = await client.GetStringAsync($"/graduatorie/{contentId}?cerca=beneficiario");
        Assert.Contains("2 righe trovate", beneficiari);
        Assert.Contains("Nessuna riga trovata per «zzz%_»", await client.GetStringAsync($"/graduatorie/{contentId}?cerca=zzz%25_"));
        var tooLong = await client.GetAsync($"/graduatorie/{contentId}?cerca={new string('x', 300)}");
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains("al massimo 100 caratteri", await tooLong.Content.ReadAsStringAsync());
        foreach (var s in new[] { Zanardelli, Quercetti, Mariotti, Fabbri })
        {
            Assert.DoesNotContain(s.Cognome, beneficiari);
            Assert.DoesNotContain(s.Cf, beneficiari);
        }
    }

    [Fact]
    public async Task The_pdf_and_the_excel_hold_every_published_row()
    {
        var (contentId, _, codes) = await PublishedAsync(extra: 120);
        var client = portal.Anonymous();
        var page = await client.GetStringAsync($"/graduatorie/{contentId}");
        Assert.Contains($"href=\"/graduatorie/{contentId}/scarica/pdf\"", page);
        Assert.Contains($"href=\"/graduatorie/{contentId}/scarica/xlsx\"", page);

        var xlsx = await client.GetAsync($"/graduatorie/{contentId}/scarica/xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using (var wb = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync())))
        {
            var ws = wb.Worksheet(1);
            Assert.Equal(["Posizione", "Codice", "Comune", "Esito"], Enumerable.Range(1, 4).Select(c => ws.Cell(1, c).GetString()));
            Assert.Equal(1, ws.Cell(2, 1).GetValue<int>());
            Assert.Equal(codes[0], ws.Cell(2, 2).GetString());
            Assert.Equal("EXTRA00120", ws.Cell(codes.Length + 121, 2).GetString());
            Assert.Equal("Pesaro", ws.Cell(codes.Length + 121, 3).GetString());
            Assert.Contains("DD 77/2026", ws.Cell(codes.Length + 123, 1).GetString());
            Assert.DoesNotContain(ws.CellsUsed(), c => c.GetString().Contains("Riservato", StringComparison.Ordinal));
        }

        var pdf = await client.GetAsync($"/graduatorie/{contentId}/scarica/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        // 125 rows take several pages, each with the header and its number; every row is there as text.
        var pages = System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(bytes), @"/Type\s*/Page\b").Count;
        Assert.InRange(pages, 3, 4);
        var text = await PdfToText.ReadAsync(bytes);
        Assert.Equal(pages, System.Text.RegularExpressions.Regex.Matches(text, @"\bPosizione\b").Count);
        Assert.Contains($"Pagina {pages}", text);
        Assert.Contains(codes[0], text);
        Assert.Contains("EXTRA00120", text);
        Assert.Contains("DD 77/2026", text);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/graduatorie/{contentId}/scarica/doc")).StatusCode);
    }

    [Fact]
    public async Task An_unpublished_graduatoria_and_its_downloads_are_not_found()
    {
        var (contentId, _, _) = await PublishedAsync(extra: 0);
        var client = portal.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/graduatorie/{contentId}")).StatusCode);
        await portal.InScopeAsync(sp => sp.GetRequiredService<ContentService>().UnpublishAsync(contentId, null, "test"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/graduatorie/{contentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/graduatorie/{contentId}/scarica/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/graduatorie/{contentId}/scarica/xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/graduatorie/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/graduatorie/{Guid.NewGuid()}/scarica/pdf")).StatusCode);
    }

    private static int CountOf(string html, string text)
    {
        var count = 0;
        for (var i = html.IndexOf(text, StringComparison.Ordinal); i >= 0; i = html.IndexOf(text, i + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
