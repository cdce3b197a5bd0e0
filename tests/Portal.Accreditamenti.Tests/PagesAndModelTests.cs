using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Accreditamenti.Data;
using Portal.Accreditamenti.Model;
using Portal.Testing;

namespace Portal.Accreditamenti.Tests;

public class PagesAndModelTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Every_admin_page_of_the_module_renders_for_the_amministratore()
    {
        var admin = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var requestId = await portal.WithDbAsync(db => db.Requests.OrderBy(r => r.CreatedUtc).Select(r => r.Id).FirstAsync());
        var enablement = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/abilitazioni?soloAttive=true"))[0].GetProperty("id").GetGuid();
        foreach (var url in new[]
        {
            "/admin/accreditamenti", $"/admin/accreditamenti/{requestId}", "/admin/accreditamenti/importa", "/admin/enti", "/admin/enti/modifica",
            "/admin/enti/modifica?codice=ENTE-FORMAZIONE-01", "/admin/cpi", "/admin/cpi/modifica", "/admin/cpi/modifica?codice=CPI-ANCONA",
            "/admin/abilitazioni", "/admin/abilitazioni?ruolo=OperatoreCpi&soloAttive=true", "/admin/abilitazioni/nuova?tipo=Ente",
            "/admin/abilitazioni/nuova?tipo=Cpi", "/admin/abilitazioni/nuova?tipo=Funzionario", $"/admin/abilitazioni/{enablement}", "/admin",
        })
        {
            var r = await admin.GetAsync(url);
            Assert.True(r.StatusCode == HttpStatusCode.OK, $"{url}: {r.StatusCode}");
        }
        var menu = await admin.GetStringAsync("/admin");
        Assert.Contains("href=\"/admin/accreditamenti\"", menu);
        Assert.Contains("href=\"/admin/enti\"", menu);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/accreditamenti/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/enti/modifica?codice=NON-ESISTE")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_module_endpoints()
    {
        var doc = await portal.Anonymous().GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/v1/accreditamenti", "/api/v1/admin/accreditamenti/{id}/approva", "/api/v1/admin/accreditamenti/importazione",
                     "/api/v1/admin/abilitazioni", "/api/v1/admin/enti", "/api/v1/admin/cpi", "/api/v1/comuni/{istat}/operatori" })
            Assert.Contains($"\"{path}\"", doc);
    }

    [Fact]
    public void The_migrations_of_both_providers_match_the_model()
    {
        using var sqlite = new AccreditamentiSqliteDesignFactory().CreateDbContext([]);
        Assert.False(sqlite.Database.HasPendingModelChanges());
        using var postgres = new AccreditamentiPostgresDesignFactory().CreateDbContext([]);
        Assert.False(postgres.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task The_module_database_is_migrated_at_start()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccreditamentiDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task The_database_refuses_a_second_open_request_for_the_same_person_and_comune_but_keeps_history()
    {
        var (id, cf) = await portal.NewPersonAsync();
        AccreditationRequest Make(RequestState state) => new() { PersonId = id, CodiceFiscale = cf, ComuneIstat = "042021", State = state, CreatedUtc = DateTime.UtcNow };
        await portal.WithDbAsync(async db =>
        {
            db.Requests.AddRange(Make(RequestState.Respinta), Make(RequestState.Revocata), Make(RequestState.InAttesa));
            return await db.SaveChangesAsync();
        });
        await Assert.ThrowsAsync<DbUpdateException>(() => portal.WithDbAsync(async db =>
        {
            db.Requests.Add(Make(RequestState.Approvata));
            return await db.SaveChangesAsync();
        }));
        Assert.Equal(3, await portal.WithDbAsync(db => db.Requests.CountAsync(r => r.PersonId == id)));
    }

    [Fact]
    public async Task A_decision_on_a_request_changed_meanwhile_is_a_conflict_not_a_double_grant()
    {
        var (id, cf) = await portal.NewPersonAsync();
        var request = new AccreditationRequest { PersonId = id, CodiceFiscale = cf, ComuneIstat = "042045", State = RequestState.InAttesa, CreatedUtc = DateTime.UtcNow };
        await portal.WithDbAsync(async db => { db.Requests.Add(request); return await db.SaveChangesAsync(); });
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccreditamentiDbContext>();
        // This scope has read the request as pending; another administrator rejects it meanwhile.
        var stale = await db.Requests.SingleAsync(r => r.Id == request.Id);
        await portal.WithDbAsync(async other =>
        {
            (await other.Requests.SingleAsync(r => r.Id == request.Id)).State = RequestState.Respinta;
            return await other.SaveChangesAsync();
        });
        stale.State = RequestState.Approvata;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Accreditations_granted_by_the_demo_recipe_are_listed_as_approved_and_can_be_revoked()
    {
        var admin = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var ancona = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/accreditamenti?cf={Demo.OperatoreAncona}&stato=Approvata");
        Assert.Equal(new[] { "042002", "042018" }, ancona.EnumerateArray().Select(r => r.GetProperty("comune").GetString()).Order());
        Assert.All(ancona.EnumerateArray(), r => Assert.Equal("Preesistente", r.GetProperty("origine").GetString()));

        var pesaro = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/accreditamenti?cf={Demo.OperatorePesaro}"))[0];
        var revoked = await admin.PostAsJsonAsync($"/api/v1/admin/accreditamenti/{pesaro.GetProperty("id").GetGuid()}/revoca", new { motivo = "Cambio di ufficio" });
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        var personId = await portal.WithCoreAsync(db => db.Persons.Where(p => p.CodiceFiscale == Demo.OperatorePesaro).Select(p => p.Id).SingleAsync());
        Assert.DoesNotContain(await portal.RoleChoicesAsync(personId), c => c.RoleName == "OperatoreComune");
    }
}
