using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Portal.Accreditamenti.Services;
using Portal.AuditTrail.Data;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Testing;

namespace Portal.Accreditamenti.Tests;

/// <summary>
/// The test host gives every request the client address named in the X-Test-Client header, standing in for the
/// TCP peer address a real server sees (the in-memory test server has none).
/// </summary>
public sealed class IntranetPortalFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, ClientAddressFilter>());
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers["X-Test-Client"].ToString(), out var ip)) context.Connection.RemoteIpAddress = ip;
                await nextMiddleware();
            });
            next(app);
        };
    }
}

public class IntranetRestrictionTests(IntranetPortalFactory portal) : IClassFixture<IntranetPortalFactory>
{
    private async Task SetNetworksAsync(params string[] ranges)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IModuleSettings>().SetAsync(IntranetNetworks.Key, string.Join(',', ranges), "test");
    }

    private async Task<HttpClient> FunzionarioFromAsync(string address)
    {
        var client = await portal.LoginAsync(Demo.Funzionario, PortalRoles.Funzionario);
        client.DefaultRequestHeaders.Add("X-Test-Client", address);
        return client;
    }

    [Fact]
    public async Task With_ranges_set_a_funzionario_outside_them_gets_403_with_an_italian_explanation_and_inside_them_works()
    {
        await SetNetworksAsync("10.20.0.0/16", "fd00:abcd::/32");
        try
        {
            var outside = await FunzionarioFromAsync("203.0.113.9");
            var api = await outside.GetAsync("/api/v1/sessione");
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
            var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Operazione non consentita", problem.GetProperty("title").GetString());
            Assert.Contains("rete intranet della Regione", problem.GetProperty("detail").GetString());
            var page = await outside.GetAsync("/anagrafica");
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
            var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
            Assert.Contains("Accesso consentito solo dalla intranet", html);
            Assert.Contains("rete intranet della Regione", html);
            // Changing role stays possible from anywhere.
            Assert.Equal(HttpStatusCode.OK, (await outside.GetAsync("/scelta-ruolo")).StatusCode);

            foreach (var inside in new[] { "10.20.3.4", "::ffff:10.20.3.4", "fd00:abcd::1" })
            {
                var client = await FunzionarioFromAsync(inside);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/sessione")).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/anagrafica")).StatusCode);
            }
            Assert.Equal(HttpStatusCode.Forbidden, (await (await FunzionarioFromAsync("fd00:abce::1")).GetAsync("/api/v1/sessione")).StatusCode);

            // Other roles are not restricted.
            var citizen = await portal.LoginAsync(Demo.Cittadino);
            citizen.DefaultRequestHeaders.Add("X-Test-Client", "203.0.113.9");
            Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync("/api/v1/sessione")).StatusCode);
        }
        finally
        {
            await SetNetworksAsync();
        }
    }

    [Fact]
    public async Task Without_ranges_the_funzionario_works_from_anywhere()
    {
        var client = await FunzionarioFromAsync("198.51.100.7");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/sessione")).StatusCode);
    }

    [Fact]
    public async Task The_intranet_page_validates_the_ranges_next_to_the_field_saves_them_and_audits_the_change()
    {
        var admin = await portal.LoginAsync(Demo.Amministratore, PortalRoles.Amministratore);
        var page = await admin.GetStringAsync("/admin/intranet");
        Assert.Contains("id=\"campo-Reti\"", page);
        var bad = await admin.PostFormAsync("/admin/intranet", null, ("Reti", "10.0.0.0/8, 300.1.1.1/8"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Equal("Intervallo di indirizzi «300.1.1.1/8» non valido: usare la notazione CIDR, ad esempio 10.0.0.0/8 o fd00::/8.",
            TestPeople.FieldError(await bad.Content.ReadAsStringAsync(), "Reti"));
        Assert.Empty(await StoredAsync());

        // A unique range names this very change in the register.
        var (a, b) = (Random.Shared.Next(0, 255), Random.Shared.Next(0, 255));
        var unique = $"10.{a}.{b}.0/24";
        var saved = await admin.PostFormAsync("/admin/intranet", null, ("Reti", $"{unique}\n2001:db8::/32"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        try
        {
            Assert.Equal([unique, "2001:db8::/32"], await StoredAsync());
            Assert.Contains($"{unique}, 2001:db8::/32", WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/intranet?salvato=true")));
            var audit = Assert.Single(await portal.InScopeAsync(sp => sp.GetRequiredService<AuditTrailDbContext>().Audit.AsNoTracking()
                .Where(a => a.Action == "Intranet.Reti" && a.Details!.Contains(unique)).ToListAsync()));
            Assert.Equal(PortalRoles.Amministratore, audit.ActorRole);

            // Only the settings' managers edit them: a Funzionario inside the intranet is sent to "accesso negato" for this page alone.
            var funzionario = await FunzionarioFromAsync($"10.{a}.{b}.5");
            Assert.Equal(HttpStatusCode.OK, (await funzionario.GetAsync("/api/v1/sessione")).StatusCode);
            var refused = await funzionario.GetAsync("/admin/intranet");
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/accesso-negato", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        finally
        {
            await SetNetworksAsync();
        }
    }

    private Task<IReadOnlyList<string>> StoredAsync() => portal.InScopeAsync(sp => sp.GetRequiredService<IntranetNetworks>().GetAsync());

    [Theory]
    [InlineData("10.1.2.3", true)]
    [InlineData("11.1.2.3", false)]
    [InlineData("::ffff:10.9.9.9", true)]
    [InlineData("2001:db8::5", true)]
    [InlineData("2001:db9::5", false)]
    public void Ranges_match_ipv4_ipv6_and_mapped_addresses(string address, bool inside) =>
        Assert.Equal(inside, NetworkRanges.Contains(["10.0.0.0/8", "2001:db8::/32"], IPAddress.Parse(address)));
}
