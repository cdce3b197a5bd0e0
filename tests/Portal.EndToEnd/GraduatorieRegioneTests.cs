using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd;

/// <summary>The Funzionario walks the regional Graduatorie pages of the demo window; a Comune operator opens the page of codes.</summary>
[Collection(PortalCollection.Name)]
public sealed class GraduatorieRegioneTests(PortalFixture portal)
{
    [Fact]
    public async Task Il_funzionario_vede_lo_stato_dei_Comuni_l_elenco_consolidato_e_la_graduatoria_non_ancora_costruibile()
    {
        await using var funzionario = await portal.NewSessionAsync("funzionario-graduatorie");
        var page = funzionario.Page;
        await Walks.LoginAsync(funzionario, "Anna Russo", "Funzionario");

        await funzionario.GotoAsync("/admin/graduatorie");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Graduatorie regionali");
        await funzionario.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "Invio elenchi a.s. 2026/2027", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Invio elenchi a.s. 2026/2027");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Invia sollecito", Exact = true })).ToBeVisibleAsync();

        // Filter with the keyboard: the select, then Enter on the button.
        await page.GetByLabel("Mostra", new() { Exact = true }).SelectOptionAsync("mancanti");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtra", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("filtro=mancanti"));
        await funzionario.CheckPageAsync();
        await Expect(page.Locator("caption").First).ToContainTextAsync("senza elenco valido");

        await funzionario.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "Elenco consolidato e duplicati", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Scarica in Excel (.xlsx)", Exact = true })).ToBeVisibleAsync();

        await funzionario.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "Graduatoria regionale", Exact = true }));
        // The window is still open: the button waits, saying why (the server refuses too: Graduatorie.Tests).
        var build = page.GetByRole(AriaRole.Button, new() { Name = "Costruisci la graduatoria", Exact = true });
        await Expect(build).ToBeDisabledAsync();
        await Expect(build).ToHaveAccessibleDescriptionAsync(new Regex("si può costruire solo dopo"));
        funzionario.AssertEveryPageChecked();
    }

    [Fact]
    public async Task L_operatore_del_Comune_apre_la_pagina_dei_codici_prima_dell_approvazione()
    {
        await using var operatore = await portal.NewSessionAsync("operatore-codici");
        var page = operatore.Page;
        await Walks.LoginAsync(operatore, "Laura Bianchi", "OperatoreComune");
        await operatore.GotoAsync("/graduatoria-regionale/codici");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Codici degli studenti nella graduatoria regionale");
        // The demo window (other walks may add and close windows of their own).
        await page.Locator("#finestra").SelectOptionAsync(new SelectOptionValue { Label = "Invio elenchi a.s. 2026/2027" });
        await operatore.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Mostra", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "non è ancora approvata" })).ToBeVisibleAsync();
        operatore.AssertEveryPageChecked();
    }
}
