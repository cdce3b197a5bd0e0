using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Bonus.Model;
using Portal.Core.Security;

namespace Portal.Bonus.Tests;

/// <summary>One application per household (art. 5.2), cancellation on request (art. 4) and the window checked at the instant of sending.</summary>
[Collection(BonusCollection.Name)]
public sealed class HouseholdAndCancellationTests(BonusPortal portal)
{
    [Fact]
    public async Task The_second_application_of_a_family_is_flagged_and_a_different_family_is_not()
    {
        var bando = await portal.BandoIdAsync();
        var mother = await portal.CitizenAsync(nome: "Maria");
        var (first, child, _) = await mother.CompleteDraftAsync(bando);
        var firstSent = await mother.SendAsync(first);
        Assert.Null((await firstSent.Content.ReadFromJsonAsync<JsonObject>())!["avvisoNucleo"]?.GetValue<string>());

        // The father applies for the same child: the child's CF is in the earlier application.
        var father = await portal.CitizenAsync(nome: "Paolo");
        var (second, _, _) = await father.CompleteDraftAsync(bando, spouse: mother.Cf, child: child);
        var r = await father.SendAsync(second);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var avviso = (await r.Content.ReadFromJsonAsync<JsonObject>())!["avvisoNucleo"]!.GetValue<string>();
        Assert.Contains("una sola domanda per nucleo familiare", avviso);
        Assert.DoesNotContain(mother.Cf, avviso);
        Assert.DoesNotContain(mother.Nome, avviso);
        var flagged = await portal.InBonusAsync(db => db.Domande.AsNoTracking().SingleAsync(d => d.Id == second));
        Assert.True(flagged.NucleoGiaRichiedente);
        Assert.Contains(first.ToString(), flagged.NucleoSegnalazione);
        Assert.NotNull((await father.GetAsync(second))["avvisoNucleo"]);

        var stranger = await portal.CitizenAsync(nome: "Carla");
        var (third, _, _) = await stranger.CompleteDraftAsync(bando);
        var ok = await stranger.SendAsync(third);
        Assert.Null((await ok.Content.ReadFromJsonAsync<JsonObject>())!["avvisoNucleo"]?.GetValue<string>());
        Assert.False(await portal.InBonusAsync(db => db.Domande.Where(d => d.Id == third).Select(d => d.NucleoGiaRichiedente).SingleAsync()));
        Assert.False(await portal.InBonusAsync(db => db.Domande.Where(d => d.Id == first).Select(d => d.NucleoGiaRichiedente).SingleAsync()));
    }

    [Fact]
    public async Task The_citizen_asks_a_Funzionario_cancels_and_a_new_application_may_be_sent()
    {
        var bando = await portal.BandoIdAsync();
        var c = await portal.CitizenAsync();
        var (id, _, _) = await c.CompleteDraftAsync(bando);
        var bozza = await c.Client.PostAsJsonAsync($"/api/v1/bonus/domande/{id}/richiesta-annullamento", new { motivo = "Errore" });
        Assert.Equal(HttpStatusCode.Conflict, bozza.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.SendAsync(id)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await c.Client.PostAsJsonAsync("/api/v1/bonus/domande", new { bandoId = bando })).StatusCode);

        Assert.Equal((HttpStatusCode)400, (await c.Client.PostAsJsonAsync($"/api/v1/bonus/domande/{id}/richiesta-annullamento", new { motivo = " " })).StatusCode);
        var asked = await c.Client.PostAsJsonAsync($"/api/v1/bonus/domande/{id}/richiesta-annullamento", new { motivo = "Ho sbagliato il valore ISEE" });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.NotNull((await asked.Content.ReadFromJsonAsync<JsonObject>())!["annullamentoRichiestoIl"]);

        // The citizen cannot cancel it; a Funzionario does, with a reason, and it is audited.
        Assert.Equal(HttpStatusCode.Forbidden, (await c.Client.PostAsJsonAsync($"/api/v1/bonus/istruttoria/domande/{id}/annullamento", new { motivo = "x" })).StatusCode);
        var funzionario = await portal.LoginAsync(Demo.Funzionario, PortalRoles.Funzionario);
        var list = await funzionario.GetFromJsonAsync<JsonArray>("/api/v1/bonus/istruttoria/domande");
        Assert.Contains(list!, d => d!["id"]!.GetValue<Guid>() == id && d["annullamentoMotivoRichiesta"]!.GetValue<string>() == "Ho sbagliato il valore ISEE");
        var auditBefore = await portal.InAuditAsync(db => db.Audit.CountAsync(a => a.Action == "bonus.domanda.annullata"));
        var cancelled = await funzionario.PostAsJsonAsync($"/api/v1/bonus/istruttoria/domande/{id}/annullamento", new { motivo = "Richiesta del richiedente del giorno" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var row = await portal.InBonusAsync(db => db.Domande.AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.Equal(StatoDomanda.AnnullataSuRichiesta, row.Stato);
        Assert.Equal("Richiesta del richiedente del giorno", row.AnnullamentoMotivo);
        var audit = await portal.InAuditAsync(db => db.Audit.AsNoTracking().Where(a => a.Action == "bonus.domanda.annullata").OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal(auditBefore + 1, await portal.InAuditAsync(db => db.Audit.CountAsync(a => a.Action == "bonus.domanda.annullata")));
        Assert.Contains(id.ToString(), audit.Subject);
        Assert.Equal(HttpStatusCode.Conflict, (await funzionario.PostAsJsonAsync($"/api/v1/bonus/istruttoria/domande/{id}/annullamento", new { motivo = "di nuovo" })).StatusCode);

        var (again, _, _) = await c.CompleteDraftAsync(bando);
        var sent = await c.SendAsync(again);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        // The cancelled application does not count for the household rule.
        Assert.Null((await sent.Content.ReadFromJsonAsync<JsonObject>())!["avvisoNucleo"]?.GetValue<string>());
    }

    [Fact]
    public async Task Cancelling_the_first_application_leaves_its_household_held_by_a_later_sent_one_that_listed_it()
    {
        var bando = await portal.BandoIdAsync();
        var mother = await portal.CitizenAsync(nome: "Anna");
        var (first, child, _) = await mother.CompleteDraftAsync(bando);
        Assert.Equal(HttpStatusCode.OK, (await mother.SendAsync(first)).StatusCode);
        // The father sends for the same child (flagged: the child and the mother are in the first application).
        var father = await portal.CitizenAsync(nome: "Marco");
        var (second, _, _) = await father.CompleteDraftAsync(bando, spouse: mother.Cf, child: child);
        Assert.Equal(HttpStatusCode.OK, (await father.SendAsync(second)).StatusCode);

        var funzionario = await portal.LoginAsync(Demo.Funzionario, PortalRoles.Funzionario);
        Assert.Equal(HttpStatusCode.OK, (await funzionario.PostAsJsonAsync($"/api/v1/bonus/istruttoria/domande/{first}/annullamento", new { motivo = "Richiesta della richiedente" })).StatusCode);
        // The child and the mother are still in a sent application of the call: the father's.
        var held = await portal.InBonusAsync(db => db.NucleiInvio.AsNoTracking().Where(n => n.BandoId == bando && (n.CodiceFiscale == child || n.CodiceFiscale == mother.Cf)).ToListAsync());
        Assert.Equal(2, held.Count);
        Assert.All(held, n => Assert.Equal(second, n.DomandaId));

        // A new application of the mother for the same child comes after the father's: it is flagged, pointing at it.
        var (third, _, _) = await mother.CompleteDraftAsync(bando, child: child);
        var r = await mother.SendAsync(third);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.NotNull((await r.Content.ReadFromJsonAsync<JsonObject>())!["avvisoNucleo"]?.GetValue<string>());
        var row = await portal.InBonusAsync(db => db.Domande.AsNoTracking().SingleAsync(d => d.Id == third));
        Assert.True(row.NucleoGiaRichiedente);
        Assert.Contains(second.ToString(), row.NucleoSegnalazione);
        Assert.DoesNotContain(first.ToString(), row.NucleoSegnalazione);
    }
}

/// <summary>Its own portal: the test moves the clock outside every window.</summary>
public sealed class WindowTests : IClassFixture<BonusPortal>
{
    private readonly BonusPortal _portal;

    public WindowTests(BonusPortal portal) => _portal = portal;

    [Fact]
    public async Task Sending_outside_every_window_is_refused_with_the_dates()
    {
        var c = await _portal.CitizenAsync();
        var (id, _, _) = await c.CompleteDraftAsync(await _portal.BandoIdAsync());
        // A current ISEE (valid six months) is still valid when the third window opens.
        await c.SaveAsync(id, "isee", DomandaSteps.Isee(tipo: "corrente"));
        // Between the second window's close (+28 days) and the third's opening (+40 days) of the demo recipe.
        _portal.Clock.Advance(TimeSpan.FromDays(33));
        // The session does not last a month: the parent logs in again.
        c = c with { Client = await _portal.LoginAsync(c.Cf) };
        var r = await c.SendAsync(id);
        Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
        var detail = (await r.ProblemAsync())["detail"]!.GetValue<string>();
        Assert.Contains("solo durante una finestra aperta", detail);
        Assert.Contains("Prima finestra dal ", detail);
        Assert.Contains("Terza finestra dal ", detail);
        Assert.Null(await _portal.InBonusAsync(db => db.Domande.Where(d => d.Id == id).Select(d => d.InviataUtc).SingleAsync()));
        _portal.Clock.Advance(TimeSpan.FromDays(10));
        c = c with { Client = await _portal.LoginAsync(c.Cf) };
        var third = await c.SendAsync(id);
        Assert.True(third.StatusCode == HttpStatusCode.OK, await third.Content.ReadAsStringAsync());
    }
}
