using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Bonus.Model;
using Portal.Core.Contracts;

namespace Portal.Bonus.Tests;

/// <summary>The demo recipe's applications, and the occupational condition prefilled from ICondizioneOccupazionale when a module answers it.</summary>
[Collection(BonusCollection.Name)]
public sealed class DemoAndDidTests(BonusPortal portal)
{
    [Fact]
    public async Task The_demo_has_drafts_at_different_steps_and_a_sent_application_with_its_receipt()
    {
        await portal.DrainOutboxAsync();
        var demo = await portal.InBonusAsync(db => db.Domande.AsNoTracking().Where(d => d.CodiceFiscale == Demo.Cittadino).SingleAsync());
        Assert.Equal(StatoDomanda.Inviata, demo.Stato);
        Assert.NotNull(await portal.InProtocolAsync(db => db.Receipts.AsNoTracking().SingleOrDefaultAsync(r => r.SubjectType == Domanda.SubjectType && r.SubjectId == demo.Id.ToString())));
        var drafts = await portal.InBonusAsync(db => db.Domande.AsNoTracking().Where(d => d.CodiceFiscale == "FRRGPP80A01A271Q" || d.CodiceFiscale == "MRNLSE85C41A271X").ToListAsync());
        Assert.Equal(2, drafts.Count);
        Assert.All(drafts, d => Assert.Equal(StatoDomanda.Bozza, d.Stato));
        Assert.Equal(SezioniDomanda.Richiedente | SezioniDomanda.Nucleo, drafts.Single(d => d.CodiceFiscale.StartsWith("FRR")).SezioniSalvate);
        Assert.Equal(SezioniDomanda.Tutte, drafts.Single(d => d.CodiceFiscale.StartsWith("MRN")).SezioniSalvate);
    }

    [Fact]
    public async Task The_occupational_condition_is_prefilled_from_the_Did_module_when_present()
    {
        var c = await portal.CitizenAsync();
        var withDid = portal.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddScoped<ICondizioneOccupazionale>(_ => new CondizioneDa(c.Cf))));
        var client = withDid.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = await PortalClient.TokenAsync(client, "/accesso-di-prova");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/accesso-di-prova", PortalClient.Form(token, ("personId", c.PersonId.ToString())))).StatusCode);
        var r = await client.PostAsJsonAsync("/api/v1/bonus/domande", new { bandoId = await portal.BandoIdAsync() });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var d = (await r.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Disoccupato", d["condizione"]!.GetValue<string>());
        Assert.Equal(CondizioneDa.Fonte, d["condizioneFonte"]!.GetValue<string>());
        // Confirming it keeps the source; without the module the condition is declared.
        var id = d["id"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/bonus/domande/{id}/sezioni/occupazione", new { condizione = "disoccupato" })).StatusCode);
        Assert.Equal(CondizioneDa.Fonte, await portal.InBonusAsync(db => db.Domande.Where(x => x.Id == id).Select(x => x.CondizioneFonte).SingleAsync()));
    }

    [Fact]
    public async Task A_condition_differing_from_the_Did_modules_answer_is_stored_as_declared_not_with_the_CPIs_source()
    {
        var c = await portal.CitizenAsync();
        var withDid = portal.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddScoped<ICondizioneOccupazionale>(_ => new CondizioneDa(c.Cf))));
        var client = await withDid.LoginAsync(c.Cf);
        var r = await client.PostAsJsonAsync("/api/v1/bonus/domande", new { bandoId = await portal.BandoIdAsync() });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var id = (await r.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        // The CPI has the citizen as unemployed; the citizen declares employed: the declaration is the citizen's own.
        var saved = await client.PutAsJsonAsync($"/api/v1/bonus/domande/{id}/sezioni/occupazione", new { condizione = "occupato" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var row = await portal.InBonusAsync(db => db.Domande.AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal(CondizioneOccupazionale.Occupato, row.Condizione);
        Assert.Equal("Dichiarata dal richiedente", row.CondizioneFonte);
        Assert.Equal("Dichiarata dal richiedente", (await saved.Content.ReadFromJsonAsync<JsonObject>())!["condizioneFonte"]!.GetValue<string>());
        Assert.DoesNotContain("Proposta dai dati del Centro per l'Impiego", System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/bonus/domande/{id}")));
    }

    /// <summary>What the DID module answers for one codice fiscale (the contract's other answer is "Sconosciuta").</summary>
    private sealed class CondizioneDa(string cf) : ICondizioneOccupazionale
    {
        public const string Fonte = "D.I.D. n. 2026/000123 confermata dal CPI di Ancona";

        public Task<CondizioneOccupazionaleInfo> OnDateAsync(string codiceFiscale, DateOnly data, CancellationToken ct = default) =>
            Task.FromResult(codiceFiscale == cf ? new CondizioneOccupazionaleInfo(StatoOccupazionale.Disoccupato, new DateOnly(2026, 1, 10), Fonte) : CondizioneOccupazionaleInfo.Sconosciuta);
    }
}
