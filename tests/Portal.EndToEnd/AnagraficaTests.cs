using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd;

/// <summary>First access of a citizen: the pre-filled Anagrafica, a correction, the save, the Area personale.</summary>
[Collection(PortalCollection.Name)]
public sealed class AnagraficaTests(PortalFixture portal)
{
    [Fact]
    public async Task Il_cittadino_al_primo_accesso_corregge_e_salva_l_anagrafica_e_raggiunge_l_area_personale()
    {
        await using var citizen = await portal.NewSessionAsync("cittadino");
        var page = citizen.Page;
        await citizen.GotoAsync("/accedi");
        await citizen.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "Accesso di prova", Exact = true }));
        await citizen.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Entra come Mario Rossi", Exact = true }));

        // Lands on the form, pre-filled from the registry; the codice fiscale fields are read-only.
        await Expect(page).ToHaveURLAsync(new Regex("/anagrafica$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Anagrafica", Level = 1 })).ToBeVisibleAsync();
        var cognome = page.GetByLabel("Cognome", new() { Exact = true });
        await Expect(cognome).ToHaveValueAsync("Rossi");
        await Expect(cognome).Not.ToBeEditableAsync();
        await Expect(page.GetByLabel("Codice fiscale", new() { Exact = true })).ToHaveValueAsync("RSSMRA80A01H501U");
        await Expect(page.GetByLabel("Data di nascita", new() { Exact = true })).ToHaveValueAsync("01/01/1980");
        await Expect(page.GetByLabel("Luogo di nascita", new() { Exact = true })).ToHaveValueAsync("Roma (RM)");
        await Expect(page.GetByLabel("Luogo di nascita", new() { Exact = true })).Not.ToBeEditableAsync();
        await Expect(page.GetByLabel("Comune *", new() { Exact = true })).ToHaveValueAsync("Ancona (AN)");
        // "Domicilio uguale alla residenza" hides the domicile fields.
        await Expect(page.GetByTestId("domicilio-campi")).ToBeHiddenAsync();

        // A wrong CAP: the message is shown in red next to the field and nothing is saved.
        var cap = page.GetByLabel("CAP *", new() { Exact = true });
        await cap.FillAsync("6012");
        await citizen.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Salva i dati", Exact = true }));
        await Expect(page.Locator("#campo-ResidenzaCap-errore")).ToHaveTextAsync("Il CAP deve essere di 5 cifre.");
        await Expect(cap).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByTestId("errore-salvataggio")).ToContainTextAsync("Il salvataggio non è avvenuto");

        // Corrected, saved.
        await cap.FillAsync("60121");
        await citizen.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Salva i dati", Exact = true }));
        await Expect(page.GetByTestId("esito-salvataggio")).ToContainTextAsync("Salvataggio avvenuto con successo.");

        await citizen.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "Vai all'Area personale", Exact = true }));
        await Expect(page).ToHaveURLAsync(new Regex("/area-personale$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Area personale", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("stato-anagrafica")).ToContainTextAsync("Anagrafica salvata");
        await Expect(page.GetByTestId("servizi").GetByRole(AriaRole.Link, new() { Name = "Avvisi", Exact = true })).ToBeVisibleAsync();
        citizen.AssertEveryPageChecked();
    }
}
