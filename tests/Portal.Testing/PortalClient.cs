using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;

namespace Portal.Testing;

/// <summary>A browser-like client (cookies, antiforgery tokens) that logs in through the development login form.</summary>
public static partial class PortalClient
{
    public static HttpClient Anonymous(this PortalFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client whose cookies the test can read and copy (e.g. to replay a session cookie).</summary>
    public static HttpClient Anonymous(this PortalFactory factory, CookieContainer cookies)
    {
        var client = factory.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies));
        return client;
    }

    /// <summary>Logs in as the demo person with this codice fiscale and, if asked, chooses the role.</summary>
    public static Task<HttpClient> LoginAsync(this PortalFactory factory, string codiceFiscale, string? role = null) =>
        LoginAsync(factory, factory.Anonymous(), codiceFiscale, role);

    /// <summary>Logs in with the given client (e.g. one made by <see cref="Anonymous(PortalFactory, CookieContainer)"/>).</summary>
    public static async Task<HttpClient> LoginAsync(this PortalFactory factory, HttpClient client, string codiceFiscale, string? role = null)
    {
        Guid personId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
            personId = await db.Persons.Where(p => p.CodiceFiscale == codiceFiscale).Select(p => p.Id).SingleAsync();
        }
        var token = await TokenAsync(client, "/accesso-di-prova");
        var response = await client.PostAsync("/accesso-di-prova", Form(token, ("personId", personId.ToString())));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Accesso di prova non riuscito: {response.StatusCode}");
        if (role is not null)
        {
            token = await TokenAsync(client, "/scelta-ruolo");
            response = await client.PostAsync("/scelta-ruolo", Form(token, ("role", role)));
            if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Scelta del ruolo {role} non riuscita: {response.StatusCode}");
        }
        return client;
    }

    /// <summary>Reads the antiforgery token of the form on a page.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        var m = TokenPattern().Match(html);
        if (!m.Success) throw new InvalidOperationException($"Nessun token antiforgery in {url}");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    /// <summary>
    /// The antiforgery token of the header's forms (logout), read from a page every host has whatever its
    /// modules ("accesso negato", answered with 403).
    /// </summary>
    public static async Task<string> LayoutTokenAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/accesso-negato");
        var m = TokenPattern().Match(await response.Content.ReadAsStringAsync());
        if (!m.Success) throw new InvalidOperationException("Nessun token antiforgery nell'intestazione della pagina /accesso-negato");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    public static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Append(new KeyValuePair<string, string>("__RequestVerificationToken", token)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>The demo people of recipes/demo.recipe.json.</summary>
public static class Demo
{
    public const string Cittadino = "RSSMRA80A01H501U";
    public const string OperatoreAncona = "BNCLRA75C55A271Q";
    public const string OperatorePesaro = "MRCLCU79T20G479G";
    public const string Editor = "VRDGLI85M41A271G";
    public const string Amministratore = "NREPLA70B10G479X";
    public const string Funzionario = "RSSNNA78D50E783P";
    public const string OperatoreCpi = "GLLMRC82H12A271E";
    public const string OperatoreEnte = "CNTSRA90E45D542A";
    /// <summary>Operator of the second demo ente gestore (CONFIDI-MARCHE-02).</summary>
    public const string OperatoreEnteConfidi = "FRRLCU85C12A271R";
}
