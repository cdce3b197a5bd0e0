using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Testing;

namespace Portal.Core.Tests;

/// <summary>A session has a server-side identity: logging out, the timeouts and an administrator end it everywhere.</summary>
public class SessionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Profile = "/api/v1/profilo";

    [Fact]
    public async Task A_cookie_replayed_after_logout_is_no_longer_a_session()
    {
        var cookies = new CookieContainer();
        var (client, sessionId) = await LoginWithSessionAsync(Demo.Cittadino, portal.Anonymous(cookies));
        var cookie = cookies.GetCookieHeader(client.BaseAddress!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Profile)).StatusCode);
        var token = await PortalClient.TokenAsync(client, "/");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/esci", PortalClient.Form(token))).StatusCode);

        var replay = portal.Anonymous();
        replay.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync(Profile)).StatusCode);
        var row = await portal.InScopeAsync(sp => sp.GetRequiredService<CoreDbContext>().Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId));
        Assert.Equal("uscita", row.EndReason);
    }

    [Theory]
    [InlineData(nameof(SessionRecord.LastSeenUtc), 31, "inattività")]
    [InlineData(nameof(SessionRecord.CreatedUtc), 9 * 60, "durata massima")]
    public async Task The_server_ends_a_session_idle_or_too_long_even_if_the_cookie_is_still_valid(string column, int minutesAgo, string reason)
    {
        var (client, sessionId) = await LoginWithSessionAsync(Demo.Cittadino, portal.Anonymous());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Profile)).StatusCode);
        var past = portal.Clock.GetUtcNow().UtcDateTime.AddMinutes(-minutesAgo);
        await portal.InScopeAsync(sp => column == nameof(SessionRecord.LastSeenUtc)
            ? sp.GetRequiredService<CoreDbContext>().Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenUtc, past))
            : sp.GetRequiredService<CoreDbContext>().Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(u => u.SetProperty(s => s.CreatedUtc, past)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Profile)).StatusCode);
        var row = await portal.InScopeAsync(sp => sp.GetRequiredService<CoreDbContext>().Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId));
        Assert.Equal(reason, row.EndReason);
    }

    [Fact]
    public async Task An_administrator_ends_every_session_of_a_person_from_the_users_page()
    {
        var phone = await portal.LoginAsync(Demo.OperatoreCpi);
        var laptop = await portal.LoginAsync(Demo.OperatoreCpi);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync(Profile)).StatusCode);
        var personId = await portal.InScopeAsync(sp => sp.GetRequiredService<CoreDbContext>().Persons
            .Where(p => p.CodiceFiscale == Demo.OperatoreCpi).Select(p => p.Id).SingleAsync());

        var admin = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var page = await admin.GetStringAsync($"/admin/utenti?q={Demo.OperatoreCpi}");
        Assert.Contains("Termina le 2 sessioni", page, StringComparison.Ordinal);
        var auditBefore = await portal.InScopeAsync(sp => sp.GetRequiredService<Portal.AuditTrail.Data.AuditTrailDbContext>().Audit.MaxAsync(a => (long?)a.Id)) ?? 0;
        var token = await PortalClient.TokenAsync(admin, $"/admin/utenti?q={Demo.OperatoreCpi}");
        var posted = await admin.PostAsync($"/admin/utenti?handler=TerminaSessioni&q={Demo.OperatoreCpi}",
            PortalClient.Form(token, ("personId", personId.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("Terminate 2 sessioni aperte", await admin.GetStringAsync(posted.Headers.Location!.OriginalString), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync(Profile)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetAsync(Profile)).StatusCode);
        var entry = await portal.InScopeAsync(sp => sp.GetRequiredService<Portal.AuditTrail.Data.AuditTrailDbContext>().Audit.AsNoTracking()
            .SingleAsync(a => a.Id > auditBefore && a.Action == "Sessioni.Terminate"));
        Assert.Equal($"Persona {Demo.OperatoreCpi}", entry.Subject);
        Assert.Contains("2 sessioni", entry.Details, StringComparison.Ordinal);
        // The administrator's own session is untouched.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/utenti")).StatusCode);
    }

    [Fact]
    public async Task The_users_page_refuses_ending_sessions_without_the_permission()
    {
        var citizen = await portal.LoginAsync(Demo.Cittadino);
        var personId = await portal.InScopeAsync(sp => sp.GetRequiredService<CoreDbContext>().Persons
            .Where(p => p.CodiceFiscale == Demo.Cittadino).Select(p => p.Id).SingleAsync());
        var editor = await portal.LoginAsync(Demo.Editor, "Editor");
        // A valid token (from a page the Editor may open): only the missing permission can refuse the request.
        var token = await PortalClient.TokenAsync(editor, "/admin/contenuti");
        var response = await editor.PostAsync("/admin/utenti?handler=TerminaSessioni", PortalClient.Form(token, ("personId", personId.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/accesso-negato", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync(Profile)).StatusCode);
    }

    /// <summary>Logs in and returns the session row this very login created (other tests' sessions of the same person stay apart).</summary>
    private async Task<(HttpClient Client, Guid SessionId)> LoginWithSessionAsync(string codiceFiscale, HttpClient client)
    {
        var before = await OpenSessionsAsync(codiceFiscale);
        await portal.LoginAsync(client, codiceFiscale);
        var created = (await OpenSessionsAsync(codiceFiscale)).Except(before).ToList();
        return (client, Assert.Single(created));
    }

    private Task<List<Guid>> OpenSessionsAsync(string codiceFiscale) => portal.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<CoreDbContext>();
        var personId = await db.Persons.Where(p => p.CodiceFiscale == codiceFiscale).Select(p => p.Id).SingleAsync();
        return await db.Sessions.AsNoTracking().Where(s => s.PersonId == personId && s.EndedUtc == null).Select(s => s.Id).ToListAsync();
    });
}
