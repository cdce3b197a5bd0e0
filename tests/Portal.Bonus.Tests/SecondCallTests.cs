using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Recipes;

namespace Portal.Bonus.Tests;

/// <summary>A second, different call set up from a recipe alone (no code), and a citizen applying to it under its own rules.</summary>
[Collection(BonusCollection.Name)]
public sealed class SecondCallTests(BonusPortal portal)
{
    [Fact]
    public async Task A_call_from_a_recipe_alone_takes_applications_under_its_own_rules()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Recipes", "secondo-bando.recipe.json");
        await portal.InScopeAsync(sp => sp.GetRequiredService<RecipeRunner>().RunFileAsync(path, "test"));
        // Running it again changes nothing (idempotent step).
        await portal.InScopeAsync(sp => sp.GetRequiredService<RecipeRunner>().RunFileAsync(path, "test"));
        var bandi = await portal.Anonymous().GetFromJsonAsync<JsonArray>("/api/v1/bonus/bandi");
        var tablet = bandi!.Single(b => b!["codice"]!.GetValue<string>() == "BONUS_TABLET_UNI")!;
        Assert.Equal(1, tablet["versione"]!.GetValue<int>());
        Assert.Single(tablet["finestre"]!.AsArray());
        var bandoId = tablet["id"]!.GetValue<Guid>();

        var c = await portal.CitizenAsync();
        var id = await c.CreateAsync(bandoId);
        var child = DomandaSteps.ChildCf(9);
        await c.SaveAsync(id, "richiedente", DomandaSteps.Richiedente());
        await c.SaveAsync(id, "nucleo", DomandaSteps.Nucleo((child, "Figlio")));
        var school = await c.PutSectionAsync(id, "figli", DomandaSteps.Figli(child));
        Assert.Contains("non è tra quelli previsti dal bando", (await school.ProblemAsync()).Error("figli[0].livello"));
        await c.SaveAsync(id, "figli", new { figli = new[] { new { codiceFiscale = child, nome = "Luca", cognome = "Bianchi", livello = "Universita", istituto = "Università Politecnica delle Marche" } } });
        // 20.000 € is over BONUS_DDI_2021's limit but within this call's.
        await c.SaveAsync(id, "isee", DomandaSteps.Isee("20.000,00"));
        Assert.Contains("ammette solo l'ISEE ordinario", (await (await c.PutSectionAsync(id, "isee", DomandaSteps.Isee("20.000,00", "corrente"))).ProblemAsync()).Error("tipo"));
        Assert.Contains("Tablet (300,00 €)", (await (await c.PutSectionAsync(id, "dispositivo", DomandaSteps.Dispositivo("portatile"))).ProblemAsync()).Error("dispositivo"));
        await c.SaveAsync(id, "dispositivo", DomandaSteps.Dispositivo("tablet"));
        await c.SaveAsync(id, "occupazione", DomandaSteps.Occupazione("occupato"));
        Assert.NotNull((await (await c.PutSectionAsync(id, "dichiarazioni", DomandaSteps.Dichiarazioni())).ProblemAsync()).Error("accettate"));
        await c.SaveAsync(id, "dichiarazioni", new { accettate = new[] { "veridicita", "iscrizione" } });
        var jpeg = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0 };
        Assert.Equal((HttpStatusCode)422, (await c.UploadIseeAsync(id, jpeg, "isee.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.UploadIseeAsync(id, TestFiles.Pdf("ISEE"), "isee.pdf")).StatusCode);

        var sent = await c.SendAsync(id);
        Assert.True(sent.StatusCode == HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
        await portal.DrainOutboxAsync();
        var d = await c.GetAsync(id);
        Assert.Equal(300.00m, d["importoRichiesto"]!.GetValue<decimal>());
        Assert.NotNull(d["protocollo"]?.GetValue<string>());
        var text = await PdfToText.ReadAsync(await c.Client.GetByteArrayAsync($"/api/v1/bonus/domande/{id}/ricevuta"));
        Assert.Contains("BONUS_TABLET_UNI", text);
    }
}
