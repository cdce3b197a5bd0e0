using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd;

/// <summary>Accreditation of a Comune operator, from the request to the approval and the message (seed 000).</summary>
[Collection(PortalCollection.Name)]
public class AccreditamentiTests(PortalFixture portal)
{
    [Fact]
    public async Task Una_persona_chiede_l_accreditamento_per_Jesi_l_amministratore_approva_e_lei_riceve_il_messaggio()
    {
        await using var person = await portal.NewSessionAsync("accreditamento-richiesta");
        var page = person.Page;
        await Walks.LoginAsync(person, "Anna Russo", "Cittadino");
        // First access: services open after the Anagrafica is saved (pre-filled from the registry).
        await person.GotoAsync("/anagrafica");
        await person.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Salva i dati", Exact = true }));
        await Expect(page.GetByTestId("esito-salvataggio")).ToContainTextAsync("Salvataggio avvenuto con successo.");

        await person.GotoAsync("/accreditamenti");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accreditamento/Delega", Level = 1 })).ToBeVisibleAsync();
        await page.Locator("#campo-Comuni").SelectOptionAsync("042021");
        await person.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Invia la richiesta", Exact = true }));
        await Expect(page.Locator("#main .alert-success")).ToContainTextAsync("Richiesta inviata");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Jesi" })).ToContainTextAsync("In attesa");

        await using var admin = await portal.NewSessionAsync("accreditamento-approvazione");
        await Walks.LoginAsync(admin, "Paolo Neri", "Amministratore");
        await admin.GotoAsync("/admin/accreditamenti?stato=InAttesa&cf=RSSNNA78D50E783P");
        await Expect(admin.Page.GetByRole(AriaRole.Heading, new() { Name = "Accreditamenti dei Comuni", Level = 1 })).ToBeVisibleAsync();
        await admin.ClickAndWaitForPageAsync(admin.Page.GetByRole(AriaRole.Link, new() { Name = "Esamina la richiesta di RSSNNA78D50E783P per 042021" }));
        await Expect(admin.Page.GetByRole(AriaRole.Heading, new() { Name = "Richiesta di accreditamento per il Comune di Jesi", Level = 1 })).ToBeVisibleAsync();
        await admin.Page.GetByLabel("Nota sull'approvazione").FillAsync("Delega del dirigente dei Servizi scolastici");
        await admin.ClickAndWaitForPageAsync(admin.Page.GetByRole(AriaRole.Button, new() { Name = "Approva la richiesta", Exact = true }));
        await Expect(admin.Page.Locator("#main")).ToContainTextAsync("Approvata");

        await person.GotoAsync("/area-personale/messaggi");
        await Expect(page.Locator("#main")).ToContainTextAsync("Accreditamento approvato per il Comune di Jesi");
        await person.GotoAsync("/accreditamenti");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Jesi" })).ToContainTextAsync("Approvata");
        person.AssertEveryPageChecked();
        admin.AssertEveryPageChecked();
    }
}
