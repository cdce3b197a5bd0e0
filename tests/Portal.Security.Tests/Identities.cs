using System.Net;
using Portal.Testing;

namespace Portal.Security.Tests;

/// <summary>Who calls: anonymous, or a demo person (Portal.Testing's <see cref="Demo"/>) acting in one of their roles.</summary>
public sealed record Identity(string Name, string? CodiceFiscale, string? Role)
{
    public static readonly Identity Anonimo = new("anonimo", null, null);
    public static readonly Identity Cittadino = new("Cittadino", Demo.Cittadino, null);
    public static readonly Identity OperatoreAncona = new("OperatoreComune (Ancona)", Demo.OperatoreAncona, "OperatoreComune");
    public static readonly Identity OperatorePesaro = new("OperatoreComune (Pesaro)", Demo.OperatorePesaro, "OperatoreComune");
    public static readonly Identity Editor = new("Editor", Demo.Editor, "Editor");
    public static readonly Identity Amministratore = new("Amministratore", Demo.Amministratore, "Amministratore");
    public static readonly Identity Funzionario = new("Funzionario", Demo.Funzionario, "Funzionario");
    public static readonly Identity OperatoreCpi = new("OperatoreCpi", Demo.OperatoreCpi, "OperatoreCpi");
    public static readonly Identity OperatoreEnte = new("OperatoreEnte", Demo.OperatoreEnte, "OperatoreEnte");

    /// <summary>Every demo role, and anonymous.</summary>
    public static readonly IReadOnlyList<Identity> All =
        [Anonimo, Cittadino, OperatoreAncona, OperatorePesaro, Editor, Amministratore, Funzionario, OperatoreCpi, OperatoreEnte];

    /// <summary>The active role the session carries (a person without other roles acts as Cittadino).</summary>
    public string? ActiveRole => CodiceFiscale is null ? null : Role ?? "Cittadino";

    public async Task<HttpClient> SignInAsync(PortalFactory portal) =>
        CodiceFiscale is null ? portal.Anonymous() : await portal.LoginAsync(CodiceFiscale, Role);

    public override string ToString() => Name;
}

public static class Requests
{
    /// <summary>Sends as the portal's own pages do (Sec-Fetch-Site: same-origin), so that the CSRF check lets the request reach the endpoint.</summary>
    public static async Task<(HttpResponseMessage Response, string Body)> SendAsync(HttpClient client, HttpMethod method, string url, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response, body);
    }

    public static bool IsRedirectTo(HttpResponseMessage r, string path) =>
        r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
        && (r.Headers.Location?.OriginalString ?? "").Replace("http://localhost", "", StringComparison.Ordinal).StartsWith(path, StringComparison.OrdinalIgnoreCase);
}
