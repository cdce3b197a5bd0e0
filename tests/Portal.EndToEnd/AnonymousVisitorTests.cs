using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd;

/// <summary>An anonymous visitor reads the public site.</summary>
[Collection(PortalCollection.Name)]
public sealed class AnonymousVisitorTests(PortalFixture portal)
{
    [Fact]
    public async Task Visitatore_legge_la_home_un_avviso_con_le_sue_finestre_e_una_pagina()
    {
        await using var s = await portal.NewSessionAsync("visitatore");
        var page = s.Page;

        // Home: services with their window, latest avvisi, the layout around them.
        await s.GotoAsync("/");
        await Expect(page).ToHaveTitleAsync(new Regex("^Home – "));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Servizi on line", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ultimi avvisi", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("accedi")).ToBeVisibleAsync();
        await Expect(page.Locator("main#main")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Contentinfo)).ToContainTextAsync("Assistenza");
        await s.ScreenshotAsync("home");

        // The avviso, from its card on the home.
        await s.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "Avviso pubblico Bonus DDI 2021", Exact = true }).First);
        await Expect(page).ToHaveURLAsync(new Regex("/avvisi/bonus-ddi-2021$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Avviso pubblico Bonus DDI 2021");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Percorso" })).ToContainTextAsync("Avvisi");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chi può chiedere il contributo" })).ToBeVisibleAsync();

        var windows = page.GetByTestId("finestra");
        await Expect(windows).ToHaveCountAsync(3);
        await ExpectWindowAsync(windows, "Prima finestra", "Chiusa");
        await ExpectWindowAsync(windows, "Seconda finestra", "Aperta");
        await ExpectWindowAsync(windows, "Terza finestra", "Di prossima apertura");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Contatti e assistenza" })).ToBeVisibleAsync();
        await s.ScreenshotAsync("avviso-bonus-ddi-2021");

        // A page, from the footer.
        await s.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "Come accedere", Exact = true }));
        await Expect(page).ToHaveURLAsync(new Regex("/pagine/come-accedere$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Come accedere");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Con SPID" })).ToBeVisibleAsync();

        s.AssertEveryPageChecked();
    }

    [Fact]
    public async Task Pagine_pubbliche_con_la_CSP_del_portale_senza_errori_e_con_tutte_le_risorse()
    {
        // No CSP bypass here (the axe walks need it): what the portal ships must work under its own policy.
        await using var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.BaseUrl.ToString() });
        context.SetDefaultTimeout(PortalFixture.DefaultTimeoutMs);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") lock (problems) problems.Add($"console: {Shorten(m.Text)} ({page.Url})"); };
        page.PageError += (_, e) => { lock (problems) problems.Add($"script: {e} ({page.Url})"); };
        page.RequestFailed += (_, r) => { lock (problems) problems.Add($"richiesta fallita: {r.Url} {r.Failure}"); };
        page.Response += (_, r) => { if (r.Status >= 400) lock (problems) problems.Add($"{r.Status}: {r.Url}"); };

        foreach (var path in new[] { "/", "/avvisi/bonus-ddi-2021", "/avvisi", "/pagine/come-accedere", "/accedi" })
        {
            var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            Assert.Equal(200, response?.Status);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            // The theme's stylesheet is applied (bootstrap-italia sets the header's background).
            var header = await page.Locator(".it-header-slim-wrapper").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
            Assert.NotEqual("rgba(0, 0, 0, 0)", header);
        }
        await context.CloseAsync();
        lock (problems) Assert.True(problems.Count == 0, "Problemi nelle pagine pubbliche:\n" + string.Join("\n", problems.Distinct()));
    }

    /// <summary>Console messages can quote whole data: URLs; keep them readable.</summary>
    private static string Shorten(string text) => Regex.Replace(text, @"data:([\w/+.-]+)[^'""\s)]{40,}", "data:$1…");

    private static async Task ExpectWindowAsync(ILocator windows, string name, string state)
    {
        var row = windows.Filter(new() { Has = windows.Page.GetByRole(AriaRole.Rowheader, new() { Name = name, Exact = true }) });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator(".badge")).ToHaveTextAsync(state);
    }
}
