using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;

namespace Portal.Contents.Tests;

/// <summary>"Se vuoto, si ricava dal titolo": an empty address is derived, made unique, and never reported as invalid.</summary>
public class DerivedSlugTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_empty_address_is_derived_from_the_title_and_made_unique()
    {
        var client = await portal.LoginAsync(Demo.Editor, "Editor");
        var token = Guid.NewGuid().ToString("N")[..8];
        var title = $"Contributo affitti {token} – 2026";

        var first = await CreateAsync(client, title);
        var second = await CreateAsync(client, title);

        Assert.Equal($"contributo-affitti-{token}-2026", first);
        Assert.Equal($"contributo-affitti-{token}-2026-2", second);
    }

    [Fact]
    public async Task An_empty_title_is_the_only_error_and_a_title_without_letters_asks_for_the_address()
    {
        var client = await portal.LoginAsync(Demo.Editor, "Editor");
        var empty = await client.PostAsJsonAsync("/api/v1/contenuti", new { tipo = "Avviso", campi = new { title = "", slug = "" } });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Il titolo è obbligatorio.", errors.GetProperty("Title")[0].GetString());
        Assert.False(errors.TryGetProperty("Slug", out _), "un indirizzo vuoto non è un errore: si ricava dal titolo");

        var symbols = await client.PostAsJsonAsync("/api/v1/contenuti", new { tipo = "Avviso", campi = new { title = "€ — !", slug = "" } });
        Assert.Equal(HttpStatusCode.BadRequest, symbols.StatusCode);
        var slugError = (await symbols.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Slug")[0].GetString();
        Assert.Equal("Dal titolo non si ricava un indirizzo (non contiene lettere né cifre): scriverlo.", slugError);
    }

    private static async Task<string> CreateAsync(HttpClient client, string title)
    {
        var r = await client.PostAsJsonAsync("/api/v1/contenuti", new { tipo = "Avviso", campi = new { title, slug = "", summary = "s", body = "b", categoria = "c" } });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("slug").GetString()!;
    }
}
