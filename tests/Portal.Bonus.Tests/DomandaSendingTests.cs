using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Bonus.Model;

namespace Portal.Bonus.Tests;

/// <summary>Upload, completeness, sending in an open window, the protocol and the receipt, and a sent application that refuses every edit.</summary>
[Collection(BonusCollection.Name)]
public sealed class DomandaSendingTests(BonusPortal portal)
{
    [Fact]
    public async Task The_Isee_attestation_is_typed_from_its_content_size_limited_hashed_and_replaceable()
    {
        var c = await portal.CitizenAsync();
        var id = await c.CreateAsync(await portal.BandoIdAsync());
        var files = await portal.InCoreAsync(db => db.Files.CountAsync());

        var fake = await c.UploadIseeAsync(id, "non sono un PDF"u8.ToArray(), "isee.pdf");
        Assert.Equal((HttpStatusCode)422, fake.StatusCode);
        Assert.NotNull((await fake.ProblemAsync()).Error("file"));
        var docx = await c.UploadIseeAsync(id, TestFiles.Zip(("[Content_Types].xml", "<Types/>")), "isee.docx");
        Assert.Equal((HttpStatusCode)422, docx.StatusCode);
        var big = new byte[5 * 1024 * 1024 + 1];
        "%PDF-1.4\n"u8.CopyTo(big);
        var tooBig = await c.UploadIseeAsync(id, big, "isee.pdf");
        Assert.Equal((HttpStatusCode)422, tooBig.StatusCode);
        Assert.Equal(files, await portal.InCoreAsync(db => db.Files.CountAsync()));
        Assert.Null(await portal.InBonusAsync(db => db.Domande.Where(d => d.Id == id).Select(d => d.IseeFileId).SingleAsync()));

        var pdf = TestFiles.Pdf("ISEE 2026");
        var ok = await c.UploadIseeAsync(id, pdf, "attestazione ISEE.pdf");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var allegato = (await c.GetAsync(id))["attestazioneIsee"]!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), allegato["sha256"]!.GetValue<string>());
        Assert.Equal(pdf.Length, allegato["dimensione"]!.GetValue<long>());

        var jpeg = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0 };
        Assert.Equal(HttpStatusCode.OK, (await c.UploadIseeAsync(id, jpeg, "scansione.jpg")).StatusCode);
        Assert.Equal("scansione.jpg", (await c.GetAsync(id))["attestazioneIsee"]!["nome"]!.GetValue<string>());
        Assert.Equal(jpeg, await c.Client.GetByteArrayAsync($"/api/v1/bonus/domande/{id}/allegati/isee"));
    }

    [Fact]
    public async Task Sending_lists_each_missing_piece_section_by_section()
    {
        var c = await portal.CitizenAsync();
        var id = await c.CreateAsync(await portal.BandoIdAsync());
        var expected = new[] { "richiedente", "nucleo", "figli", "isee", "occupazione", "dispositivo", "dichiarazioni", "allegati" };
        var r = await c.SendAsync(id);
        Assert.Equal((HttpStatusCode)422, r.StatusCode);
        var mancanti = (await r.ProblemAsync())["mancanti"]!.AsArray().Select(m => m!["sezione"]!.GetValue<string>()).ToList();
        Assert.Equal(expected, mancanti);
        var child = DomandaSteps.ChildCf(5);
        var steps = new (string Sezione, Func<Task> Save)[]
        {
            ("richiedente", () => c.SaveAsync(id, "richiedente", DomandaSteps.Richiedente())),
            ("nucleo", () => c.SaveAsync(id, "nucleo", DomandaSteps.Nucleo((child, "Figlio")))),
            ("figli", () => c.SaveAsync(id, "figli", DomandaSteps.Figli(child))),
            ("isee", () => c.SaveAsync(id, "isee", DomandaSteps.Isee())),
            ("occupazione", () => c.SaveAsync(id, "occupazione", DomandaSteps.Occupazione())),
            ("dispositivo", () => c.SaveAsync(id, "dispositivo", DomandaSteps.Dispositivo())),
            ("dichiarazioni", () => c.SaveAsync(id, "dichiarazioni", DomandaSteps.Dichiarazioni())),
        };
        var remaining = expected.ToList();
        foreach (var (sezione, save) in steps)
        {
            await save();
            remaining.Remove(sezione);
            var again = await c.SendAsync(id);
            Assert.Equal((HttpStatusCode)422, again.StatusCode);
            var problem = await again.ProblemAsync();
            Assert.Equal(remaining, problem["mancanti"]!.AsArray().Select(m => m!["sezione"]!.GetValue<string>()).ToList());
            Assert.All(problem["mancanti"]!.AsArray(), m => Assert.StartsWith($"/bonus/domande/{id}#sezione-", m!["link"]!.GetValue<string>()));
        }
        Assert.Contains("attestazione ISEE", (await (await c.SendAsync(id)).ProblemAsync())["mancanti"]![0]!["messaggio"]!.GetValue<string>());
        Assert.Equal(StatoDomanda.Bozza, await portal.InBonusAsync(db => db.Domande.Where(d => d.Id == id).Select(d => d.Stato).SingleAsync()));
    }

    [Fact]
    public async Task Sending_records_the_time_the_protocol_follows_and_then_the_receipt_holds_protocol_date_cf_and_hash()
    {
        var c = await portal.CitizenAsync(cognome: "Verdi", nome: "Giulia");
        var (id, _, _) = await c.CompleteDraftAsync(await portal.BandoIdAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await c.Client.GetAsync($"/api/v1/bonus/domande/{id}/ricevuta")).StatusCode);

        var r = await c.SendAsync(id);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var sent = (await r.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Inviata", sent["stato"]!.GetValue<string>());
        Assert.Null(sent["protocollo"]?.GetValue<string>());
        Assert.False(sent["giaInviata"]!.GetValue<bool>());
        // Accepted at once; the number follows from the outbox: until then there is no receipt.
        Assert.Equal(HttpStatusCode.NotFound, (await c.Client.GetAsync($"/api/v1/bonus/domande/{id}/ricevuta")).StatusCode);
        await portal.DrainOutboxAsync();

        var d = await c.GetAsync(id);
        var protocollo = d["protocollo"]!.GetValue<string>();
        Assert.Matches(@"^ARM-\d{4}-\d{7}$", protocollo);
        Assert.True(d["ricevutaDisponibile"]!.GetValue<bool>());
        var receipt = await c.Client.GetAsync($"/api/v1/bonus/domande/{id}/ricevuta");
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Equal("application/pdf", receipt.Content.Headers.ContentType!.MediaType);
        var text = await PdfToText.ReadAsync(await receipt.Content.ReadAsByteArrayAsync());
        Assert.Contains(protocollo, text);
        Assert.Contains(c.Cf, text);
        Assert.Contains(d["attestazioneIsee"]!["sha256"]!.GetValue<string>(), text);
        Assert.Contains(Portal.Core.Time.RomeTime.FormatDate(d["inviataIl"]!.GetValue<DateTime>()), text);
        Assert.Contains("BONUS_DDI_2021", text);

        var history = await portal.InScopeAsync(async sp =>
        {
            var engine = sp.GetRequiredService<Portal.Workflows.Engine.IWorkflowEngine>();
            var instance = await engine.FindAsync(Domanda.SubjectType, id.ToString());
            return await engine.HistoryAsync(instance!.Id);
        });
        Assert.Contains(history, h => h.Transition == "invia" && h.ToState == "inviata");
    }

    [Fact]
    public async Task The_application_PDF_shows_the_whole_application_for_review()
    {
        var c = await portal.CitizenAsync(cognome: "Neri", nome: "Paola");
        var (id, child, _) = await c.CompleteDraftAsync(await portal.BandoIdAsync());
        var pdf = await c.Client.GetAsync($"/api/v1/bonus/domande/{id}/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var text = await PdfToText.ReadAsync(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("BOZZA", text);
        Assert.Contains(c.Cf, text);
        Assert.Contains(child, text);
        Assert.Contains("12.345,67 €", text);
        Assert.Contains("PC portatile: contributo forfettario di 600,00 €", text);
        Assert.Contains("Dichiarazioni (DPR 445/2000) – salvata", text);
    }

    [Fact]
    public async Task A_sent_application_refuses_every_edit()
    {
        var c = await portal.CitizenAsync();
        var (id, child, _) = await c.CompleteDraftAsync(await portal.BandoIdAsync());
        Assert.Equal(HttpStatusCode.OK, (await c.SendAsync(id)).StatusCode);
        var revision = await portal.InBonusAsync(db => db.Domande.Where(d => d.Id == id).Select(d => d.Revision).SingleAsync());
        var bodies = new (string, object)[]
        {
            ("richiedente", DomandaSteps.Richiedente()), ("nucleo", DomandaSteps.Nucleo((child, "Figlio"))), ("figli", DomandaSteps.Figli(child)),
            ("isee", DomandaSteps.Isee("1.000,00")), ("occupazione", DomandaSteps.Occupazione("occupato")), ("dispositivo", DomandaSteps.Dispositivo("fisso")),
            ("dichiarazioni", DomandaSteps.Dichiarazioni()),
        };
        foreach (var (sezione, body) in bodies)
        {
            var r = await c.PutSectionAsync(id, sezione, body);
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            Assert.Contains("una domanda inviata non si può più modificare", (await r.ProblemAsync())["detail"]!.GetValue<string>());
        }
        Assert.Equal(HttpStatusCode.Conflict, (await c.UploadIseeAsync(id, TestFiles.Pdf("altro"), "altro.pdf")).StatusCode);
        var after = await portal.InBonusAsync(db => db.Domande.AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.Equal(revision, after.Revision);
        Assert.Equal(12345.67m, after.IseeValore);
        Assert.Equal("portatile", after.Dispositivo);
    }

    [Fact]
    public async Task A_citizen_gets_404_on_another_citizens_application_attachment_pdf_and_receipt()
    {
        var owner = await portal.CitizenAsync();
        var (id, child, _) = await owner.CompleteDraftAsync(await portal.BandoIdAsync());
        Assert.Equal(HttpStatusCode.OK, (await owner.SendAsync(id)).StatusCode);
        await portal.DrainOutboxAsync();
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync($"/api/v1/bonus/domande/{id}/ricevuta")).StatusCode);

        var other = await portal.CitizenAsync();
        foreach (var path in new[] { "", "/allegati/isee", "/pdf", "/ricevuta" })
            Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/bonus/domande/{id}{path}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutSectionAsync(id, "isee", DomandaSteps.Isee())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.UploadIseeAsync(id, TestFiles.Pdf(), "x.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.SendAsync(id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsJsonAsync($"/api/v1/bonus/domande/{id}/richiesta-annullamento", new { motivo = "x" })).StatusCode);
        Assert.DoesNotContain((await other.Client.GetFromJsonAsync<JsonArray>("/api/v1/bonus/domande"))!, d => d!["id"]!.GetValue<Guid>() == id);
    }
}
