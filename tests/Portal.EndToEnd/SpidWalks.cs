using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd;

/// <summary>The SPID button of /accedi, as AgID's spid-sp-access-button: a button that opens the list of identity providers.</summary>
public static class SpidWalks
{
    /// <summary>On /accedi: presses "Entra con SPID" and checks the list it opens (providers and SPID's help links), with axe.</summary>
    public static async Task OpenProviderListAsync(BrowserSession s)
    {
        var main = s.Page.Locator("#main");
        var button = main.GetByRole(AriaRole.Button, new() { Name = "Entra con SPID", Exact = true });
        await Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
        await button.ClickAsync();
        await Expect(button).ToHaveAttributeAsync("aria-expanded", "true");
        var list = main.GetByTestId("elenco-gestori-spid").Locator(".dropdown-menu");
        await Expect(list).ToBeVisibleAsync();
        // The menu fades in: axe-core and the click wait for its transitions to end (mid-fade colours fail the contrast check).
        await list.EvaluateAsync("e => Promise.all(e.getAnimations({ subtree: true }).map(a => a.finished))");
        await Expect(list.GetByRole(AriaRole.Link, new() { Name = "Non hai SPID?", Exact = true })).ToBeVisibleAsync();
        await s.CheckPageAsync();
    }
}
