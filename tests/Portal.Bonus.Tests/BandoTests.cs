using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Security;

namespace Portal.Bonus.Tests;

/// <summary>The call as data: BONUS_DDI_2021 as shipped, and the Amministratore's edits (validated, versioned, audited).</summary>
[Collection(BonusCollection.Name)]
public sealed class BandoTests(BonusPortal portal)
{
    [Fact]
    public async Task The_open_calls_list_BONUS_DDI_2021_with_the_seeds_rules_and_three_windows()
    {
        var bandi = await portal.Anonymous().GetFromJsonAsync<JsonArray>("/api/v1/bonus/bandi");
        var b = bandi!.Single(x => x!["codice"]!.GetValue<string>() == "BONUS_DDI_2021")!;
        Assert.Equal(3, b["finestre"]!.AsArray().Count);
        Assert.Equal("Avviso pubblico Bonus DDI 2021", b["avviso"]!["titolo"]!.GetValue<string>());
        var r = b["regole"]!;
        Assert.Equal(2500000m, r["dotazione"]!.GetValue<decimal>());
        Assert.Equal([50m, 35m, 15m], r["fonti"]!.AsArray().Select(f => f!["percentuale"]!.GetValue<decimal>()));
        Assert.Equal([600m, 570m], r["importi"]!.AsArray().Select(f => f!["importo"]!.GetValue<decimal>()));
        Assert.Equal(18000m, r["iseeMassimo"]!.GetValue<decimal>());
        Assert.Equal(["ordinario", "corrente"], r["tipiIseeAmmessi"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal(60m, r["sogliaPunteggio"]!.GetValue<decimal>());
        Assert.Equal([50m, 10m, 30m, 10m], r["criteri"]!.AsArray().Select(c => c!["peso"]!.GetValue<decimal>()));
        Assert.Equal([5m, 4m, 3m, 2m], r["criteri"]![0]!["fasce"]!.AsArray().Select(f => f!["punti"]!.GetValue<decimal>()));
        Assert.Equal(10, r["giorniIntegrazione"]!.GetValue<int>());
        Assert.Equal(60, r["giorniSaldo"]!.GetValue<int>());
        Assert.True(r["unaDomandaPerNucleo"]!.GetValue<bool>());
        Assert.Equal(4, r["dichiarazioni"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_shipped_recipe_has_the_windows_of_art_3_4()
    {
        var recipe = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "recipes", "bonus-ddi-2021.recipe.json")))!;
        var windows = recipe["steps"]![0]!["items"]!.AsArray().Where(i => i!["type"]!.GetValue<string>() == "Finestra")
            .Select(i => (i!["opensAt"]!.GetValue<string>(), i["closesAt"]!.GetValue<string>())).ToList();
        Assert.Equal([("2021-03-26T00:00", "2021-04-15T00:00"), ("2021-04-15T00:00", "2021-05-13T00:00"), ("2021-05-13T00:00", "2021-06-11T00:00")], windows);
    }

    [Fact]
    public async Task An_Amministratore_edits_the_rules_with_validation_versions_and_audit()
    {
        var id = await portal.BandoIdAsync();
        var admin = await portal.LoginAsync(Demo.Amministratore, PortalRoles.Amministratore);
        var bando = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/bonus/bandi/{id}"))!;
        var versione = bando["versione"]!.GetValue<int>();
        var regole = bando["regole"]!.DeepClone().AsObject();
        regole["fonti"]![0]!["percentuale"] = 40;
        var bad = await admin.PutAsJsonAsync($"/api/v1/bonus/bandi/{id}", new { titolo = bando["titolo"]!.GetValue<string>(), avvisoId = bando["avviso"]!["id"]!.GetValue<Guid>(), regole, motivo = "", versione });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.ProblemAsync();
        Assert.Contains("sommare al 100 %", problem.Error("regole.fonti"));
        Assert.NotNull(problem.Error("motivo"));
        Assert.Equal(versione, await portal.InBonusAsync(db => db.Bandi.Where(b => b.Id == id).Select(b => b.Versione).SingleAsync()));

        regole["fonti"]![0]!["percentuale"] = 50;
        regole["giorniIntegrazione"] = 15;
        var auditBefore = await portal.InAuditAsync(db => db.Audit.CountAsync(a => a.Action == "bonus.bando.modificato"));
        var ok = await admin.PutAsJsonAsync($"/api/v1/bonus/bandi/{id}", new { titolo = bando["titolo"]!.GetValue<string>(), avvisoId = bando["avviso"]!["id"]!.GetValue<Guid>(), regole, motivo = "Proroga del termine di integrazione", versione });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(versione + 1, (await ok.Content.ReadFromJsonAsync<JsonObject>())!["versione"]!.GetValue<int>());
        var versions = (await admin.GetFromJsonAsync<JsonArray>($"/api/v1/bonus/bandi/{id}/versioni"))!;
        Assert.Equal("Proroga del termine di integrazione", versions[0]!["motivo"]!.GetValue<string>());
        Assert.Equal(10, versions[1]!["regole"]!["giorniIntegrazione"]!.GetValue<int>());
        Assert.Equal(15, versions[0]!["regole"]!["giorniIntegrazione"]!.GetValue<int>());
        Assert.Equal(auditBefore + 1, await portal.InAuditAsync(db => db.Audit.CountAsync(a => a.Action == "bonus.bando.modificato")));

        // A stale editor (started from the old version) loses nothing silently.
        var stale = await admin.PutAsJsonAsync($"/api/v1/bonus/bandi/{id}", new { titolo = "Altro", avvisoId = bando["avviso"]!["id"]!.GetValue<Guid>(), regole, motivo = "Altra modifica", versione });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        // Back to the shipped rules, so the other tests see the seed's call.
        regole["giorniIntegrazione"] = 10;
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/bonus/bandi/{id}", new { titolo = bando["titolo"]!.GetValue<string>(), avvisoId = bando["avviso"]!["id"]!.GetValue<Guid>(), regole, motivo = "Ritorno alle regole dell'avviso", versione = versione + 1 })).StatusCode);

        var citizen = await portal.CitizenAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.Client.PutAsJsonAsync($"/api/v1/bonus/bandi/{id}", new { titolo = "x", regole, motivo = "x", versione })).StatusCode);
    }
}
