using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Bonus.Model;
using Portal.Bonus.Services;

namespace Portal.Bonus.Tests;

/// <summary>Double clicks, retries and a surge: one sending and one protocol number per application, gapless numbers in confirmation order.</summary>
[Collection(BonusCollection.Name)]
public sealed class ConcurrencyTests(BonusPortal portal)
{
    [Fact]
    public async Task Fifty_concurrent_sends_of_one_application_give_one_sending_and_one_protocol_number()
    {
        var c = await portal.CitizenAsync();
        var (id, _, _) = await c.CompleteDraftAsync(await portal.BandoIdAsync());
        // Half retry with the same key, half with their own key, some with none: a double click, retries, two tabs.
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            c.SendAsync(id, i % 3 == 0 ? "stessa-chiave" : i % 3 == 1 ? $"chiave-{i}" : null)));
        foreach (var r in responses) Assert.True(r.StatusCode == HttpStatusCode.OK, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<JsonObject>()));
        Assert.Single(bodies.Select(b => b!["inviataIl"]!.GetValue<DateTime>()).Distinct());
        Assert.Equal(49, bodies.Count(b => b!["giaInviata"]!.GetValue<bool>()));
        await portal.DrainOutboxAsync();

        var subject = id.ToString();
        Assert.Equal(1, await portal.InProtocolAsync(db => db.Entries.CountAsync(p => p.SubjectType == Domanda.SubjectType && p.SubjectId == subject)));
        Assert.Equal(1, await portal.InProtocolAsync(db => db.Receipts.CountAsync(p => p.SubjectType == Domanda.SubjectType && p.SubjectId == subject)));
        var sendings = await portal.InScopeAsync(async sp =>
        {
            var engine = sp.GetRequiredService<Portal.Workflows.Engine.IWorkflowEngine>();
            var instance = await engine.FindAsync(Domanda.SubjectType, subject);
            return (await engine.HistoryAsync(instance!.Id)).Count(h => h.Transition == "invia");
        });
        Assert.Equal(1, sendings);
        // A later retry with a key already used answers the same sending.
        var retry = await c.SendAsync(id, "stessa-chiave");
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.True((await retry.Content.ReadFromJsonAsync<JsonObject>())!["giaInviata"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_idempotency_key_used_for_one_application_is_refused_for_another()
    {
        var c = await portal.CitizenAsync();
        var bando = await portal.BandoIdAsync();
        var (id, _, _) = await c.CompleteDraftAsync(bando);
        Assert.Equal(HttpStatusCode.OK, (await c.SendAsync(id, "chiave-unica")).StatusCode);
        await portal.DrainOutboxAsync();
        var funzionario = await portal.LoginAsync(Demo.Funzionario, Portal.Core.Security.PortalRoles.Funzionario);
        Assert.Equal(HttpStatusCode.OK, (await funzionario.PostAsJsonAsync($"/api/v1/bonus/istruttoria/domande/{id}/annullamento", new { motivo = "Richiesta telefonica" })).StatusCode);
        var (second, _, _) = await c.CompleteDraftAsync(bando);
        var r = await c.SendAsync(second, "chiave-unica");
        Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
        Assert.Contains("Idempotency-Key", (await r.ProblemAsync())["detail"]!.GetValue<string>());
        Assert.Equal((HttpStatusCode)422, (await c.SendAsync(second, "chiave con spazi")).StatusCode);
    }

    [Fact]
    public async Task Five_hundred_citizens_sending_at_once_get_gapless_protocol_numbers_in_confirmation_order()
    {
        const int n = 500;
        var bando = await portal.BandoIdAsync();
        var pdf = TestFiles.Pdf("ISEE");
        var drafts = new List<(Guid Person, string Cf, Guid Domanda)>();
        for (var i = 0; i < n; i++)
        {
            var (cf, personId) = await portal.NewPersonAsync("Rossi", $"Persona{i}");
            var user = BonusPortal.Principal(personId, cf);
            var id = await portal.InScopeAsync(async sp =>
            {
                await SaveAnagraficaAsync(sp, personId, cf);
                var s = sp.GetRequiredService<DomandeService>();
                var d = await s.CreateAsync(user, bando, default);
                var child = TestCodiciFiscali.Make("RSS", "FGL", new DateOnly(2008, 1, 1).AddDays(i), place: "A271");
                foreach (var (sezione, body) in Sections(child))
                    await s.SaveSectionAsync(user, d.Id, sezione, JsonSerializer.SerializeToElement(body), default);
                await s.UploadIseeAsync(user, d.Id, "isee.pdf", new MemoryStream(pdf), default);
                return d.Id;
            });
            drafts.Add((personId, cf, id));
        }
        var outcomes = await Task.WhenAll(drafts.Select(d => Task.Run(() => portal.InScopeAsync(sp =>
            sp.GetRequiredService<DomandaInvio>().SendAsync(BonusPortal.Principal(d.Person, d.Cf), d.Domanda, null, default)))));
        Assert.All(outcomes, o => Assert.NotNull(o.Domanda?.InviataUtc));
        await portal.DrainOutboxAsync();

        var ids = drafts.Select(d => d.Domanda.ToString()).ToHashSet();
        var entries = (await portal.InProtocolAsync(db => db.Entries.AsNoTracking().Where(p => p.SubjectType == Domanda.SubjectType).ToListAsync()))
            .Where(p => ids.Contains(p.SubjectId)).OrderBy(p => p.Number).ToList();
        Assert.Equal(n, entries.Count);
        Assert.Equal(n, entries.Select(e => e.SubjectId).Distinct().Count());
        // Gapless: consecutive numbers (other tests of this portal may have taken numbers before and after).
        for (var i = 1; i < entries.Count; i++) Assert.Equal(entries[i - 1].Number + 1, entries[i].Number);
        // Confirmation order: the numbers follow the order in which the sendings' protocol requests were committed.
        var queued = (await portal.InCoreAsync(db => db.Outbox.AsNoTracking().Where(o => o.Kind == "protocollo").OrderBy(o => o.Id).Select(o => o.Payload).ToListAsync()))
            .Select(p => JsonDocument.Parse(p).RootElement.GetProperty("subjectId").GetString()!).Where(ids.Contains).ToList();
        Assert.Equal(queued, entries.Select(e => e.SubjectId).ToList());
    }

    [Fact]
    public async Task Two_members_of_a_family_sending_at_the_same_instant_the_second_is_flagged()
    {
        // Twenty families of two parents (each lists the other and their child), all forty sendings released together:
        // in every family exactly one application is flagged, the one sent second, pointing at the other.
        const int families = 20;
        var bando = await portal.BandoIdAsync();
        var pdf = TestFiles.Pdf("ISEE");
        var parents = new List<(int Family, Guid Person, string Cf, Guid Domanda)>();
        // One child per family, never the same CF in two families (else both parents of the later one are rightly flagged).
        var firstBirth = new DateOnly(2007, 1, 1).AddDays(Random.Shared.Next(0, 3000));
        for (var f = 0; f < families; f++)
        {
            var a = await portal.NewPersonAsync("Conti", $"Madre{f}");
            var b = await portal.NewPersonAsync("Conti", $"Padre{f}");
            var child = TestCodiciFiscali.Make("CNT", "FGL", firstBirth.AddDays(f), place: "A271");
            foreach (var (me, other) in new[] { (a, b), (b, a) })
            {
                var user = BonusPortal.Principal(me.Id, me.Cf);
                var id = await portal.InScopeAsync(async sp =>
                {
                    await SaveAnagraficaAsync(sp, me.Id, me.Cf);
                    var s = sp.GetRequiredService<DomandeService>();
                    var d = await s.CreateAsync(user, bando, default);
                    foreach (var (sezione, body) in Sections(child, other.Cf))
                        await s.SaveSectionAsync(user, d.Id, sezione, JsonSerializer.SerializeToElement(body), default);
                    await s.UploadIseeAsync(user, d.Id, "isee.pdf", new MemoryStream(pdf), default);
                    return d.Id;
                });
                parents.Add((f, me.Id, me.Cf, id));
            }
        }
        using var start = new Barrier(parents.Count);
        var outcomes = await Task.WhenAll(parents.Select(p => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            return portal.InScopeAsync(sp => sp.GetRequiredService<DomandaInvio>().SendAsync(BonusPortal.Principal(p.Person, p.Cf), p.Domanda, null, default));
        }, TaskCreationOptions.LongRunning).Unwrap()));
        Assert.All(outcomes, o => Assert.NotNull(o.Domanda?.InviataUtc));

        var ids = parents.Select(p => p.Domanda).ToList();
        var rows = await portal.InBonusAsync(db => db.Domande.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.InviataUtc, d.NucleoGiaRichiedente, d.NucleoSegnalazione }).ToListAsync());
        foreach (var family in parents.GroupBy(p => p.Family))
        {
            var pair = family.Select(p => rows.Single(r => r.Id == p.Domanda)).ToList();
            var flagged = pair.Where(r => r.NucleoGiaRichiedente).ToList();
            Assert.True(flagged.Count == 1, $"famiglia {family.Key}: {flagged.Count} domande segnalate su 2");
            var other = pair.Single(r => !r.NucleoGiaRichiedente);
            Assert.Contains(other.Id.ToString(), flagged[0].NucleoSegnalazione);
            Assert.True(other.InviataUtc <= flagged[0].InviataUtc, $"famiglia {family.Key}: segnalata la prima inviata");
            // The warning went to the one flagged, and only to it.
            Assert.NotNull(outcomes[parents.FindIndex(p => p.Domanda == flagged[0].Id)].AvvisoNucleo);
            Assert.Null(outcomes[parents.FindIndex(p => p.Domanda == other.Id)].AvvisoNucleo);
        }
        // Each CF of a family is held by exactly one sent application.
        var cfs = parents.Select(p => p.Cf).ToList();
        var held = await portal.InBonusAsync(db => db.NucleiInvio.AsNoTracking().Where(n => n.BandoId == bando && cfs.Contains(n.CodiceFiscale)).ToListAsync());
        Assert.Equal(cfs.Count, held.Count);
        await portal.DrainOutboxAsync();
    }

    private static async Task SaveAnagraficaAsync(IServiceProvider sp, Guid personId, string cf)
    {
        var db = sp.GetRequiredService<Portal.Anagrafica.Data.AnagraficaDbContext>();
        db.Records.Add(new Portal.Anagrafica.Model.AnagraficaRecord
        {
            PersonId = personId, CodiceFiscale = cf, Cognome = "Rossi", Nome = "Persona",
            Residenza = new() { Via = "Via Roma", Civico = "1", Cap = "60121", ComuneIstat = "042002" },
            FirstSavedUtc = DateTime.UtcNow, LastSavedUtc = DateTime.UtcNow, Version = 1,
        });
        await db.SaveChangesAsync();
    }

    private static IEnumerable<(string, object)> Sections(string child, string? spouse = null) =>
    [
        ("richiedente", DomandaSteps.Richiedente()),
        ("nucleo", spouse is null ? DomandaSteps.Nucleo((child, "Figlio")) : DomandaSteps.Nucleo((spouse, "Coniuge"), (child, "Figlio"))),
        ("figli", DomandaSteps.Figli(child)),
        ("isee", DomandaSteps.Isee()),
        ("occupazione", DomandaSteps.Occupazione()),
        ("dispositivo", DomandaSteps.Dispositivo()),
        ("dichiarazioni", DomandaSteps.Dichiarazioni()),
    ];
}
