using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.AuditTrail.Data;
using Portal.Core.Security;
using Portal.Monitoraggio.Data;
using static Portal.Monitoraggio.Tests.Feeds;
using static Portal.Monitoraggio.Tests.MonitoraggioTestHelpers;

namespace Portal.Monitoraggio.Tests;

/// <summary>
/// Per-ente API credentials (scope 6): the Amministratore issues and revokes them; the management system sends
/// "Authorization: Bearer …" on the flussi endpoints only, and a token of one ente never reaches another's feeds.
/// </summary>
public class CredenzialiApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Credenziali = "/api/v1/monitoraggio/credenziali";

    private async Task<(Guid Id, string Token)> IssueAsync(string ente, string? label = null)
    {
        var admin = await portal.LoginAsync(Demo.Amministratore, PortalRoles.Amministratore);
        var response = await admin.PostAsJsonAsync(Credenziali, new { ente, etichetta = label ?? "Gestionale " + Unique() });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("credenziale").GetProperty("id").GetGuid(), body.GetProperty("token").GetString()!);
    }

    private HttpClient Bearer(string token)
    {
        var client = portal.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private Task<List<Portal.AuditTrail.Model.AuditEntry>> AuditAsync(string action, Guid credenziale) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<AuditTrailDbContext>().Audit.AsNoTracking()
            .Where(a => a.Action == action && a.Subject == $"Credenziale {credenziale}").ToListAsync());

    [Fact]
    public async Task The_administrator_issues_a_token_shown_once_and_stored_hashed_and_audited()
    {
        var label = "Gestionale " + Unique();
        var (id, token) = await IssueAsync(Ente, label);
        Assert.StartsWith("mon_", token);
        Assert.True(token.Length >= 40, token);

        var stored = await portal.InScopeAsync(sp => sp.GetRequiredService<MonitoraggioDbContext>().Credenziali.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)), stored.TokenHash);
        Assert.Equal((Ente, label, token[..12]), (stored.EnteCode, stored.Etichetta, stored.Prefisso));
        Assert.Null(stored.LastUsedUtc);

        var admin = await portal.LoginAsync(Demo.Amministratore, PortalRoles.Amministratore);
        var list = await admin.GetStringAsync($"{Credenziali}?ente={Ente}");
        Assert.Contains(label, list);
        Assert.DoesNotContain(token, list);
        Assert.DoesNotContain(token[12..], list);
        var audit = Assert.Single(await AuditAsync("Monitoraggio.Credenziale.Rilascio", id));
        Assert.Contains(label, audit.Details);
        Assert.DoesNotContain(token, audit.Details);
    }

    [Fact]
    public async Task Bad_requests_for_a_credential_get_Italian_messages_and_write_nothing()
    {
        var admin = await portal.LoginAsync(Demo.Amministratore, PortalRoles.Amministratore);
        var before = await portal.InScopeAsync(sp => sp.GetRequiredService<MonitoraggioDbContext>().Credenziali.CountAsync());
        foreach (var (body, field) in new (object Body, string Field)[]
                 {
                     (new { ente = "", etichetta = "X" }, "ente"),
                     (new { ente = "NON-ESISTE", etichetta = "X" }, "ente"),
                     (new { ente = Ente, etichetta = "" }, "etichetta"),
                     (new { ente = Ente, etichetta = new string('a', 101) }, "etichetta"),
                 })
        {
            var response = await admin.PostAsJsonAsync(Credenziali, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
            Assert.Matches("[àèéìòù]|Scegliere|Indicare|esiste|caratteri", messages[0].GetString()!);
        }
        var label = "Doppia " + Unique();
        await IssueAsync(Ente, label);
        var twice = await admin.PostAsJsonAsync(Credenziali, new { ente = Ente, etichetta = label });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("già una credenziale attiva", await twice.Content.ReadAsStringAsync());
        Assert.Equal(before + 1, await portal.InScopeAsync(sp => sp.GetRequiredService<MonitoraggioDbContext>().Credenziali.CountAsync()));
    }

    [Fact]
    public async Task Only_the_administrator_manages_credentials()
    {
        foreach (var (cf, role) in new[] { (Demo.OperatoreEnte, PortalRoles.OperatoreEnte), (Demo.Funzionario, PortalRoles.Funzionario) })
        {
            var client = await portal.LoginAsync(cf, role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync(Credenziali, new { ente = Ente, etichetta = "Mia" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Credenziali)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.Anonymous().GetAsync(Credenziali)).StatusCode);
        // A token is no key to the administration of tokens.
        var (_, token) = await IssueAsync(Ente);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(token).PostAsJsonAsync(Credenziali, new { ente = Ente, etichetta = "Da token" })).StatusCode);
    }

    [Fact]
    public async Task A_token_uploads_for_its_ente_as_the_API_client_and_stamps_its_last_use()
    {
        var (id, token) = await IssueAsync(Ente, "Gestionale Alfa " + Unique());
        var client = Bearer(token);
        var p = Unique();
        var sent = await client.SendAsync(Clean(3, portal.Yesterday(), prefix: p), "da-gestionale.txt");
        Assert.StartsWith("API: Gestionale Alfa", sent.GetProperty("operatore").GetString());
        Assert.Equal("api", sent.GetProperty("canale").GetString());
        var flusso = await portal.ProcessedAsync(client, sent.Id());
        Assert.Equal("Applicato", flusso.Stato());
        Assert.NotNull(await portal.PraticaAsync(Ente, p + "3"));

        var history = await client.GetFromJsonAsync<JsonElement>(Flussi);
        Assert.Contains(history.EnumerateArray(), f => f.Id() == sent.Id() && f.GetProperty("operatore").GetString()!.StartsWith("API: "));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{Flussi}/{sent.Id()}/errori")).StatusCode);
        var stored = await portal.InScopeAsync(sp => sp.GetRequiredService<MonitoraggioDbContext>().Credenziali.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.NotNull(stored.LastUsedUtc);

        // The operator of the ente sees the upload in the history page with the API client as sender.
        var operatore = await portal.OperatoreEnteAsync();
        var page = await operatore.GetStringAsync("/monitoraggio/flussi");
        Assert.Contains(stored.Etichetta, page);
    }

    [Fact]
    public async Task A_token_of_one_ente_never_reads_or_writes_another_entes_feeds()
    {
        var (_, tokenA) = await IssueAsync(Ente);
        var (_, tokenB) = await IssueAsync(AltroEnte);
        var a = Bearer(tokenA);
        var b = Bearer(tokenB);
        var rif = portal.Yesterday();
        var p = Unique();
        // A feed of ente A with a warning, so it waits for confirmation or cancellation.
        var over = Fields(p + "2", rif).With(Validation.FeedFormat.ImportoDeliberato, "16000,00").With(Validation.FeedFormat.ImportoErogato, "15000,00");
        var sent = await a.SendAsync(Bytes([Fields(p + "1", rif), over]));
        Assert.Equal("ConAvvisi", (await portal.ProcessedAsync(a, sent.Id())).Stato());
        var before = await portal.CountsAsync(Ente);

        foreach (var url in new[] { $"{Flussi}/{sent.Id()}", $"{Flussi}/{sent.Id()}/errori", $"{Flussi}/{sent.Id()}/errori?formato=xlsx" })
        {
            var response = await b.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(p, await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostAsync($"{Flussi}/{sent.Id()}/conferma", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostAsync($"{Flussi}/{sent.Id()}/annulla", null)).StatusCode);
        Assert.DoesNotContain(sent.Id().ToString(), await b.GetStringAsync(Flussi));
        var otherHistory = await b.GetAsync($"{Flussi}?ente={Ente}");
        Assert.Equal(HttpStatusCode.NotFound, otherHistory.StatusCode);
        Assert.Equal("ConAvvisi", (await a.GetFromJsonAsync<JsonElement>($"{Flussi}/{sent.Id()}")).Stato());

        // Upload on behalf of ente A: refused at once; a file written for ente A is refused line by line.
        var asked = await b.PostAsync($"{Flussi}?ente={Ente}", Octets(Clean(1, rif, prefix: Unique())));
        Assert.Equal(HttpStatusCode.Forbidden, asked.StatusCode);
        Assert.Contains("Non si è operatori abilitati", await asked.Content.ReadAsStringAsync());
        var foreign = await b.SendAsync(Clean(2, rif, ente: Ente, prefix: Unique()));
        Assert.Equal(AltroEnte, foreign.GetProperty("ente").GetString());
        var refused = await portal.ProcessedAsync(b, foreign.Id());
        Assert.Equal("Respinto", refused.Stato());
        Assert.Equal(before, await portal.CountsAsync(Ente));

        // Ente A's own token decides its feed.
        Assert.Equal(HttpStatusCode.OK, (await a.PostAsync($"{Flussi}/{sent.Id()}/annulla", null)).StatusCode);
        Assert.Equal("Annullato", (await a.GetFromJsonAsync<JsonElement>($"{Flussi}/{sent.Id()}")).Stato());
    }

    [Fact]
    public async Task A_revoked_or_unknown_token_gets_401_in_Italian_and_the_refusal_is_audited()
    {
        var (id, token) = await IssueAsync(Ente);
        var client = Bearer(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Flussi)).StatusCode);

        var admin = await portal.LoginAsync(Demo.Amministratore, PortalRoles.Amministratore);
        var revoked = await admin.PostAsync($"{Credenziali}/{id}/revoca", null);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Single(await AuditAsync("Monitoraggio.Credenziale.Revoca", id));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"{Credenziali}/{id}/revoca", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"{Credenziali}/{Guid.NewGuid()}/revoca", null)).StatusCode);

        var before = await portal.InScopeAsync(sp => sp.GetRequiredService<MonitoraggioDbContext>().Flussi.CountAsync());
        foreach (var response in new[] { await client.GetAsync(Flussi), await client.PostAsync(Flussi, Octets(Clean(1, portal.Yesterday(), prefix: Unique()))) })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Accesso richiesto", problem.GetProperty("title").GetString());
            Assert.Contains("è stata revocata", problem.GetProperty("detail").GetString());
            Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
        }
        Assert.Equal(before, await portal.InScopeAsync(sp => sp.GetRequiredService<MonitoraggioDbContext>().Flussi.CountAsync()));
        Assert.Equal(2, (await AuditAsync("Monitoraggio.Credenziale.Rifiuto", id)).Count);

        var unknown = await Bearer("mon_" + new string('x', 43)).GetAsync(Flussi);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Contains("non riconosciuta", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var malformed = await Bearer("abc").GetAsync(Flussi);
        Assert.Equal(HttpStatusCode.Unauthorized, malformed.StatusCode);
        Assert.Contains("non valida", await malformed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_token_reaches_only_the_flussi_endpoints()
    {
        var (_, token) = await IssueAsync(Ente);
        var client = Bearer(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Flussi)).StatusCode);
        // Reports, other modules' APIs and the pages read the session alone: the token counts for nothing there.
        foreach (var url in new[] { "/api/v1/monitoraggio/report/totali", "/api/v1/messaggi", "/api/v1/profilo", "/api/v1/monitoraggio/credenziali" })
            Assert.Equal((url, HttpStatusCode.Unauthorized), (url, (await client.GetAsync(url)).StatusCode));
        foreach (var page in new[] { "/monitoraggio/flussi", "/admin/monitoraggio", "/admin/monitoraggio/credenziali", "/area-personale" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var location = response.Headers.Location!;
            Assert.StartsWith("/accedi", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString);
        }
    }
}
