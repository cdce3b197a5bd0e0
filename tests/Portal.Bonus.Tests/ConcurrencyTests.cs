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
        await portal.RunOutboxAsync();

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
        await portal.RunOutboxAsync();
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
        await portal.RunOutboxAsync();

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

    private static IEnumerable<(string, object)> Sections(string child) =>
    [
        ("richiedente", DomandaSteps.Richiedente()),
        ("nucleo", DomandaSteps.Nucleo((child, "Figlio"))),
        ("figli", DomandaSteps.Figli(child)),
        ("isee", DomandaSteps.Isee()),
        ("occupazione", DomandaSteps.Occupazione()),
        ("dispositivo", DomandaSteps.Dispositivo()),
        ("dichiarazioni", DomandaSteps.Dichiarazioni()),
    ];
}
