using Portal.AuditTrail.Model;
using System.Net;
using Portal.AuditTrail.Data;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Accreditamenti.Data;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Core.Validation;
using Portal.Testing;

namespace Portal.Accreditamenti.Tests;

/// <summary>Fresh people for each test (so tests sharing a portal do not see each other's requests) and database look-ups.</summary>
internal static partial class TestPeople
{
    /// <summary>A random valid codice fiscale (born 01/01/1980 in Roma).</summary>
    public static string NewCodiceFiscale()
    {
        var letters = string.Concat(Enumerable.Range(0, 6).Select(_ => (char)('A' + Random.Shared.Next(26))));
        var first15 = letters + "80A01H501";
        return first15 + CodiceFiscale.CheckCharacter(first15);
    }

    /// <summary>A demo person (usable with the development login) holding only the Cittadino role.</summary>
    public static async Task<(Guid Id, string Cf)> NewPersonAsync(this PortalFactory portal, string nome = "Prova", string cognome = "Persona")
    {
        var cf = NewCodiceFiscale();
        await using var scope = portal.Services.CreateAsyncScope();
        var core = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        var person = new Person { CodiceFiscale = cf, Nome = nome, Cognome = cognome, Email = $"{cf.ToLowerInvariant()}@example.org", IsDemo = true, CreatedUtc = DateTime.UtcNow };
        core.Persons.Add(person);
        await core.SaveChangesAsync();
        return (person.Id, cf);
    }

    public static async Task<T> WithCoreAsync<T>(this PortalFactory portal, Func<CoreDbContext, Task<T>> query)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CoreDbContext>());
    }

    public static async Task<T> WithDbAsync<T>(this PortalFactory portal, Func<AccreditamentiDbContext, Task<T>> query)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AccreditamentiDbContext>());
    }

    public static async Task<IReadOnlyList<RoleChoice>> RoleChoicesAsync(this PortalFactory portal, Guid personId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IPortalSession>().GetRoleChoicesAsync(personId);
    }

    public static Task<List<AuditEntry>> AuditAsync(this PortalFactory portal, string action, string subjectContains) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<AuditTrailDbContext>().Audit.AsNoTracking().Where(a => a.Action == action && a.Subject!.Contains(subjectContains)).ToListAsync());

    /// <summary>The Italian message shown next to a field of the module's forms.</summary>
    public static string? FieldError(string html, string field)
    {
        var m = Regex.Match(html, $"id=\"campo-{field}-errore\" role=\"alert\">([^<]*)<");
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
    }

    /// <summary>Posts a form of a page, with the antiforgery token read from that page.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, string? postUrl, params (string, string)[] fields)
    {
        var token = await PortalClient.TokenAsync(client, pageUrl);
        return await client.PostAsync(postUrl ?? pageUrl, PortalClient.Form(token, fields));
    }
}

internal static class CitizenLogin
{
    /// <summary>Logs in and saves the Anagrafica first: the real Portal.Anagrafica gate keeps requests closed until then.</summary>
    public static async Task<HttpClient> LoginCitizenAsync(this PortalFactory portal, string codiceFiscale, string? role = null)
    {
        var client = await portal.LoginAsync(codiceFiscale, role);
        await client.CompleteAnagraficaAsync();
        return client;
    }
}
