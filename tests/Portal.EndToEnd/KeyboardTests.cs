using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd;

/// <summary>Keyboard use of the public layout.</summary>
[Collection(PortalCollection.Name)]
public sealed class KeyboardTests(PortalFixture portal)
{
    [Fact]
    public async Task Il_primo_Tab_della_home_e_il_link_al_contenuto_che_porta_il_focus_su_main()
    {
        await using var s = await portal.NewSessionAsync("tastiera");
        var page = s.Page;
        await s.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Vai al contenuto principale", Exact = true });
        await Expect(skip).ToBeFocusedAsync();
        // Shown when focused (not only to screen readers): a real box inside the viewport.
        await Expect(skip).ToBeInViewportAsync();
        var box = await skip.BoundingBoxAsync();
        Assert.True(box is { Width: > 10, Height: > 10 }, $"Il link al contenuto non si vede quando ha il focus: {box?.Width}x{box?.Height}");
        Assert.Equal("#main", await skip.GetAttributeAsync("href"));

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#main")).ToBeFocusedAsync();

        s.AssertEveryPageChecked();
    }
}
