using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Recipes;
using Portal.Testing;

namespace Portal.Core.Tests;

public class HostTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Health_endpoints_answer_live_and_ready_with_the_database()
    {
        var client = portal.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Setup_recipe_seeded_roles_permissions_settings_lookups_and_comuni()
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        var roles = await db.Roles.Select(r => r.Name).ToListAsync();
        Assert.Equal(["Amministratore", "Cittadino", "Editor", "Funzionario", "OperatoreComune", "OperatoreCpi", "OperatoreEnte"], roles.Order(StringComparer.Ordinal).ToList());
        Assert.True(await db.RolePermissions.AnyAsync(p => p.RoleName == "Editor" && p.PermissionName == "Contents.Publish"));
        Assert.False(await db.RolePermissions.AnyAsync(p => p.RoleName == "Editor" && p.PermissionName == "Core.ManageUsers"));
        Assert.Equal("AN,AP,FM,MC,PU", (await db.Settings.SingleAsync(s => s.Key == "RegionProvinces")).Value);
        Assert.Equal("CELIBE/NUBILE", (await db.Lookups.SingleAsync(l => l.Table == "statoCivile" && l.Code == "CN")).Description);
        var ancona = await db.Comuni.SingleAsync(c => c.CodiceIstat == "042002");
        Assert.Equal(("Ancona", "AN", "A271"), (ancona.Nome, ancona.SiglaProvincia, ancona.CodiceCatastale));
    }

    [Fact]
    public async Task Running_the_recipes_again_changes_nothing()
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        var before = (await db.Persons.CountAsync(), await db.RoleAssignments.CountAsync(), await db.Comuni.CountAsync(), await db.RolePermissions.CountAsync());
        var runner = scope.ServiceProvider.GetRequiredService<RecipeRunner>();
        await runner.RunFileAsync(Path.Combine(RepoPaths.Recipes, "setup.recipe.json"), "test");
        await runner.RunFileAsync(Path.Combine(RepoPaths.Recipes, "demo.recipe.json"), "test");
        var after = (await db.Persons.CountAsync(), await db.RoleAssignments.CountAsync(), await db.Comuni.CountAsync(), await db.RolePermissions.CountAsync());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_recipe_naming_an_unknown_step_is_refused_before_running_anything()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, """{ "name": "x", "steps": [ { "step": "settings", "values": { "PortalName": "Cambiato" } }, { "step": "inesistente" } ] }""");
        using var scope = portal.Services.CreateScope();
        var e = await Assert.ThrowsAsync<RecipeException>(() => scope.ServiceProvider.GetRequiredService<RecipeRunner>().RunFileAsync(file, "test"));
        Assert.Contains("«inesistente» sconosciuto", e.Message);
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        Assert.NotEqual("Cambiato", (await db.Settings.SingleAsync(s => s.Key == "PortalName")).Value);
    }

    [Fact]
    public async Task OpenApi_document_is_served_and_lists_the_modules_endpoints()
    {
        var doc = await portal.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/avvisi", out _));
        Assert.True(paths.TryGetProperty("/api/v1/contenuti", out _) || paths.TryGetProperty("/api/v1/contenuti/", out _));
        Assert.True(paths.TryGetProperty("/api/v1/comuni", out _));
    }

    [Fact]
    public async Task Api_errors_are_problem_details_in_italian()
    {
        var client = portal.Anonymous();
        var notFound = await client.GetAsync("/api/v1/avvisi/non-esiste");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal("application/problem+json", notFound.Content.Headers.ContentType?.MediaType);
        var body = await notFound.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Risorsa non trovata", body.GetProperty("title").GetString());
        var unauthorized = await client.GetAsync("/api/v1/contenuti");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("application/problem+json", unauthorized.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Accesso richiesto", (await unauthorized.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        var noRoute = await client.GetAsync("/api/v1/non-esiste");
        Assert.Equal(HttpStatusCode.NotFound, noRoute.StatusCode);
        Assert.Equal("application/problem+json", noRoute.Content.Headers.ContentType?.MediaType);
        var page = await client.GetAsync("/pagina-che-non-esiste");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Pagina non trovata", await page.Content.ReadAsStringAsync());
    }
}
