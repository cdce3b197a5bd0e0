using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Security;
using Portal.Monitoraggio.Data;
using static Portal.Monitoraggio.Tests.Feeds;
using static Portal.Monitoraggio.Tests.MonitoraggioTestHelpers;

namespace Portal.Monitoraggio.Tests;

/// <summary>The Amministratore's page of the API credentials, with its buttons pressed: Rilascia (good and bad input) and Revoca.</summary>
public partial class CredenzialiPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Page = "/admin/monitoraggio/credenziali";

    [GeneratedRegex("type=\"text\" id=\"token\" class=\"form-control font-monospace\" readonly value=\"(mon_[^\"]+)\"")]
    private static partial Regex TokenField();

    [Fact]
    public async Task The_administrator_issues_a_credential_on_the_page_sees_the_token_once_and_revokes_it()
    {
        var admin = await portal.LoginAsync(Demo.Amministratore, PortalRoles.Amministratore);
        var label = "Pagina " + Unique();
        var token = await PortalClient.TokenAsync(admin, Page);
        var issued = await admin.PostAsync($"{Page}?handler=Rilascia", PortalClient.Form(token, ("Ente", AltroEnte), ("Etichetta", label)));
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Contains("no-store", issued.Headers.CacheControl?.ToString());
        var html = await issued.Content.ReadAsStringAsync();
        var secret = TokenField().Match(html).Groups[1].Value;
        Assert.StartsWith("mon_", secret);
        Assert.Contains("mostrato solo ora", html);

        // The list shows the credential but never the token again.
        var list = await admin.GetStringAsync(Page);
        Assert.Contains(label, list);
        Assert.DoesNotContain(secret, list);
        var bearer = portal.Anonymous();
        bearer.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync(Flussi)).StatusCode);

        var id = await portal.InScopeAsync(sp => sp.GetRequiredService<MonitoraggioDbContext>().Credenziali.Where(c => c.Etichetta == label).Select(c => c.Id).SingleAsync());
        token = await PortalClient.TokenAsync(admin, Page);
        var revoked = await admin.PostAsync($"{Page}?handler=Revoca&id={id}", PortalClient.Form(token));
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var after = await admin.GetStringAsync(Page);
        Assert.Contains($"Credenziale «{label}» dell'ente {AltroEnte} revocata", WebUtility.HtmlDecode(after));
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync(Flussi)).StatusCode);

        // Pressing Revoca again (a stale page) says so instead of failing.
        token = await PortalClient.TokenAsync(admin, Page);
        await admin.PostAsync($"{Page}?handler=Revoca&id={id}", PortalClient.Form(token));
        Assert.Contains("è già stata revocata", WebUtility.HtmlDecode(await admin.GetStringAsync(Page)));
    }

    [Fact]
    public async Task Bad_input_on_the_page_is_explained_next_to_each_field_and_nothing_is_issued()
    {
        var admin = await portal.LoginAsync(Demo.Amministratore, PortalRoles.Amministratore);
        var before = await portal.InScopeAsync(sp => sp.GetRequiredService<MonitoraggioDbContext>().Credenziali.CountAsync());
        var token = await PortalClient.TokenAsync(admin, Page);
        var response = await admin.PostAsync($"{Page}?handler=Rilascia", PortalClient.Form(token, ("Ente", ""), ("Etichetta", "")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"ente-errore\"", html);
        Assert.Contains("Scegliere l'ente gestore", html);
        Assert.Contains("id=\"etichetta-errore\"", html);
        Assert.DoesNotContain("data-testid=\"token-rilasciato\"", html);
        Assert.Equal(before, await portal.InScopeAsync(sp => sp.GetRequiredService<MonitoraggioDbContext>().Credenziali.CountAsync()));
    }

    [Fact]
    public async Task The_page_is_the_administrators_only()
    {
        foreach (var (cf, role) in new[] { (Demo.OperatoreEnte, PortalRoles.OperatoreEnte), (Demo.Funzionario, PortalRoles.Funzionario) })
        {
            var client = await portal.LoginAsync(cf, role);
            var response = await client.GetAsync(Page);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("/accesso-negato?") == true, $"{role}: {response.StatusCode} {response.Headers.Location}");
        }
    }
}
