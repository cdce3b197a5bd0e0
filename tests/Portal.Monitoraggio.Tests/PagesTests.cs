using System.Net;
using System.Net.Http.Headers;
using ClosedXML.Excel;
using Portal.Monitoraggio.Validation;
using static Portal.Monitoraggio.Tests.Feeds;
using static Portal.Monitoraggio.Tests.MonitoraggioTestHelpers;

namespace Portal.Monitoraggio.Tests;

/// <summary>The pages, with their buttons pressed: upload form, feed page with confirm and cancel, format page, reports and their Excel.</summary>
public class PagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Page = "/monitoraggio/flussi";

    private static async Task<HttpResponseMessage> UploadFormAsync(HttpClient client, byte[]? feed, string name = "flusso.txt")
    {
        var token = await PortalClient.TokenAsync(client, Page);
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        if (feed is not null)
        {
            var content = new ByteArrayContent(feed);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(content, "Flusso", name);
        }
        return await client.PostAsync($"{Page}?handler=Carica", form);
    }

    private static Guid IdFrom(HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var location = redirect.Headers.Location!.OriginalString;
        Assert.StartsWith(Page + "/", location);
        return Guid.Parse(location[(Page.Length + 1)..]);
    }

    [Fact]
    public async Task An_operator_uploads_a_feed_with_errors_sees_them_then_a_good_one_with_protocol_and_receipt()
    {
        var client = await portal.OperatoreEnteAsync();
        var p = Unique();
        var rif = portal.Yesterday();
        var bad = Enumerable.Range(1, 150).Select(i => Fields($"{p}{i}", rif).With(FeedFormat.ComuneIstat, "999999")).ToList();
        var id = IdFrom(await UploadFormAsync(client, Bytes(bad), "errato.txt"));
        await portal.ProcessedAsync(client, id);
        var html = await client.GetStringAsync($"{Page}/{id}");
        Assert.Contains("Flusso respinto", html);
        Assert.Contains("Errori e avvisi (150)", html);
        Assert.Contains("Pagina 1 di 2", html);
        Assert.Contains($"/api/v1/monitoraggio/flussi/{id}/errori?formato=xlsx", html);
        var second = await client.GetStringAsync($"{Page}/{id}?pagina=2");
        Assert.Contains("Pagina 2 di 2", second);
        Assert.Contains("<td>151</td>", second);

        var good = IdFrom(await UploadFormAsync(client, Clean(5, rif, prefix: p), "buono.txt"));
        await portal.ProcessedAsync(client, good);
        html = await client.GetStringAsync($"{Page}/{good}");
        Assert.Contains("Flusso applicato", html);
        Assert.Matches("Scarica la ricevuta \\(protocollo ARM-\\d{4}-\\d{7}\\)", html);
        var history = await client.GetStringAsync(Page);
        Assert.Contains("errato.txt", history);
        Assert.Contains("buono.txt", history);
    }

    [Fact]
    public async Task The_upload_form_refuses_a_missing_or_empty_file_next_to_the_field()
    {
        var client = await portal.OperatoreEnteAsync();
        var none = await UploadFormAsync(client, null);
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Contains("id=\"file-errore\"", await none.Content.ReadAsStringAsync());
        var empty = await UploadFormAsync(client, []);
        Assert.Contains("Scegliere il file del flusso", await empty.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_confirm_and_cancel_buttons_decide_a_feed_with_warnings()
    {
        var client = await portal.OperatoreEnteAsync();
        var p = Unique();
        var rif = portal.Yesterday();
        byte[] Warned(string id) => Bytes([Fields(id, rif).With(FeedFormat.ImportoDeliberato, "16000,00")]);
        foreach (var (handler, expected) in new[] { ("Conferma", "Flusso applicato"), ("Annulla", "Annullato dall") })
        {
            var id = IdFrom(await UploadFormAsync(client, Warned(p + handler)));
            await portal.ProcessedAsync(client, id);
            var page = $"{Page}/{id}";
            Assert.Contains("in attesa di conferma", await client.GetStringAsync(page));
            var token = await PortalClient.TokenAsync(client, page);
            var decided = await client.PostAsync($"{page}?handler={handler}", PortalClient.Form(token));
            Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
            await portal.ProcessedAsync(client, id);
            Assert.Contains(expected, await client.GetStringAsync(page));
        }
        Assert.NotNull(await portal.PraticaAsync(Ente, p + "Conferma"));
        Assert.Null(await portal.PraticaAsync(Ente, p + "Annulla"));
    }

    [Fact]
    public async Task Another_entes_operator_gets_404_on_the_feed_page()
    {
        var client = await portal.OperatoreEnteAsync();
        var id = IdFrom(await UploadFormAsync(client, Clean(1, portal.Yesterday(), prefix: Unique())));
        var confidi = await portal.OperatoreConfidiAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await confidi.GetAsync($"{Page}/{id}")).StatusCode);
        Assert.DoesNotContain(id.ToString(), await confidi.GetStringAsync(Page));
    }

    [Fact]
    public async Task The_format_page_is_public_and_made_from_the_parser_definition()
    {
        var html = await portal.Anonymous().GetStringAsync("/monitoraggio/formato");
        foreach (var f in FeedFormat.Fields) Assert.Contains($"<code>{f.Name}</code>", html);
        foreach (var r in FeedFormat.Rules) Assert.Contains($"<td>{r.Code}</td>", html);
        Assert.Contains("FONDO-PERDUTO", html);
    }

    [Fact]
    public async Task The_Funzionario_reads_the_reports_filters_by_province_and_exports_a_table()
    {
        var client = await portal.OperatoreEnteAsync();
        var id = IdFrom(await UploadFormAsync(client, Clean(10, portal.Yesterday(), prefix: Unique())));
        await portal.ProcessedAsync(client, id);
        var funzionario = await portal.FunzionarioAsync();
        var html = await funzionario.GetStringAsync("/admin/monitoraggio?Provincia=MC");
        Assert.Contains("data-testid=\"grafico-andamento\"", html);
        Assert.Contains("data-testid=\"tabella-provincia\"", html);
        Assert.DoesNotContain("<td>AN</td>", html);
        Assert.Contains("<td>MC</td>", html);
        var xlsx = await funzionario.GetAsync("/admin/monitoraggio?handler=Excel&tabella=provincia&Provincia=MC");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var wb = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        Assert.Equal("MC", wb.Worksheet(1).Cell(2, 1).GetString());
        Assert.Equal(2, wb.Worksheet(1).LastRowUsed()!.RowNumber());
        Assert.Equal(HttpStatusCode.BadRequest, (await funzionario.GetAsync("/admin/monitoraggio?handler=Excel&tabella=x")).StatusCode);
        // The operator has no access to the reports, the Funzionario none to the upload page.
        var denied = await client.GetAsync("/admin/monitoraggio");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await funzionario.GetAsync(Page)).StatusCode);
    }
}
