using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd;

/// <summary>Steps several walks share.</summary>
public static class Walks
{
    public const string EditorName = "Giulia Verdi";

    /// <summary>Accedi → Accesso di prova → the person's row → (role choice) → the role's button.</summary>
    public static async Task LoginAsync(BrowserSession s, string fullName, string role)
    {
        var page = s.Page;
        await s.GotoAsync("/accedi");
        await s.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "Accesso di prova", Exact = true }));
        await Expect(page).ToHaveURLAsync(new Regex("/accesso-di-prova"));
        await s.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = $"Entra come {fullName}", Exact = true }));
        await Expect(page).ToHaveURLAsync(new Regex("/scelta-ruolo"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Scelta del ruolo", Level = 1 })).ToBeVisibleAsync();
        await s.ClickAndWaitForPageAsync(page.GetByTestId($"ruolo-{role}"));
        await Expect(page).Not.ToHaveURLAsync(new Regex("/scelta-ruolo"));
        await Expect(page.GetByTestId("ruolo-attivo")).ToBeVisibleAsync();
    }
}
