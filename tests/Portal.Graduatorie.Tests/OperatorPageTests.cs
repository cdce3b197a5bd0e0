using System.Net;
using System.Net.Http.Headers;
using Portal.Core.Security;
using Portal.Graduatorie.Data;
using Portal.Graduatorie.Model;
using Portal.Graduatorie.Services;
using Portal.Testing;
using static Portal.Graduatorie.Tests.GraduatorieTestHelpers;

namespace Portal.Graduatorie.Tests;

/// <summary>The operator page "Invio elenchi" (seed 001, four sections) through real HTTP with cookies and antiforgery.</summary>
public class OperatorPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static string Page(Guid finestra, string? comune = null) => $"/invio-elenchi/{finestra}" + (comune is null ? "" : $"?comune={comune}");

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid finestra, string handler, string comune, UploadedFile? file,
        bool confermaSostituzione = false)
    {
        var token = await PortalClient.TokenAsync(client, Page(finestra, comune));
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(comune), "comune" } };
        if (confermaSostituzione) form.Add(new StringContent("true"), "ConfermaSostituzione");
        if (file is not null)
        {
            var content = new ByteArrayContent(file.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            form.Add(content, "Elenco", file.FileName);
        }
        return await client.PostAsync($"/invio-elenchi/{finestra}?handler={handler}", form);
    }

    private static async Task<string> FollowAsync(HttpClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetStringAsync(response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_page_has_the_four_sections_and_offers_only_the_operators_Comuni()
    {
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        var client = await portal.LoginAsync(Demo.OperatoreAncona, PortalRoles.OperatoreComune);

        var index = await client.GetStringAsync("/invio-elenchi");
        Assert.Contains($"/invio-elenchi/{finestra}", index);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(Page(finestra)));
        Assert.Contains("1. Scarica il manuale e il modello Excel", html);
        Assert.Contains("2. Caricamento dell'elenco dei beneficiari", html);
        Assert.Contains("3. Invii del Comune di Ancona", html);
        Assert.Contains("4. Nominativi con errori o avvisi", html);
        Assert.Contains($"/api/v1/graduatorie/finestre/{finestra}/modello", html);
        // The manual is an attachment of the Avviso (demo recipe) and downloads from the page.
        var manual = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/allegati/[^\"]+/manuale-operatore-borse-di-studio.pdf)\">Manuale utente");
        Assert.True(manual.Success, "manca il manuale");
        var pdf = await client.GetAsync(manual.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains("value=\"042002\"", html);
        Assert.Contains("value=\"042018\"", html);
        Assert.DoesNotContain("value=\"041044\"", html);
        Assert.Contains("Carica il file", html);
        Assert.Contains("Verifica senza inviare", html);
    }

    [Fact]
    public async Task An_operator_never_sees_nor_uploads_for_a_Comune_outside_the_scope()
    {
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        var pesaro = await portal.LoginAsync(Demo.OperatorePesaro, PortalRoles.OperatoreComune);
        await FollowAsync(pesaro, await PostAsync(pesaro, finestra, "Carica", Pesaro, Clean(2) with { FileName = "pesaro-riservato.xlsx" }));
        var ancona = await portal.LoginAsync(Demo.OperatoreAncona, PortalRoles.OperatoreComune);

        var html = await ancona.GetStringAsync(Page(finestra, Pesaro));
        Assert.Contains("Non si è operatori accreditati per il Comune 041044", WebUtility.HtmlDecode(html));
        Assert.DoesNotContain("pesaro-riservato.xlsx", html);

        var before = (await portal.InviiAsync(finestra)).Count;
        var post = await PostAsync(ancona, finestra, "Carica", Pesaro, Clean(2));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("Non si è operatori accreditati per il Comune 041044", WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync()));
        Assert.Equal(before, (await portal.InviiAsync(finestra)).Count);

        var cittadino = await portal.LoginAsync(Demo.Cittadino);
        var denied = await cittadino.GetAsync(Page(finestra));
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/accesso-negato", denied.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_missing_file_or_an_unconfirmed_replacement_is_explained_next_to_the_field_and_nothing_is_stored()
    {
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        var client = await portal.LoginAsync(Demo.OperatoreAncona, PortalRoles.OperatoreComune);

        var missing = await PostAsync(client, finestra, "Carica", Ancona, null);
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        var html = WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync());
        Assert.Contains("id=\"file-errore\" role=\"alert\">Scegliere il file Excel (.xlsx) da caricare.", html);
        Assert.Empty(await portal.InviiAsync(finestra));

        var first = await FollowAsync(client, await PostAsync(client, finestra, "Carica", Ancona, Clean(2) with { FileName = "primo.xlsx" }));
        Assert.Contains("File caricato con successo", first);
        Assert.Contains("Elenco valido attuale: «primo.xlsx»", WebUtility.HtmlDecode(first));

        var unconfirmed = await PostAsync(client, finestra, "Carica", Ancona, Clean(3));
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("id=\"sostituzione-errore\" role=\"alert\">Confermare che il nuovo invio sostituirà l'elenco valido",
            WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync()));
        Assert.Single(await portal.InviiAsync(finestra));

        var second = await FollowAsync(client, await PostAsync(client, finestra, "Carica", Ancona, Clean(3) with { FileName = "secondo.xlsx" }, confermaSostituzione: true));
        Assert.Contains("File caricato con successo", second);
        var invii = await portal.InviiAsync(finestra);
        Assert.Equal([StatoInvio.Sostituito, StatoInvio.Valido], invii.Select(i => i.Stato));
        // The history highlights the valid row (in green, and in words).
        Assert.Matches("<tr class=\"table-success\" data-stato=\"Valido\">\\s*<td>[^<]+</td>\\s*<td>[^<]+</td>\\s*<td>secondo.xlsx</td>", second);
    }

    [Fact]
    public async Task A_rejected_upload_lists_the_rows_in_error_with_the_students_taken_from_the_file()
    {
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        var client = await portal.LoginAsync(Demo.OperatoreAncona, PortalRoles.OperatoreComune);

        var html = WebUtility.HtmlDecode(await FollowAsync(client, await PostAsync(client, finestra, "Carica", Ancona, WithError())));
        Assert.Contains("Invio respinto.", html);
        Assert.Contains("<details id=\"righe-errore\" open=\"open\">", html);
        var row = ElencoFiles.Row(1);
        Assert.Matches($"<td>3</td>\\s*<td>{row[0]}</td>\\s*<td>{row[1]} {row[2]}</td>\\s*<td>VALORE ISEE</td>\\s*<td>Errore <small class=\"text-muted\">\\(controllo <code>R07</code>\\)</small></td>", html);
        var invio = Assert.Single(await portal.InviiAsync(finestra));
        Assert.Contains($"/api/v1/graduatorie/invii/{invio.Id}/file-segnalato", html);
        Assert.Equal(StatoInvio.Respinto, invio.Stato);
    }

    [Fact]
    public async Task An_upload_with_warnings_waits_for_the_operator_who_confirms_it_on_the_page()
    {
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        var client = await portal.LoginAsync(Demo.OperatoreAncona, PortalRoles.OperatoreComune);

        var pending = WebUtility.HtmlDecode(await FollowAsync(client, await PostAsync(client, finestra, "Carica", Ancona, WithWarning())));
        Assert.Contains("Invio con avvisi, in attesa di conferma.", pending);
        Assert.Contains("Avviso <small class=\"text-muted\">(controllo <code>W03</code>)</small>", pending);
        var invio = Assert.Single(await portal.InviiAsync(finestra));

        // Reloading the page later still offers the decision.
        Assert.Contains("Conferma invio", await client.GetStringAsync(Page(finestra, Ancona)));
        var token = await PortalClient.TokenAsync(client, Page(finestra, Ancona));
        var confirmed = await FollowAsync(client, await client.PostAsync($"/invio-elenchi/{finestra}?handler=Conferma&id={invio.Id}", PortalClient.Form(token)));
        Assert.Contains("File caricato con successo", confirmed);
        Assert.Equal(StatoInvio.Valido, Assert.Single(await portal.InviiAsync(finestra)).Stato);

        // Deciding twice is explained, not a 500.
        var again = await client.PostAsync($"/invio-elenchi/{finestra}?handler=Annulla&id={invio.Id}", PortalClient.Form(token));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("non è in attesa di conferma", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Verifica_senza_inviare_shows_the_outcome_and_stores_nothing()
    {
        var (finestra, _) = await portal.CreateOpenFinestraAsync();
        var client = await portal.LoginAsync(Demo.OperatoreAncona, PortalRoles.OperatoreComune);

        var response = await PostAsync(client, finestra, "Verifica", Ancona, WithError() with { FileName = "prova.xlsx" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Verifica senza invio del file «prova.xlsx»", html);
        Assert.Contains("il file verrebbe\n", html.Replace("\r", ""));
        Assert.Contains("Errore <small class=\"text-muted\">(controllo <code>R07</code>)</small>", html);
        Assert.Empty(await portal.InviiAsync(finestra));
    }

    [Fact]
    public async Task Outside_the_window_the_page_says_so_and_the_server_refuses_the_upload()
    {
        var finestra = await portal.CreateFinestraAsync("Finestra chiusa", -20, -2);
        var client = await portal.LoginAsync(Demo.OperatoreAncona, PortalRoles.OperatoreComune);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(Page(finestra)));
        Assert.Contains("invii chiusi", html);
        Assert.DoesNotContain(">Carica il file</button>", html);

        var post = await PostAsync(client, finestra, "Carica", Ancona, Clean(2));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("sono chiusi: la finestra si è chiusa il", WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync()));
        Assert.Empty(await portal.InviiAsync(finestra));
    }
}
