using Portal.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd;

/// <summary>An editor writes and publishes an avviso; a visitor finds it.</summary>
[Collection(PortalCollection.Name)]
public sealed class EditorTests(PortalFixture portal)
{
    private static readonly Regex EditPage = new(@"/admin/contenuti/modifica/[0-9a-f-]{36}$");

    [Fact]
    public async Task Editor_scrive_un_avviso_con_un_PDF_lo_vede_in_anteprima_lo_pubblica_e_il_visitatore_lo_trova_e_scarica_l_allegato()
    {
        var token = Guid.NewGuid().ToString("N")[..8];
        var title = $"Contributo di prova E2E {token}";
        var fileName = $"bando-{token}.pdf";
        var attachmentTitle = $"bando-{token}";
        var pdf = TestFiles.Pdf($"Bando di prova E2E {token}");

        await using (var editor = await portal.NewSessionAsync("editor"))
        {
            var page = editor.Page;
            await Walks.LoginAsync(editor, Walks.EditorName, "Editor");
            await Expect(page.GetByTestId("ruolo-attivo")).ToContainTextAsync("Redazione");

            // New avviso with a PDF, saved as a draft.
            await editor.GotoAsync("/admin/contenuti/modifica?tipo=Avviso");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nuovo contenuto: Avviso");
            await page.Locator("#campo-Title").FillAsync(title);
            await page.Locator("#campo-Summary").FillAsync($"Sommario dell'avviso di prova {token}.");
            await page.Locator("#campo-Body").FillAsync("## Chi può chiedere\nLe famiglie residenti.\n\n## Come\nSolo on line.");
            await page.Locator("#campo-Categoria").FillAsync("Contributi alle famiglie");
            await page.Locator("#allegati").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = pdf });
            await editor.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Salva bozza", Exact = true }));
            await Expect(page).ToHaveURLAsync(EditPage);
            await Expect(page.Locator("#main").GetByRole(AriaRole.Status).Filter(new() { HasText = "Bozza salvata" })).ToContainTextAsync("versione 1");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
            var editUrl = page.Url;

            // Preview: title and attachment.
            await editor.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "Anteprima", Exact = true }));
            await Expect(page).ToHaveURLAsync(new Regex("/anteprima"));
            await Expect(page.GetByRole(AriaRole.Note)).ToContainTextAsync("non pubblicata");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
            var documents = page.GetByRole(AriaRole.Region, new() { Name = "Documenti" });
            await Expect(documents.GetByRole(AriaRole.Link, new() { Name = attachmentTitle, Exact = true })).ToBeVisibleAsync();
            await Expect(documents).ToContainTextAsync(fileName);

            // Back to the editor, publish.
            await editor.GoBackAsync();
            Assert.Equal(editUrl, page.Url);
            var publish = page.GetByRole(AriaRole.Button, new() { Name = "Pubblica la versione 1", Exact = true });
            await Expect(publish).ToBeEnabledAsync();
            await editor.ClickAndWaitForPageAsync(publish);
            await Expect(page).ToHaveURLAsync(EditPage);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Vedi sul sito", Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Pubblica la versione 1", Exact = true })).ToBeDisabledAsync();

            editor.AssertEveryPageChecked();
        }

        // A visitor (new browser context: no cookies) finds it and downloads the PDF.
        await using var visitor = await portal.NewSessionAsync("visitatore");
        var v = visitor.Page;
        await visitor.GotoAsync("/avvisi");
        await v.Locator("#q").FillAsync(token);
        await visitor.ClickAndWaitForPageAsync(v.GetByRole(AriaRole.Search, new() { Name = "Cerca negli avvisi" }).GetByRole(AriaRole.Button, new() { Name = "Cerca", Exact = true }));
        await Expect(v.Locator("#main").GetByRole(AriaRole.Status)).ToHaveTextAsync("1 avviso trovato");
        await visitor.ClickAndWaitForPageAsync(v.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }));
        await Expect(v).ToHaveURLAsync(new Regex("/avvisi/[a-z0-9-]+$"));
        await Expect(v.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Expect(v.GetByRole(AriaRole.Heading, new() { Name = "Chi può chiedere" })).ToBeVisibleAsync();

        var link = v.GetByRole(AriaRole.Region, new() { Name = "Documenti" }).GetByRole(AriaRole.Link, new() { Name = attachmentTitle, Exact = true });
        var href = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException("Link all'allegato senza href");

        var download = await v.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal(fileName, download.SuggestedFilename);
        var saved = Path.Combine(TestPaths.Artifacts, "allegato-scaricato.pdf");
        await download.SaveAsAsync(saved);
        Assert.Equal(pdf, await File.ReadAllBytesAsync(saved));

        // The same link as the browser requests it (the context's cookies: none, anonymous).
        var response = await visitor.Context.APIRequest.GetAsync(href);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/pdf", response.Headers["content-type"], StringComparison.Ordinal);
        Assert.Equal(pdf, await response.BodyAsync());

        visitor.AssertEveryPageChecked();
    }

    [Fact]
    public async Task Salvare_un_avviso_senza_titolo_mostra_l_errore_accanto_al_campo_e_non_crea_nulla()
    {
        var token = Guid.NewGuid().ToString("N")[..8];
        var summary = $"Avviso senza titolo {token}.";

        await using var editor = await portal.NewSessionAsync("editor-errore");
        var page = editor.Page;
        await Walks.LoginAsync(editor, Walks.EditorName, "Editor");

        var before = await CountAvvisiAsync(editor);

        await editor.GotoAsync("/admin/contenuti/modifica?tipo=Avviso");
        await page.Locator("#campo-Summary").FillAsync(summary);
        await editor.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Salva bozza", Exact = true }));

        // Still the new-avviso form, with the message next to the title field and the input kept.
        await Expect(page).Not.ToHaveURLAsync(EditPage);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nuovo contenuto: Avviso");
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "non è stato salvato" })).ToBeVisibleAsync();
        var field = page.Locator("#campo-Title");
        var error = page.Locator("#campo-Title-errore");
        await Expect(error).ToHaveTextAsync("Il titolo è obbligatorio.");
        await Expect(page.Locator("div:has(> #campo-Title) > #campo-Title-errore")).ToBeVisibleAsync();
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(field).ToHaveAttributeAsync("aria-describedby", new Regex(@"(^|\s)campo-Title-errore(\s|$)"));
        await Expect(page.Locator("#campo-Summary")).ToHaveValueAsync(summary);

        // Nothing was created.
        Assert.Equal(before, await CountAvvisiAsync(editor));

        editor.AssertEveryPageChecked();
    }

    /// <summary>Avvisi in the admin list (its caption says "N contenuti").</summary>
    private static async Task<int> CountAvvisiAsync(BrowserSession s)
    {
        await s.GotoAsync("/admin/contenuti?tipo=Avviso");
        var caption = await s.Page.Locator("table caption").InnerTextAsync();
        var m = Regex.Match(caption, @"^(\d+) contenuti");
        Assert.True(m.Success, $"Didascalia inattesa dell'elenco dei contenuti: {caption}");
        return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
