using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd;

/// <summary>
/// The site search (/cerca) as a visitor uses it: from the header's search field on the home at 1366 px, the results,
/// a result opened, the message when nothing is found or nothing can be searched; on a phone (390 px) from the header's
/// search icon, filtered by type, with a published graduatoria opened. Every page passes axe-core (BrowserSession).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class SearchTests(PortalFixture portal)
{
    [Fact]
    public async Task Il_visitatore_cerca_dalla_testata_apre_un_risultato_e_legge_il_messaggio_senza_risultati()
    {
        await using var s = await portal.NewSessionAsync("cerca-desktop");
        var page = s.Page;
        await page.SetViewportSizeAsync(1366, 900);
        await s.GotoAsync("/");

        // The header's search field: a labelled field with a visible box, sent with its button.
        var header = page.GetByRole(AriaRole.Search, new() { Name = "Cerca nel sito" }).First;
        var field = header.GetByRole(AriaRole.Searchbox, new() { Name = "Cerca nel sito" });
        await Expect(field).ToBeVisibleAsync();
        await field.FillAsync("bonus didattica");
        await s.ClickAndWaitForPageAsync(page.GetByTestId("header-cerca-invia"));
        await Expect(page).ToHaveURLAsync(new Regex("/cerca\\?q=bonus(\\+|%20)didattica$"));
        await Expect(page).ToHaveTitleAsync(new Regex("^Risultati per «bonus didattica»"));
        await Expect(page.GetByLabel("Parole da cercare", new() { Exact = true })).ToHaveValueAsync("bonus didattica");
        await Expect(Esito(page)).ToHaveTextAsync(new Regex("^\\d+ contenut[io] trovat[io]$"));
        var results = page.GetByTestId("risultato");
        await Expect(results.GetByRole(AriaRole.Link, new() { Name = "Avviso pubblico Bonus DDI 2021", Exact = true })).ToBeVisibleAsync();
        await AssertFitsAsync(page);
        await s.ScreenshotAsync("cerca-risultati-1366");

        // A result opens its page.
        await s.ClickAndWaitForPageAsync(results.GetByRole(AriaRole.Link, new() { Name = "Avviso pubblico Bonus DDI 2021", Exact = true }));
        await Expect(page).ToHaveURLAsync(new Regex("/avvisi/bonus-ddi-2021$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Avviso pubblico Bonus DDI 2021");

        // Words found nowhere: the status says so, no result is listed.
        await s.GoBackAsync();
        var q = page.GetByLabel("Parole da cercare", new() { Exact = true });
        await q.FillAsync("zzqxwv kkjjhh");
        await s.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Cerca", Exact = true }));
        await Expect(Esito(page)).ToHaveTextAsync("Nessun contenuto trovato: prova con altre parole.");
        await Expect(page.GetByTestId("risultato")).ToHaveCountAsync(0);

        // Nothing searchable (only punctuation): the message is next to the field, which is marked invalid.
        await q.FillAsync("!!! ???");
        await s.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Cerca", Exact = true }));
        await Expect(page.Locator("#cerca-errore")).ToHaveTextAsync("Scrivi almeno una parola da cercare (lettere o numeri).");
        await Expect(q).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByTestId("risultato")).ToHaveCountAsync(0);

        // Sent empty: asked to write something.
        await q.FillAsync("");
        await s.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Cerca", Exact = true }));
        await Expect(page.Locator("#cerca-errore")).ToHaveTextAsync("Scrivi una o più parole da cercare.");
        s.AssertEveryPageChecked();
    }

    [Fact]
    public async Task Sul_telefono_il_visitatore_cerca_dall_icona_filtra_per_tipo_e_apre_una_graduatoria()
    {
        await using var s = await portal.NewSessionAsync("cerca-telefono");
        var page = s.Page;
        await page.SetViewportSizeAsync(390, 844);
        await s.GotoAsync("/");

        // At phone width the header shows the search icon, a link to /cerca.
        await Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "Cerca nel sito" })).ToBeHiddenAsync();
        await s.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "Cerca nel sito", Exact = true }));
        await Expect(page).ToHaveURLAsync(new Regex("/cerca$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cerca nel sito", Level = 1 })).ToBeVisibleAsync();
        await AssertFitsAsync(page);

        await page.GetByLabel("Parole da cercare", new() { Exact = true }).FillAsync("graduatoria bonus");
        await page.GetByLabel("Tipo di contenuto", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Graduatorie" });
        await s.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Cerca", Exact = true }));
        await Expect(page).ToHaveURLAsync(new Regex("tipo=graduatorie"));
        var results = page.GetByTestId("risultato");
        await Expect(results).Not.ToHaveCountAsync(0);
        // Only graduatorie: every result says its type.
        foreach (var r in await results.AllAsync()) await Expect(r).ToContainTextAsync("Graduatoria");
        await AssertFitsAsync(page);
        await s.ScreenshotAsync("cerca-graduatorie-390");

        await s.ClickAndWaitForPageAsync(results.GetByRole(AriaRole.Link, new() { Name = "Graduatoria Bonus DDI 2021 – prima finestra", Exact = true }));
        await Expect(page).ToHaveURLAsync(new Regex("/graduatorie/[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Graduatoria Bonus DDI 2021 – prima finestra");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Percorso" })).ToContainTextAsync("Graduatorie");
        await AssertFitsAsync(page);
        await s.ScreenshotAsync("graduatoria-390");
        s.AssertEveryPageChecked();
    }

    /// <summary>The search's own status line (the page may also carry a service banner with role status).</summary>
    private static ILocator Esito(IPage page) => page.Locator("main p[role=status]");

    /// <summary>The page does not scroll sideways and no link or button lies off screen.</summary>
    private static async Task AssertFitsAsync(IPage page)
    {
        var problems = (await PageAudit.LayoutAndTextAsync(page, development: true))
            .Where(p => p.StartsWith("scorrimento orizzontale", StringComparison.Ordinal) || p.StartsWith("fuori dallo schermo", StringComparison.Ordinal)
                || p.StartsWith("tabella che scorre", StringComparison.Ordinal) || p.StartsWith("campo senza", StringComparison.Ordinal)).ToList();
        Assert.True(problems.Count == 0, $"{page.Url}:\n" + string.Join("\n", problems));
    }
}
