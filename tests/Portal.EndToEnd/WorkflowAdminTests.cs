using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd;

/// <summary>An Amministratore looks at the demo workflow's diagram, changes a timer duration and finds the change in the version history.</summary>
[Collection(PortalCollection.Name)]
public sealed class WorkflowAdminTests(PortalFixture portal)
{
    [Fact]
    public async Task Amministratore_apre_il_diagramma_cambia_la_durata_di_una_scadenza_e_la_ritrova_nella_storia_delle_versioni()
    {
        await using var admin = await portal.NewSessionAsync("amministratore-flussi");
        var page = admin.Page;
        await Walks.LoginAsync(admin, "Paolo Neri", "Amministratore");

        await admin.GotoAsync("/admin/flussi");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Flussi di lavoro");
        await admin.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "Richiesta di prova", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Richiesta di prova");

        // The diagram: one box per state with its live count, arrows labelled with the transitions.
        var diagram = page.GetByRole(AriaRole.Group, new() { Name = "Diagramma degli stati" });
        var drafts = diagram.GetByRole(AriaRole.Link, new() { Name = "Bozza 2 pratiche, stato iniziale", Exact = true });
        await Expect(drafts).ToBeVisibleAsync();
        await Expect(diagram.GetByRole(AriaRole.Link, new() { Name = "In attesa di integrazione 0 pratiche", Exact = true })).ToBeVisibleAsync();
        await Expect(diagram.Locator("svg")).ToContainTextAsync("Archivia per decorrenza dei termini (dopo 10 giorni)");

        // Keyboard: a state is reached with the keyboard and Enter lists its instances.
        await drafts.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("stato=bozza"));
        await admin.CheckPageAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pratiche nello stato «Bozza»" })).ToBeVisibleAsync();

        // Change the timer: 10 → 12 days.
        await admin.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "Modifica", Exact = true }));
        var days = page.Locator("#campo-Input-Timers-0-Days");
        await Expect(days).ToHaveValueAsync("10");
        await days.FillAsync("12");
        await admin.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Salva una nuova versione", Exact = true }));

        await Expect(page).ToHaveURLAsync(new Regex("/admin/flussi/richiesta-di-prova/versioni$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Salvata la versione 2");
        var versions = page.GetByRole(AriaRole.Table);
        await Expect(versions).ToContainTextAsync("Timer dello stato «integrazione» («archivia»): dopo 10 giorni → dopo 12 giorni.");

        // The diagram shows the new duration.
        await admin.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "Richiesta di prova", Exact = true }));
        await Expect(diagram.Locator("svg")).ToContainTextAsync("(dopo 12 giorni)");

        admin.AssertEveryPageChecked();
    }
}
