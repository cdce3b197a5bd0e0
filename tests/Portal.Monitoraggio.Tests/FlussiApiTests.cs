using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Protocol;
using Portal.Core.Security;
using Portal.Monitoraggio.Data;
using Portal.Monitoraggio.Validation;
using static Portal.Monitoraggio.Tests.Feeds;
using static Portal.Monitoraggio.Tests.MonitoraggioTestHelpers;

namespace Portal.Monitoraggio.Tests;

/// <summary>Feeds of ENTE-FORMAZIONE-01 through the API, all with yesterday as DATA_RIFERIMENTO (so W03 never fires here).</summary>
public class FlussiApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_openapi_document_lists_the_paths_of_the_issue()
    {
        var doc = await portal.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        foreach (var path in new[]
        {
            "/api/v1/monitoraggio/flussi", "/api/v1/monitoraggio/flussi/{id}", "/api/v1/monitoraggio/flussi/{id}/errori",
            "/api/v1/monitoraggio/flussi/{id}/conferma", "/api/v1/monitoraggio/flussi/{id}/annulla", "/api/v1/monitoraggio/report/totali",
        })
            Assert.True(paths.TryGetProperty(path, out _), path);
    }

    [Fact]
    public async Task A_clean_feed_is_applied_with_protocol_and_receipt()
    {
        var client = await portal.OperatoreEnteAsync();
        var p = Unique();
        var before = await portal.CountsAsync(Ente);
        var sent = await client.SendAsync(Clean(7, portal.Yesterday(), prefix: p), "pratiche.txt");
        Assert.Equal("InCoda", sent.Stato());

        var flusso = await portal.ProcessedAsync(client, sent.Id());
        Assert.Equal("Applicato", flusso.Stato());
        Assert.Equal(7, flusso.GetProperty("righeElaborate").GetInt32());
        Assert.Equal(0, flusso.GetProperty("errori").GetInt32());
        Assert.Matches(@"^ARM-\d{4}-\d{7}$", flusso.GetProperty("protocollo").GetString());
        var after = await portal.CountsAsync(Ente);
        Assert.Equal((before.Pratiche + 7, before.Storico), after); // new practices: their first version is the practice row
        var pratica = await portal.PraticaAsync(Ente, p + "4");
        Assert.Equal(("EROGATA", "MC", 1200050L), (pratica!.Stato, pratica.SiglaProvincia, pratica.ImportoErogato!.Value));

        var pdf = await client.GetAsync(flusso.GetProperty("ricevuta").GetString());
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var receipt = await portal.InScopeAsync(sp => sp.GetRequiredService<Core.Receipts.IReceipts>().FindAsync(Model.Flusso.SubjectType, sent.Id().ToString()));
        Assert.Contains(flusso.GetProperty("sha256").GetString()!, receipt!.FilesJson);
        Assert.Contains("pratiche.txt", receipt.FilesJson);
    }

    [Fact]
    public async Task A_multipart_upload_with_CRLF_and_BOM_is_applied()
    {
        var client = await portal.OperatoreEnteAsync();
        var p = Unique();
        var file = new ByteArrayContent(Bytes([Fields(p + "1", portal.Yesterday()), Fields(p + "2", portal.Yesterday())], "\r\n", bom: true));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        var response = await client.PostAsync(Flussi, new MultipartFormDataContent { { file, "file", "flusso-crlf.txt" } });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var sent = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("flusso-crlf.txt", sent.GetProperty("file").GetString());
        Assert.Equal("Applicato", (await portal.ProcessedAsync(client, sent.Id())).Stato());
        Assert.NotNull(await portal.PraticaAsync(Ente, p + "2"));
    }

    [Fact]
    public async Task An_erroneous_feed_changes_nothing_and_its_full_report_is_downloadable()
    {
        var client = await portal.OperatoreEnteAsync();
        var p = Unique();
        var rif = portal.Yesterday();
        var lines = Enumerable.Range(1, 30).Select(i => Fields($"{p}{i}", rif)).ToList();
        lines[4] = lines[4].With(FeedFormat.ImportoRichiesto, "1.500,00");
        lines[19] = lines[19].With(FeedFormat.ComuneIstat, "999999");
        var before = await portal.CountsAsync(Ente);
        var sent = await client.SendAsync(Bytes(lines));
        var flusso = await portal.ProcessedAsync(client, sent.Id());

        Assert.Equal("Respinto", flusso.Stato());
        Assert.Equal(2, flusso.GetProperty("errori").GetInt32());
        Assert.Equal(1, flusso.GetProperty("conteggiPerRegola").GetProperty("R14").GetInt32());
        Assert.Equal(before, await portal.CountsAsync(Ente));
        Assert.Null(await portal.PraticaAsync(Ente, p + "1"));
        Assert.Equal(JsonValueKind.Null, flusso.GetProperty("protocollo").ValueKind);

        var csv = await client.GetStringAsync($"{Flussi}/{sent.Id()}/errori");
        var rows = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("RIGA;CAMPO;VALORE;CODICE;TIPO;MESSAGGIO", rows[0].TrimEnd('\r'));
        Assert.Equal(3, rows.Length);
        Assert.StartsWith("6;IMPORTO_RICHIESTO;1.500,00;R14;ERRORE;", rows[1]);
        Assert.StartsWith("21;COMUNE_ISTAT;999999;R11;ERRORE;", rows[2]);

        var xlsx = await client.GetAsync($"{Flussi}/{sent.Id()}/errori?formato=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var wb = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        var ws = wb.Worksheet(1);
        Assert.Equal(3, ws.LastRowUsed()!.RowNumber());
        Assert.Equal(21, ws.Cell(3, 1).GetValue<int>());
        Assert.Equal("R11", ws.Cell(3, 4).GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"{Flussi}/{sent.Id()}/errori?formato=pdf")).StatusCode);
    }

    [Fact]
    public async Task Warnings_wait_for_confirmation_then_the_feed_is_applied()
    {
        var client = await portal.OperatoreEnteAsync();
        var p = Unique();
        var rif = portal.Yesterday();
        var over = Fields(p + "2", rif).With(FeedFormat.ImportoDeliberato, "16000,00").With(FeedFormat.ImportoErogato, "15000,00");
        var before = await portal.CountsAsync(Ente);
        var sent = await client.SendAsync(Bytes([Fields(p + "1", rif), over]));
        var flusso = await portal.ProcessedAsync(client, sent.Id());
        Assert.Equal("ConAvvisi", flusso.Stato());
        Assert.Equal((0, 1), (flusso.GetProperty("errori").GetInt32(), flusso.GetProperty("avvisi").GetInt32()));
        Assert.Equal(before, await portal.CountsAsync(Ente));

        var confirmed = await client.PostAsync($"{Flussi}/{sent.Id()}/conferma", null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        flusso = await portal.ProcessedAsync(client, sent.Id());
        Assert.Equal("Applicato", flusso.Stato());
        Assert.Equal(1500000L, (await portal.PraticaAsync(Ente, p + "2"))!.ImportoErogato);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"{Flussi}/{sent.Id()}/conferma", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"{Flussi}/{sent.Id()}/annulla", null)).StatusCode);
    }

    [Fact]
    public async Task A_cancelled_feed_with_warnings_changes_nothing()
    {
        var client = await portal.OperatoreEnteAsync();
        var p = Unique();
        var over = Fields(p + "1", portal.Yesterday()).With(FeedFormat.ImportoDeliberato, "16000,00");
        var before = await portal.CountsAsync(Ente);
        var sent = await client.SendAsync(Bytes([over]));
        Assert.Equal("ConAvvisi", (await portal.ProcessedAsync(client, sent.Id())).Stato());
        var cancelled = await client.PostAsync($"{Flussi}/{sent.Id()}/annulla", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("Annullato", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).Stato());
        for (var i = 0; i < 3; i++) await portal.Services.GetRequiredService<Core.Outbox.OutboxProcessor>().RunOnceAsync();
        Assert.Equal(before, await portal.CountsAsync(Ente));
    }

    [Fact]
    public async Task A_file_of_another_ente_is_refused_and_changes_nothing()
    {
        var client = await portal.OperatoreEnteAsync();
        var p = Unique();
        var before = (await portal.CountsAsync(Ente), await portal.CountsAsync(AltroEnte));
        var sent = await client.SendAsync(Clean(3, portal.Yesterday(), AltroEnte, p));
        var flusso = await portal.ProcessedAsync(client, sent.Id());
        Assert.Equal("Respinto", flusso.Stato());
        Assert.Equal(3, flusso.GetProperty("conteggiPerRegola").GetProperty("R01").GetInt32());
        Assert.Equal(before, (await portal.CountsAsync(Ente), await portal.CountsAsync(AltroEnte)));
        // Nor can the operator send "for" the other ente.
        var content = Octets(Clean(1, portal.Yesterday(), AltroEnte, p));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"{Flussi}?ente={AltroEnte}", content)).StatusCode);
    }

    [Fact]
    public async Task An_operator_never_sees_or_decides_another_entes_feeds()
    {
        var ente = await portal.OperatoreEnteAsync();
        var confidi = await portal.OperatoreConfidiAsync();
        var over = Fields(Unique() + "1", portal.Yesterday()).With(FeedFormat.ImportoDeliberato, "16000,00");
        var sent = await ente.SendAsync(Bytes([over]));
        Assert.Equal("ConAvvisi", (await portal.ProcessedAsync(ente, sent.Id())).Stato());

        Assert.Equal(HttpStatusCode.NotFound, (await confidi.GetAsync($"{Flussi}/{sent.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await confidi.GetAsync($"{Flussi}/{sent.Id()}/errori")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await confidi.PostAsync($"{Flussi}/{sent.Id()}/conferma", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await confidi.PostAsync($"{Flussi}/{sent.Id()}/annulla", null)).StatusCode);
        var history = await confidi.GetFromJsonAsync<JsonElement>(Flussi);
        Assert.DoesNotContain(history.EnumerateArray(), f => f.Id() == sent.Id());
        Assert.All(history.EnumerateArray(), f => Assert.Equal(AltroEnte, f.GetProperty("ente").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await confidi.GetAsync($"{Flussi}?ente={Ente}")).StatusCode);
        var mine = await ente.GetFromJsonAsync<JsonElement>(Flussi);
        Assert.Contains(mine.EnumerateArray(), f => f.Id() == sent.Id());

        // The Funzionario reads every ente but sends nothing; a citizen reaches nothing.
        var funzionario = await portal.FunzionarioAsync();
        Assert.Equal(HttpStatusCode.OK, (await funzionario.GetAsync($"{Flussi}/{sent.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await funzionario.GetAsync($"{Flussi}?ente={Ente}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await funzionario.PostAsync(Flussi, Octets(Clean(1, portal.Yesterday())))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await funzionario.PostAsync($"{Flussi}/{sent.Id()}/annulla", null)).StatusCode);
        var cittadino = await portal.LoginAsync(Demo.Cittadino);
        Assert.Equal(HttpStatusCode.NotFound, (await cittadino.GetAsync($"{Flussi}/{sent.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cittadino.PostAsync(Flussi, Octets(Clean(1, portal.Yesterday())))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.Anonymous().GetAsync(Flussi)).StatusCode);
    }

    [Fact]
    public async Task An_empty_body_is_refused_in_Italian_without_writing()
    {
        var client = await portal.OperatoreEnteAsync();
        var count = await portal.InScopeAsync(sp => sp.GetRequiredService<MonitoraggioDbContext>().Flussi.CountAsync());
        var response = await client.PostAsync(Flussi, Octets([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("vuoto", await response.Content.ReadAsStringAsync());
        Assert.Equal(count, await portal.InScopeAsync(sp => sp.GetRequiredService<MonitoraggioDbContext>().Flussi.CountAsync()));
    }

    [Fact]
    public async Task The_format_and_its_example_are_public_and_the_example_passes()
    {
        var anonymous = portal.Anonymous();
        var format = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/monitoraggio/formato");
        Assert.Equal(FeedFormat.Header, format.GetProperty("intestazione").GetString());
        Assert.Equal(15, format.GetProperty("campi").GetArrayLength());

        var client = await portal.OperatoreEnteAsync();
        var example = await client.GetByteArrayAsync("/api/v1/monitoraggio/formato/esempio");
        Assert.StartsWith(FeedFormat.Header + "\n" + Ente + "|", Encoding.UTF8.GetString(example));
        // The example's practices are PR-0001…: another test class's ente would clash, so this one sends it as it is.
        var flusso = await portal.ProcessedAsync(client, (await client.SendAsync(example, "esempio.txt")).Id());
        Assert.Equal("Applicato", flusso.Stato());
    }
}
