using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Protocol.Data;
using Portal.Core.Protocol;
using Portal.Core.Receipts;
using Portal.Testing;

namespace Portal.Protocol.Tests;

public class ReceiptTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<(Receipt Receipt, byte[] Pdf)> IssueAsync(string subject, string ownerCf = Demo.Cittadino)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<CoreDbContext>();
        var owner = await db.Persons.SingleAsync(p => p.CodiceFiscale == ownerCf);
        var protocol = await sp.GetRequiredService<IProtocolRegister>().RegisterAsync("Test.Invio", subject, "Invio di prova");
        var receipt = await sp.GetRequiredService<IReceipts>().IssueAsync(new ReceiptRequest(
            "Ricevuta di invio – Graduatoria Borse di studio", "Test.Invio", subject, owner.FullName, owner.CodiceFiscale, owner.Id, protocol,
            [("Comune", "Falconara Marittima"), ("Righe", "128"), ("Avvisi", "2 (città della scuola fuori regione)")],
            [new ReceiptFile("elenco-2026.xlsx", 48_213, new string('a', 64))]));
        var file = await db.Files.AsNoTracking().SingleAsync(f => f.Id == receipt.PdfFileId);
        return (receipt, file.Content);
    }

    [Fact]
    public async Task A_latin_receipt_embeds_the_cut_down_fonts_and_a_name_in_another_script_gets_the_whole_font()
    {
        // Three DejaVu files embedded whole made every receipt ~960 KB (and ~50 ms of CPU).
        var (_, latin) = await IssueAsync("r-latino");
        Assert.True(latin.Length < 250_000, $"ricevuta di {latin.Length} byte");

        await using var scope = portal.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var protocol = await sp.GetRequiredService<IProtocolRegister>().RegisterAsync("Test.Invio", "r-cirillico", "Invio di prova");
        var receipt = await sp.GetRequiredService<IReceipts>().IssueAsync(new ReceiptRequest(
            "Ricevuta di invio", "Test.Invio", "r-cirillico", "Олена Шевченко", Demo.Cittadino, null, protocol, [("Comune", "Ancona")], []));
        var other = (await sp.GetRequiredService<CoreDbContext>().Files.AsNoTracking().SingleAsync(f => f.Id == receipt.PdfFileId)).Content;
        Assert.Contains("Олена Шевченко", await PdfToText.ReadAsync(other));
        // The characters outside the cut-down faces are drawn with the whole ones (their outlines are embedded).
        Assert.True(other.Length > latin.Length + 200_000, $"{other.Length} byte contro {latin.Length}");
    }

    [Fact]
    public async Task The_receipt_pdf_has_extractable_italian_text_with_protocol_person_summary_and_file_hash()
    {
        var (receipt, pdf) = await IssueAsync("r1");
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        var text = await PdfToText.ReadAsync(pdf);
        Assert.Contains("Ricevuta di invio – Graduatoria Borse di studio", text);
        Assert.Contains($"Protocollo n. {receipt.Segnatura}", text);
        Assert.Matches(@"ARM-\d{4}-\d{7}", receipt.Segnatura);
        Assert.Contains(Demo.Cittadino, text);
        Assert.Contains("città della scuola fuori regione", text);
        Assert.Contains("elenco-2026.xlsx", text);
        Assert.Contains(new string('a', 64), text);
        Assert.Contains($"Codice di verifica: {receipt.Code}", text);
    }

    [Fact]
    public async Task Issuing_again_for_the_same_subject_returns_the_same_receipt()
    {
        var (first, _) = await IssueAsync("r2");
        var (again, _) = await IssueAsync("r2");
        Assert.Equal((first.Id, first.Code, first.Segnatura), (again.Id, again.Code, again.Segnatura));
    }

    [Fact]
    public async Task The_public_verification_page_confirms_number_date_and_hashes_without_personal_data()
    {
        var (receipt, _) = await IssueAsync("r3");
        var html = WebUtility.HtmlDecode(await portal.Anonymous().GetStringAsync($"/verifica/{receipt.Code.ToLowerInvariant()}"));
        Assert.Contains("Ricevuta autentica", html);
        Assert.Contains(receipt.Segnatura!, html);
        Assert.Contains(new string('a', 64), html);
        Assert.DoesNotContain(Demo.Cittadino, html);
        Assert.DoesNotContain("Rossi", html);
        var unknown = await portal.Anonymous().GetAsync("/verifica/ZZZZZZZZZZZZ");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Nessuna ricevuta corrisponde", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Only_the_owner_downloads_the_receipt_again()
    {
        var (receipt, pdf) = await IssueAsync("r4");
        var owner = await portal.LoginAsync(Demo.Cittadino);
        var r = await owner.GetAsync($"/api/v1/ricevute/{receipt.Code}");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/pdf", r.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await r.Content.ReadAsByteArrayAsync());
        var other = await portal.LoginAsync(Demo.OperatoreEnte, "OperatoreEnte");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/ricevute/{receipt.Code}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.Anonymous().GetAsync($"/api/v1/ricevute/{receipt.Code}")).StatusCode);
    }
}
