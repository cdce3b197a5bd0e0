using Portal.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd;

/// <summary>
/// D.I.D. On Line (seed 002): a person in the CPI archive sends a DID with the keyboard (first with a declaration
/// missing), downloads the receipt; the CPI di Ancona's operator finds it, records the appointment and the interview;
/// the person sees it confirmed and their new state.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class DidTests(PortalFixture portal)
{
    [Fact]
    public async Task Il_cittadino_invia_la_DID_l_operatore_del_CPI_registra_il_colloquio_e_la_DID_e_confermata()
    {
        await using var citizen = await portal.NewSessionAsync("did-cittadino");
        var page = citizen.Page;
        await citizen.GotoAsync("/accedi");
        await citizen.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "Accesso di prova", Exact = true }));
        await citizen.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Entra come Giorgio Ferri", Exact = true }));
        await citizen.GotoAsync("/did");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "D.I.D. On Line", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("stato-occupazionale")).ToHaveTextAsync("Occupato");
        await Expect(page.GetByTestId("cpi")).ToHaveTextAsync("Centro per l'Impiego di Ancona");
        await citizen.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "Nuova DID", Exact = true }));

        // Keyboard only: Tab from one declaration to the next, Space to tick; the third is left out.
        string[] codes = ["nonAltroCpi", "statoDisoccupazione", "disponibileLavoro", "disponibileRicerca", "impegnoAppuntamento", "impegnoColloquio", "consapevole"];
        await page.Locator("#did-nonAltroCpi").FocusAsync();
        for (var i = 0; i < codes.Length; i++)
        {
            await Expect(page.Locator($"#did-{codes[i]}")).ToBeFocusedAsync();
            if (i != 2) await page.Keyboard.PressAsync("Space");
            await page.Keyboard.PressAsync("Tab");
        }
        await page.Keyboard.PressAsync("Tab"); // second optional declaration
        await page.Keyboard.PressAsync("Tab");
        var send = page.GetByRole(AriaRole.Button, new() { Name = "Invia la D.I.D.", Exact = true });
        await Expect(send).ToBeFocusedAsync();
        await KeyAndWaitForPageAsync(citizen, "Enter");
        await Expect(page.GetByTestId("errore-disponibileLavoro")).ToHaveTextAsync("Dichiarazione obbligatoria: seleziona la casella per confermarla.");
        await Expect(page.Locator("#did-disponibileLavoro")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#did-nonAltroCpi")).ToBeCheckedAsync();

        await page.Locator("#did-disponibileLavoro").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await send.FocusAsync();
        await KeyAndWaitForPageAsync(citizen, "Enter");
        await Expect(page.GetByTestId("esito-invio")).ToContainTextAsync("Fissa l'appuntamento per il primo colloquio con il Centro per l'Impiego di Ancona entro il");
        await Expect(page.GetByTestId("stato-did")).ToHaveTextAsync("Inviata");

        // The protocol number and the receipt come from the outbox within seconds.
        var print = page.GetByTestId("stampa");
        for (var attempt = 0; attempt < 30 && await print.CountAsync() == 0; attempt++)
        {
            await Task.Delay(1000);
            await citizen.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "Aggiorna la pagina", Exact = true }));
        }
        var protocollo = await page.GetByTestId("protocollo").InnerTextAsync();
        Assert.Matches(@"^[A-Z0-9]+-\d{4}-\d{7}$", protocollo);
        var download = await page.RunAndWaitForDownloadAsync(() => print.ClickAsync());
        var pdfPath = Path.Combine(TestPaths.Artifacts, "ricevuta-did.pdf");
        await download.SaveAsAsync(pdfPath);
        var text = await PdfToText.ReadFileAsync(pdfPath, collapseWhitespace: false);
        Assert.Contains(protocollo, text);
        Assert.Contains("FRRGRG75L12A271Y", text);

        // The CPI operator finds it, records the appointment, then the interview.
        await using var op = await portal.NewSessionAsync("did-operatore");
        var opPage = op.Page;
        await Walks.LoginAsync(op, "Marco Gallo", "OperatoreCpi");
        await op.GotoAsync("/cpi/did");
        await opPage.GetByLabel("Nome o codice fiscale").FillAsync("Ferri");
        await op.ClickAndWaitForPageAsync(opPage.GetByRole(AriaRole.Button, new() { Name = "Filtra", Exact = true }));
        await op.ClickAndWaitForPageAsync(opPage.GetByRole(AriaRole.Link, new() { Name = "Gestisci la D.I.D. di Ferri Giorgio", Exact = true }));
        var when = DateTime.Now.AddDays(2).ToString("dd/MM/yyyy") + " 10:30";
        await opPage.GetByLabel("Data e ora (gg/mm/aaaa hh:mm)").FillAsync(when);
        await opPage.GetByLabel("Luogo").FillAsync("Via Giannelli 36, Ancona");
        await op.ClickAndWaitForPageAsync(opPage.GetByRole(AriaRole.Button, new() { Name = "Registra l'appuntamento", Exact = true }));
        await Expect(opPage.GetByTestId("stato-did")).ToHaveTextAsync("Colloquio fissato");
        await Expect(opPage.GetByTestId("colloquio")).ToContainTextAsync("Via Giannelli 36, Ancona");
        await opPage.GetByText("Colloquio svolto: conferma la D.I.D.").ClickAsync();
        await op.ClickAndWaitForPageAsync(opPage.GetByRole(AriaRole.Button, new() { Name = "Registra l'esito", Exact = true }));
        await Expect(opPage.GetByTestId("stato-did")).ToHaveTextAsync("Confermata");

        // The person sees it confirmed and their new state.
        await citizen.GotoAsync("/did");
        await Expect(page.GetByTestId("stato-did").First).ToHaveTextAsync("Confermata");
        await Expect(page.GetByTestId("stato-occupazionale")).ToContainTextAsync("In stato di disoccupazione dal");
        await Expect(page.GetByTestId("nuova-did")).ToHaveCountAsync(0);
        citizen.AssertEveryPageChecked();
        op.AssertEveryPageChecked();
    }

    /// <summary>Presses a key that submits a form (the keyboard walk) and waits for the new page, which is checked like every other.</summary>
    private static async Task KeyAndWaitForPageAsync(BrowserSession s, string key)
    {
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnNavigated(object? sender, IFrame frame)
        {
            if (frame == s.Page.MainFrame) committed.TrySetResult();
        }
        s.Page.FrameNavigated += OnNavigated;
        try
        {
            await s.Page.Keyboard.PressAsync(key);
            await committed.Task.WaitAsync(TimeSpan.FromMilliseconds(PortalFixture.DefaultTimeoutMs));
        }
        finally
        {
            s.Page.FrameNavigated -= OnNavigated;
        }
        await s.Page.WaitForLoadStateAsync(LoadState.Load);
        await s.CheckPageAsync();
    }

}
