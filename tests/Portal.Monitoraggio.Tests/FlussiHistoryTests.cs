using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Monitoraggio.Data;
using Portal.Monitoraggio.Validation;
using static Portal.Monitoraggio.Tests.Feeds;
using static Portal.Monitoraggio.Tests.MonitoraggioTestHelpers;

namespace Portal.Monitoraggio.Tests;

/// <summary>Feeds of CONFIDI-MARCHE-02 over several reference dates, on a portal of their own (the dates matter here).</summary>
public class FlussiHistoryTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly SemaphoreSlim Serial = new(1, 1);

    private async Task<JsonElement> SendAndProcessAsync(HttpClient client, byte[] feed) =>
        await portal.ProcessedAsync(client, (await client.SendAsync(feed)).Id());

    [Fact]
    public async Task A_second_feed_updates_the_practices_and_keeps_their_history_and_going_back_is_a_warning()
    {
        await Serial.WaitAsync();
        try
        {
            var client = await portal.OperatoreConfidiAsync();
            var p = Unique();
            var d1 = portal.Yesterday().AddDays(-20);
            var d2 = portal.Yesterday().AddDays(-10);
            var first = await SendAndProcessAsync(client, Bytes([Fields(p + "1", d1, AltroEnte, "IN_ISTRUTTORIA"), Fields(p + "2", d1, AltroEnte, "EROGATA")]));
            Assert.Equal("Applicato", first.Stato());
            var second = await SendAndProcessAsync(client, Bytes([Fields(p + "1", d2, AltroEnte, "DELIBERATA"), Fields(p + "2", d2, AltroEnte, "EROGATA"), Fields(p + "3", d2, AltroEnte, "PRESENTATA")]));
            Assert.Equal("Applicato", second.Stato());

            var pratica = await portal.PraticaAsync(AltroEnte, p + "1");
            Assert.Equal(("DELIBERATA", d2, second.Id()), (pratica!.Stato, pratica.DataRiferimento, pratica.FlussoId));
            // History ∪ current: the replaced version up to the second feed's date, the current one from it.
            var history = await portal.InScopeAsync(sp => sp.GetRequiredService<MonitoraggioDbContext>().Storico.AsNoTracking()
                .Where(h => h.EnteCode == AltroEnte && h.IdPratica.StartsWith(p)).OrderBy(h => h.IdPratica).ThenBy(h => h.DataRiferimento).ToListAsync());
            Assert.Equal([(p + "1", d1, d2, "IN_ISTRUTTORIA")], history.Select(h => (h.IdPratica, h.DataRiferimento, h.DataFine, h.Stato)));
            Assert.Equal(d2, pratica.DataVersione);
            // The unchanged EROGATA line sent again keeps its version (no history row), and is described by the second feed.
            var unchanged = await portal.PraticaAsync(AltroEnte, p + "2");
            Assert.Equal(("EROGATA", d1, d2), (unchanged!.Stato, unchanged.DataVersione, unchanged.DataRiferimento));

            // Going back from EROGATA is a warning; nothing changes until the operator confirms.
            var back = await SendAndProcessAsync(client, Bytes([Fields(p + "2", d2.AddDays(1), AltroEnte, "IN_ISTRUTTORIA")]));
            Assert.Equal("ConAvvisi", back.Stato());
            Assert.Equal(1, back.GetProperty("conteggiPerRegola").GetProperty("W02").GetInt32());
            Assert.Equal("EROGATA", (await portal.PraticaAsync(AltroEnte, p + "2"))!.Stato);
            var cancelled = await client.PostAsync($"{Flussi}/{back.Id()}/annulla", null);
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);

            // A feed older than the last accepted one is a warning too.
            var older = await SendAndProcessAsync(client, Bytes([Fields(p + "9", d1, AltroEnte, "PRESENTATA")]));
            Assert.Equal("ConAvvisi", older.Stato());
            Assert.Equal(1, older.GetProperty("conteggiPerRegola").GetProperty("W03").GetInt32());
            await client.PostAsync($"{Flussi}/{older.Id()}/annulla", null);
        }
        finally
        {
            Serial.Release();
        }
    }

    [Fact]
    public async Task Two_feeds_sent_at_once_are_applied_one_after_the_other_in_arrival_order()
    {
        await Serial.WaitAsync();
        try
        {
            var client = await portal.OperatoreConfidiAsync();
            var p = Unique();
            var rif = portal.Yesterday();
            // Both are queued before any processing: the dispatcher and this test's processor race for them.
            var a = await client.SendAsync(Bytes(Enumerable.Range(1, 300).Select(i => Fields($"{p}{i}", rif, AltroEnte, "IN_ISTRUTTORIA"))));
            var b = await client.SendAsync(Bytes(Enumerable.Range(1, 300).Select(i => Fields($"{p}{i}", rif, AltroEnte, "DELIBERATA"))));
            var (fa, fb) = (await portal.ProcessedAsync(client, a.Id()), await portal.ProcessedAsync(client, b.Id()));
            Assert.Equal(("Applicato", "Applicato"), (fa.Stato(), fb.Stato()));
            var (doneA, startedB) = await portal.InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<MonitoraggioDbContext>();
                var x = await db.Flussi.AsNoTracking().SingleAsync(f => f.Id == a.Id());
                var y = await db.Flussi.AsNoTracking().SingleAsync(f => f.Id == b.Id());
                return (x.CompletedUtc!.Value, y.StartedUtc!.Value);
            });
            Assert.True(doneA <= startedB, $"il secondo flusso è iniziato ({startedB:O}) prima che il primo finisse ({doneA:O})");
            var states = await portal.InScopeAsync(sp => sp.GetRequiredService<MonitoraggioDbContext>().Pratiche.AsNoTracking()
                .Where(x => x.EnteCode == AltroEnte && x.IdPratica.StartsWith(p)).Select(x => x.Stato).Distinct().ToListAsync());
            Assert.Equal(["DELIBERATA"], states);
        }
        finally
        {
            Serial.Release();
        }
    }

    [Fact]
    public async Task Report_totals_equal_the_sums_of_the_underlying_rows_and_filter_by_province()
    {
        await Serial.WaitAsync();
        try
        {
            var client = await portal.OperatoreConfidiAsync();
            var rif = portal.Yesterday();
            var p = Unique();
            Assert.Equal("Applicato", (await SendAndProcessAsync(client, Clean(25, rif, AltroEnte, p))).Stato());
            var funzionario = await portal.FunzionarioAsync();
            var expected = await portal.InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<MonitoraggioDbContext>();
                return await db.Pratiche.AsNoTracking().GroupBy(x => x.Misura)
                    .Select(g => new { g.Key, N = g.Count(), R = g.Sum(x => x.ImportoRichiesto), D = g.Sum(x => x.ImportoDeliberato ?? 0), E = g.Sum(x => x.ImportoErogato ?? 0) })
                    .ToListAsync();
            });
            var rows = await funzionario.GetFromJsonAsync<JsonElement>("/api/v1/monitoraggio/report/totali?dimensione=misura");
            Assert.Equal(expected.Count, rows.GetArrayLength());
            foreach (var e in expected)
            {
                var row = rows.EnumerateArray().Single(r => r.GetProperty("chiave").GetString() == e.Key);
                Assert.Equal(e.N, row.GetProperty("pratiche").GetInt32());
                Assert.Equal(e.R / 100m, row.GetProperty("richiesto").GetDecimal());
                Assert.Equal(e.D / 100m, row.GetProperty("deliberato").GetDecimal());
                Assert.Equal(e.E / 100m, row.GetProperty("erogato").GetDecimal());
            }
            var mc = await funzionario.GetFromJsonAsync<JsonElement>("/api/v1/monitoraggio/report/totali?dimensione=provincia&provincia=MC");
            Assert.Equal("MC", Assert.Single(mc.EnumerateArray()).GetProperty("chiave").GetString());
            var all = await portal.InScopeAsync(sp => sp.GetRequiredService<MonitoraggioDbContext>().Pratiche.CountAsync(x => x.SiglaProvincia == "MC"));
            Assert.Equal(all, mc[0].GetProperty("pratiche").GetInt32());

            var progress = await funzionario.GetFromJsonAsync<JsonElement>($"/api/v1/monitoraggio/report/andamento?ente={AltroEnte}");
            Assert.Contains(progress.EnumerateArray(), x => x.GetProperty("dataRiferimento").GetString() == rif.ToString("yyyy-MM-dd"));
            var tempi = await funzionario.GetFromJsonAsync<JsonElement>("/api/v1/monitoraggio/report/tempi");
            var days = await portal.InScopeAsync(async sp => (await sp.GetRequiredService<MonitoraggioDbContext>().Pratiche.AsNoTracking()
                .Where(x => x.DataDelibera != null).Select(x => new { x.DataDomanda, x.DataDelibera }).ToListAsync())
                .Average(x => x.DataDelibera!.Value.DayNumber - x.DataDomanda.DayNumber));
            Assert.Equal(days, tempi.GetProperty("giorniMediDomandaDelibera").GetDouble(), 6);
            var enti = await funzionario.GetFromJsonAsync<JsonElement>("/api/v1/monitoraggio/report/enti");
            var confidi = enti.EnumerateArray().Single(e => e.GetProperty("codice").GetString() == AltroEnte);
            Assert.False(confidi.GetProperty("inRitardo").GetBoolean());

            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/monitoraggio/report/totali")).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await funzionario.GetAsync("/api/v1/monitoraggio/report/totali?dimensione=colore")).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await funzionario.GetAsync("/api/v1/monitoraggio/report/totali?dal=ieri")).StatusCode);
        }
        finally
        {
            Serial.Release();
        }
    }
}
