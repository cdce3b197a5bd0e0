using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Contents.Data;
using Portal.Contents.Services;
using Portal.Testing;

namespace Portal.Contents.Tests;

public class ApiAndFormTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static object NewAvviso(string title, string slug, object[]? allegati = null) => new
    {
        tipo = "Avviso",
        campi = new { title, slug, summary = "Creato via API", body = "Testo", categoria = "API" },
        allegati,
    };

    [Fact]
    public async Task An_editor_creates_updates_and_publishes_through_the_api()
    {
        var client = await portal.LoginAsync(Demo.Editor, "Editor");
        var slug = ContentTestExtensions.UniqueSlug("api");
        var pdf = Convert.ToBase64String(TestFiles.Pdf());
        var created = await client.PostAsJsonAsync("/api/v1/contenuti", NewAvviso("Avviso via API", slug, [new { nomeFile = "bando.pdf", contenutoBase64 = pdf, titolo = "Bando" }]));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var item = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = item.GetProperty("id").GetGuid();
        var revision = item.GetProperty("revisione").GetInt32();

        var updated = await client.PutAsJsonAsync($"/api/v1/contenuti/{id}", new { revisione = revision, campi = new { title = "Avviso via API (rev.)", slug } });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var stale = await client.PutAsJsonAsync($"/api/v1/contenuti/{id}", new { revisione = revision, campi = new { title = "Vecchia", slug } });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/v1/contenuti/{id}/pubblica", new { })).StatusCode);
        var pub = await portal.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/avvisi/{slug}");
        Assert.Equal("Avviso via API (rev.)", pub.GetProperty("titolo").GetString());
        Assert.Equal("Bando", pub.GetProperty("allegati")[0].GetProperty("titolo").GetString());
        var versions = await client.GetFromJsonAsync<JsonElement>($"/api/v1/contenuti/{id}/versioni");
        Assert.Equal(2, versions.GetArrayLength());
    }

    [Fact]
    public async Task Api_validation_errors_name_the_field_in_italian()
    {
        var client = await portal.LoginAsync(Demo.Editor, "Editor");
        var r = await client.PostAsJsonAsync("/api/v1/contenuti", new { tipo = "Avviso", campi = new { title = "", slug = "Non Valido!" } });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var body = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Il titolo è obbligatorio.", body.GetProperty("errors").GetProperty("Title")[0].GetString());
        Assert.Contains("lettere minuscole", body.GetProperty("errors").GetProperty("Slug")[0].GetString());
        var badType = await client.PostAsJsonAsync("/api/v1/contenuti", new { tipo = "Sconosciuto", campi = new { title = "x" } });
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        var badFile = await client.PostAsJsonAsync("/api/v1/contenuti", NewAvviso("x", ContentTestExtensions.UniqueSlug("b64"), [new { nomeFile = "a.pdf", contenutoBase64 = "%%%", titolo = "x" }]));
        Assert.Equal(HttpStatusCode.BadRequest, badFile.StatusCode);
    }

    [Fact]
    public async Task A_version_note_over_300_or_an_attachment_title_over_200_characters_is_a_400_naming_the_field_not_a_500()
    {
        var client = await portal.LoginAsync(Demo.Editor, "Editor");
        var pdf = Convert.ToBase64String(TestFiles.Pdf());
        var before = await portal.InScopeAsync(sp => sp.GetRequiredService<ContentsDbContext>().Items.CountAsync());

        var longNote = await client.PostAsJsonAsync("/api/v1/contenuti", new
        {
            tipo = "Avviso", campi = new { title = "Avviso con nota lunga", slug = ContentTestExtensions.UniqueSlug("nota"), note = new string('n', 301) },
        });
        Assert.Equal(HttpStatusCode.BadRequest, longNote.StatusCode);
        Assert.Equal("La nota sulla versione può avere al massimo 300 caratteri.",
            (await longNote.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Note")[0].GetString());

        var longTitle = await client.PostAsJsonAsync("/api/v1/contenuti", NewAvviso("Avviso con allegato dal titolo lungo", ContentTestExtensions.UniqueSlug("allegato"),
            [new { nomeFile = "bando.pdf", contenutoBase64 = pdf, titolo = new string('t', 201) }]));
        Assert.Equal(HttpStatusCode.BadRequest, longTitle.StatusCode);
        Assert.Equal("Il titolo dell'allegato «bando.pdf» può avere al massimo 200 caratteri.",
            (await longTitle.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Allegati")[0].GetString());
        Assert.Equal(before, await portal.InScopeAsync(sp => sp.GetRequiredService<ContentsDbContext>().Items.CountAsync()));

        // At the limits both are kept.
        var slug = ContentTestExtensions.UniqueSlug("limiti");
        var ok = await client.PostAsJsonAsync("/api/v1/contenuti", new
        {
            tipo = "Avviso", campi = new { title = "Avviso ai limiti", slug, note = new string('n', 300) },
            allegati = new[] { new { nomeFile = "bando.pdf", contenutoBase64 = pdf, titolo = new string('t', 200) } },
        });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
    }

    [Fact]
    public async Task The_editor_form_refuses_a_version_note_over_300_characters_next_to_the_field()
    {
        var client = await portal.LoginAsync(Demo.Editor, "Editor");
        var token = await PortalClient.TokenAsync(client, "/admin/contenuti/modifica?tipo=Avviso");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Avviso con nota troppo lunga"), "Input.Title" },
            { new StringContent(new string('n', 301)), "Input.Note" },
        };
        var r = await client.PostAsync("/admin/contenuti/modifica?tipo=Avviso&handler=Save", form);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        Assert.Contains("id=\"campo-Note-errore\" role=\"alert\">La nota sulla versione può avere al massimo 300 caratteri.", html);
        Assert.False(await portal.InScopeAsync(sp => sp.GetRequiredService<ContentsDbContext>().Items.AnyAsync(i => i.Title == "Avviso con nota troppo lunga")));
    }

    [Fact]
    public async Task Saving_a_draft_of_a_scheduled_item_in_the_editor_says_the_schedule_was_cancelled()
    {
        var slug = ContentTestExtensions.UniqueSlug("form-programma");
        var item = await portal.CreateAvvisoAsync("Avviso programmato dal modulo", slug);
        var now = Portal.Core.Time.RomeTime.ToRome(portal.Clock.GetUtcNow().UtcDateTime);
        var at = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0).AddHours(2);
        item = await portal.InScopeAsync(sp => sp.GetRequiredService<ContentService>().ScheduleAsync(item.Id, item.Revision, at, null, "test"));
        Assert.NotNull(item.PublishAtUtc);

        var client = await portal.LoginAsync(Demo.Editor, "Editor");
        var url = $"/admin/contenuti/modifica/{item.Id}";
        var token = await PortalClient.TokenAsync(client, url);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(item.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Revision" },
            { new StringContent("Avviso programmato dal modulo, corretto"), "Input.Title" },
            { new StringContent(slug), "Input.Slug" },
        };
        var r = await client.PostAsync($"{url}?handler=Save", form);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(r.Headers.Location!.OriginalString));
        Assert.Contains("La pubblicazione programmata è stata annullata", html);
        Assert.Null(await portal.InScopeAsync(sp => sp.GetRequiredService<ContentsDbContext>().Items.Where(i => i.Id == item.Id).Select(i => i.PublishAtUtc).SingleAsync()));
    }

    [Theory]
    [InlineData("""{ "tipo": "Avviso", "campi": null }""", "Campi")]
    [InlineData("""{ "tipo": "Avviso", "campi": { "title": "Con allegato nullo" }, "allegati": [ { "nomeFile": "a.pdf", "contenutoBase64": null } ] }""", "Allegati")]
    [InlineData("""{ "tipo": "Avviso", "campi": { "title": "Con allegato senza nome" }, "allegati": [ { "contenutoBase64": "JVBERi0=" } ] }""", "Allegati")]
    [InlineData("""{ "tipo": "Avviso", "campi": { "title": "Con allegato vuoto" }, "allegati": [ null ] }""", "Allegati")]
    public async Task Api_missing_parts_are_a_400_naming_the_field_and_create_nothing(string json, string field)
    {
        var client = await portal.LoginAsync(Demo.Editor, "Editor");
        var before = await portal.InScopeAsync(sp => sp.GetRequiredService<ContentsDbContext>().Items.CountAsync());
        var r = await client.PostAsync("/api/v1/contenuti", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var body = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), await r.Content.ReadAsStringAsync());
        Assert.Equal(before, await portal.InScopeAsync(sp => sp.GetRequiredService<ContentsDbContext>().Items.CountAsync()));
    }

    [Theory]
    [InlineData(Demo.Cittadino, null)]
    [InlineData(Demo.OperatoreAncona, "OperatoreComune")]
    [InlineData(Demo.Funzionario, "Funzionario")]
    public async Task Roles_without_content_permissions_get_403_from_the_editor_api(string cf, string? role)
    {
        var client = await portal.LoginAsync(cf, role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/contenuti")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/contenuti", NewAvviso("x", "x"))).StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_read_public_content()
    {
        var client = portal.Anonymous();
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/avvisi");
        Assert.True(list.GetProperty("totale").GetInt32() >= 2);
        var bonus = await client.GetFromJsonAsync<JsonElement>("/api/v1/avvisi/bonus-ddi-2021");
        Assert.Equal(3, bonus.GetProperty("finestre").GetArrayLength());
        Assert.Contains(bonus.GetProperty("finestre").EnumerateArray(), f => f.GetProperty("stato").GetString() == "Aperta");
    }

    [Fact]
    public async Task Markdown_bodies_cannot_inject_html_or_scripts()
    {
        var slug = ContentTestExtensions.UniqueSlug("xss");
        var item = await portal.InScopeAsync(sp => sp.GetRequiredService<ContentService>().CreateAsync("Pagina",
            new ContentInput { Title = "Pagina pericolosa", Slug = slug, Body = "<script>alert(1)</script>\n\n[clic](javascript:alert(2))\n\n<img src=x onerror=alert(3)>\n\n**ok**" }, [], "test"));
        await portal.InScopeAsync(sp => sp.GetRequiredService<ContentService>().PublishAsync(item.Id, null, "test"));
        var html = await portal.Anonymous().GetStringAsync($"/pagine/{slug}");
        var body = html[html.IndexOf("portal-body", StringComparison.Ordinal)..];
        Assert.DoesNotContain("<script>alert", body);
        Assert.DoesNotContain("javascript:", body);
        Assert.DoesNotContain("<img", body);
        Assert.Contains("<strong>ok</strong>", body);
    }

    [Fact]
    public async Task The_editor_form_shows_italian_errors_next_to_the_fields_and_writes_nothing()
    {
        var client = await portal.LoginAsync(Demo.Editor, "Editor");
        var before = await portal.InScopeAsync(sp => sp.GetRequiredService<ContentsDbContext>().Items.CountAsync());
        var token = await PortalClient.TokenAsync(client, "/admin/contenuti/modifica?tipo=Finestra");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(""), "Input.Title" },
            { new StringContent("2030-05-05T09:00"), "Input.OpensAt" },
            { new StringContent("2030-05-01T09:00"), "Input.ClosesAt" },
            { new StringContent("abc"), "Input.Budget" },
        };
        var r = await client.PostAsync("/admin/contenuti/modifica?tipo=Finestra&handler=Save", form);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        Assert.Contains("id=\"campo-Title-errore\" role=\"alert\">Il titolo è obbligatorio.", html);
        Assert.Contains("id=\"campo-ClosesAt-errore\" role=\"alert\">La chiusura deve essere successiva all'apertura.", html);
        Assert.Contains("id=\"campo-Budget-errore\"", html);
        Assert.Contains("id=\"campo-AvvisoId-errore\"", html);
        Assert.Contains("aria-invalid=\"true\"", html);
        Assert.Equal(before, await portal.InScopeAsync(sp => sp.GetRequiredService<ContentsDbContext>().Items.CountAsync()));
    }

    [Fact]
    public async Task The_editor_form_refuses_a_fake_attachment_next_to_the_file_field()
    {
        var client = await portal.LoginAsync(Demo.Editor, "Editor");
        var token = await PortalClient.TokenAsync(client, "/admin/contenuti/modifica?tipo=Avviso");
        using var file = new ByteArrayContent("MZ this is an exe"u8.ToArray());
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Avviso con file falso"), "Input.Title" },
            { file, "Allegati", "bando.pdf" },
        };
        var r = await client.PostAsync("/admin/contenuti/modifica?tipo=Avviso&handler=Save", form);
        var html = await r.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("id=\"allegati-errore\"", html);
        Assert.Contains("non è di un tipo ammesso", html);
        Assert.False(await portal.InScopeAsync(sp => sp.GetRequiredService<ContentsDbContext>().Items.AnyAsync(i => i.Title == "Avviso con file falso")));
    }

    [Fact]
    public async Task An_existing_item_is_saved_through_the_action_its_editor_form_renders()
    {
        var client = await portal.LoginAsync(Demo.Editor, "Editor");
        var created = await client.PostAsJsonAsync("/api/v1/contenuti", new { tipo = "Avviso", campi = new { title = "Prima stesura", slug = ContentTestExtensions.UniqueSlug("stesura") } });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var html = await client.GetStringAsync($"/admin/contenuti/modifica/{id}");
        var action = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "<form[^>]*action=\"([^\"]*handler=Save)\"[^>]*id=\"editor\"").Groups[1].Value);
        Assert.Equal($"/admin/contenuti/modifica/{id}?handler=Save", action);

        var token = await PortalClient.TokenAsync(client, $"/admin/contenuti/modifica/{id}");
        var version = await portal.InScopeAsync(sp => sp.GetRequiredService<ContentsDbContext>().Items.Where(i => i.Id == id).Select(i => i.Revision).SingleAsync());
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Seconda stesura"), "Input.Title" },
            { new StringContent(version.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Revision" },
        };
        var r = await client.PostAsync(action, form);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.True(await portal.InScopeAsync(sp => sp.GetRequiredService<ContentsDbContext>().Items.AnyAsync(i => i.Id == id && i.Title == "Seconda stesura")));
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        var client = await portal.LoginAsync(Demo.Editor, "Editor");
        using var form = new MultipartFormDataContent { { new StringContent("Senza token"), "Input.Title" } };
        var r = await client.PostAsync("/admin/contenuti/modifica?tipo=Avviso&handler=Save", form);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.False(await portal.InScopeAsync(sp => sp.GetRequiredService<ContentsDbContext>().Items.AnyAsync(i => i.Title == "Senza token")));
    }
}

public class FormTokenTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>Each POST form must carry its own token (a form with an explicit action gets none by default).</summary>
    [Theory]
    [InlineData("/admin/contenuti/modifica?tipo=Avviso")]
    [InlineData("/admin/contenuti/modifica?tipo=Finestra")]
    public async Task Every_post_form_of_the_editor_carries_an_antiforgery_token(string url)
    {
        var client = await portal.LoginAsync(Demo.Editor, "Editor");
        await CheckFormsAsync(client, url);
        var created = await client.PostAsJsonAsync("/api/v1/contenuti", new { tipo = "Avviso", campi = new { title = "Moduli", slug = ContentTestExtensions.UniqueSlug("moduli") } });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await CheckFormsAsync(client, $"/admin/contenuti/modifica/{id}");
        await CheckFormsAsync(client, $"/admin/contenuti/{id}/versioni");
    }

    private static async Task CheckFormsAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        var forms = System.Text.RegularExpressions.Regex.Matches(html, "<form[^>]*method=\"post\"[\\s\\S]*?</form>");
        Assert.NotEmpty(forms);
        foreach (System.Text.RegularExpressions.Match f in forms)
            Assert.True(f.Value.Contains("__RequestVerificationToken", StringComparison.Ordinal), $"{url}: modulo senza token: {f.Value[..Math.Min(200, f.Value.Length)]}");
    }
}

public class AdminSearchTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_editors_search_matches_percent_and_underscore_literally()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await portal.CreateAvvisoAsync($"Sconto 50% {tag}");
        await portal.CreateAvvisoAsync($"Sconto 500 {tag}");
        await portal.CreateAvvisoAsync($"voce_a {tag}");
        await portal.CreateAvvisoAsync($"voceXa {tag}");
        var percent = await portal.InScopeAsync(sp => sp.GetRequiredService<Portal.Contents.Services.ContentQueries>()
            .ListAdminAsync(new Portal.Contents.Services.AdminFilter(null, null, $"50% {tag}")));
        Assert.Equal([$"Sconto 50% {tag}"], percent.Select(i => i.Title));
        var underscore = await portal.InScopeAsync(sp => sp.GetRequiredService<Portal.Contents.Services.ContentQueries>()
            .ListAdminAsync(new Portal.Contents.Services.AdminFilter(null, null, $"voce_a {tag}")));
        Assert.Equal([$"voce_a {tag}"], underscore.Select(i => i.Title));
    }
}
