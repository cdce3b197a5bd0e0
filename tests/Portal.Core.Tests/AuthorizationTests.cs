using System.Net;
using Portal.Testing;

namespace Portal.Core.Tests;

/// <summary>Who may open the admin pages: one test per role, and anonymous visitors.</summary>
public class AuthorizationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly string[] AdminOnlyPages = ["/admin/utenti", "/admin/impostazioni", "/admin/ricette"];
    private static readonly string[] EditorPages = ["/admin", "/admin/contenuti"];

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page_from_every_admin_page()
    {
        var client = portal.Anonymous();
        foreach (var page in AdminOnlyPages.Concat(EditorPages))
        {
            var r = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.StartsWith("/accedi", r.Headers.Location!.OriginalString.Replace("http://localhost", ""));
        }
    }

    [Fact]
    public async Task Editor_reaches_content_admin_but_not_amministratore_pages()
    {
        var client = await portal.LoginAsync(Demo.Editor, "Editor");
        foreach (var page in EditorPages) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
        foreach (var page in AdminOnlyPages) AssertForbidden(await client.GetAsync(page), page);
    }

    [Fact]
    public async Task Amministratore_reaches_every_admin_page()
    {
        var client = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        foreach (var page in AdminOnlyPages.Concat(EditorPages)) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
    }

    [Theory]
    [InlineData(Demo.Cittadino, null)]
    [InlineData(Demo.OperatoreAncona, "OperatoreComune")]
    [InlineData(Demo.OperatoreCpi, "OperatoreCpi")]
    [InlineData(Demo.OperatoreEnte, "OperatoreEnte")]
    public async Task Other_roles_get_no_admin_page(string cf, string? role)
    {
        var client = await portal.LoginAsync(cf, role);
        foreach (var page in AdminOnlyPages.Concat(EditorPages)) AssertForbidden(await client.GetAsync(page), page);
    }

    [Fact]
    public async Task A_Funzionario_enters_the_admin_area_for_the_regional_pages_but_reaches_no_editor_or_amministratore_page()
    {
        var client = await portal.LoginAsync(Demo.Funzionario, "Funzionario");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
        foreach (var page in AdminOnlyPages.Concat(EditorPages).Where(p => p != "/admin")) AssertForbidden(await client.GetAsync(page), page);
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
