using System.Net;
using Portal.Testing;

namespace Portal.Core.Tests;

/// <summary>
/// Who reaches the admin pages. Refusals of every page and API operation to anonymous visitors and to each demo role
/// are the authorization matrix's (Portal.Security.Tests); these are the openings and the cases it does not cover
/// (a role the person does not hold, an editor acting as citizen).
/// </summary>
public class AuthorizationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly string[] AdminOnlyPages = ["/admin/utenti", "/admin/impostazioni", "/admin/ricette"];
    private static readonly string[] EditorPages = ["/admin", "/admin/contenuti"];

    [Fact]
    public async Task Editor_reaches_the_content_admin_pages()
    {
        var client = await portal.LoginAsync(Demo.Editor, "Editor");
        foreach (var page in EditorPages) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task Amministratore_reaches_every_admin_page()
    {
        var client = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        foreach (var page in AdminOnlyPages.Concat(EditorPages)) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task A_Funzionario_enters_the_admin_area_for_the_regional_pages()
    {
        var client = await portal.LoginAsync(Demo.Funzionario, "Funzionario");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task An_editor_acting_as_cittadino_has_no_admin_access()
    {
        var client = await portal.LoginAsync(Demo.Editor, "Cittadino");
        AssertForbidden(await client.GetAsync("/admin/contenuti"), "/admin/contenuti");
    }

    [Fact]
    public async Task A_role_the_person_does_not_hold_cannot_be_chosen()
    {
        var client = await portal.LoginAsync(Demo.Editor);
        var token = await PortalClient.TokenAsync(client, "/scelta-ruolo");
        var r = await client.PostAsync("/scelta-ruolo", PortalClient.Form(token, ("role", "Amministratore")));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("non è tra quelli che ti sono assegnati", await r.Content.ReadAsStringAsync());
        AssertForbidden(await client.GetAsync("/admin/utenti"), "/admin/utenti");
    }

    private static void AssertForbidden(HttpResponseMessage r, string page)
    {
        Assert.True(r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.Contains("/accesso-negato", StringComparison.Ordinal),
            $"{page}: atteso rinvio ad accesso negato, ottenuto {(int)r.StatusCode} {r.Headers.Location}");
    }
}
