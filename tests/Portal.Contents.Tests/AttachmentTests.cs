using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Contents.Services;
using Portal.Core.Errors;
using Portal.Testing;

namespace Portal.Contents.Tests;

public class AttachmentTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static NewAttachment File(string name, byte[] bytes, string? title = null) => new(name, new MemoryStream(bytes), title);

    [Fact]
    public async Task A_pdf_is_stored_with_its_hash_and_served_only_once_the_avviso_is_published()
    {
        var pdf = TestFiles.Pdf();
        var item = await portal.CreateAvvisoAsync("Avviso con bando", ContentTestExtensions.UniqueSlug("bando"), [File("bando.pdf", pdf, "Testo del bando")]);
        var version = await portal.InScopeAsync(sp => sp.GetRequiredService<ContentQueries>().GetVersionAsync(item.Id, 1));
        var a = Assert.Single(version!.Attachments);
        Assert.Equal(("application/pdf", pdf.Length, "Testo del bando"), (a.ContentType, (int)a.Length, a.Title));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), a.Sha256);

        var client = portal.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/allegati/{a.FileId}/bando.pdf")).StatusCode);
        await portal.InScopeAsync(sp => sp.GetRequiredService<ContentService>().PublishAsync(item.Id, null, "test"));
        var r = await client.GetAsync($"/allegati/{a.FileId}/bando.pdf");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/pdf", r.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await r.Content.ReadAsByteArrayAsync());
        Assert.Contains("Testo del bando", await client.GetStringAsync($"/avvisi/{item.Slug}"));
    }

    [Theory]
    [InlineData("bando.pdf", "not a pdf", "non è di un tipo ammesso")]
    [InlineData("modello.xlsx", "%PDF-1.4 fake", "non è ciò che dice il nome: il contenuto è un documento PDF")]
    [InlineData("foto.png", "%PDF-1.4 fake", "non è ciò che dice il nome")]
    [InlineData("programma.exe", "MZ\u0090\u0000", "non è di un tipo ammesso")]
    [InlineData("vuoto.pdf", "", "è vuoto")]
    public async Task A_file_whose_content_is_not_what_its_name_says_is_refused(string name, string content, string message)
    {
        var e = await Assert.ThrowsAsync<PortalException>(() =>
            portal.CreateAvvisoAsync("Allegato sbagliato", ContentTestExtensions.UniqueSlug("sbagliato"), [File(name, System.Text.Encoding.ASCII.GetBytes(content))]));
        Assert.Contains(message, e.Errors["Allegati"]);
        Assert.Contains(name, e.Errors["Allegati"]);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_with_the_limit_in_the_message()
    {
        var big = new byte[21 * 1024 * 1024];
        TestFiles.Pdf().CopyTo(big, 0);
        var e = await Assert.ThrowsAsync<PortalException>(() =>
            portal.CreateAvvisoAsync("Allegato enorme", ContentTestExtensions.UniqueSlug("enorme"), [File("enorme.pdf", big)]));
        Assert.Contains("supera la dimensione massima consentita di 20 MB", e.Errors["Allegati"]);
    }

    [Fact]
    public async Task A_real_xlsx_is_accepted_as_xlsx()
    {
        var xlsx = TestFiles.XlsxShell();
        var item = await portal.CreateAvvisoAsync("Avviso con modello", ContentTestExtensions.UniqueSlug("modello"), [File("modello.xlsx", xlsx)]);
        var version = await portal.InScopeAsync(sp => sp.GetRequiredService<ContentQueries>().GetVersionAsync(item.Id, 1));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Assert.Single(version!.Attachments).ContentType);
    }

    [Fact]
    public async Task Removing_an_attachment_in_a_new_version_keeps_it_in_the_old_one()
    {
        var item = await portal.CreateAvvisoAsync("Avviso con due allegati", ContentTestExtensions.UniqueSlug("due"),
            [File("a.pdf", TestFiles.Pdf("a")), File("b.pdf", TestFiles.Pdf("b"))]);
        var v1 = await portal.InScopeAsync(sp => sp.GetRequiredService<ContentQueries>().GetVersionAsync(item.Id, 1));
        var drop = v1!.Attachments.Single(a => a.FileName == "a.pdf").FileId;
        await portal.InScopeAsync(sp => sp.GetRequiredService<ContentService>().SaveDraftAsync(item.Id, item.Revision,
            new ContentInput { Title = item.Title, Slug = item.Slug, RemoveAttachments = [drop] }, [], "test"));
        var v2 = await portal.InScopeAsync(sp => sp.GetRequiredService<ContentQueries>().GetVersionAsync(item.Id, 2));
        Assert.Equal(["b.pdf"], v2!.Attachments.Select(a => a.FileName));
        Assert.Equal(2, (await portal.InScopeAsync(sp => sp.GetRequiredService<ContentQueries>().GetVersionAsync(item.Id, 1)))!.Attachments.Count);
    }
}
