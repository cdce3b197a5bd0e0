using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Monitoraggio.Data;
using static Portal.Monitoraggio.Tests.Feeds;
using static Portal.Monitoraggio.Tests.MonitoraggioTestHelpers;

namespace Portal.Monitoraggio.Tests;

/// <summary>
/// The history holds the versions a feed replaced (state, measure, province, amounts), the practice row the current one:
/// a line sent again unchanged writes no history row, a changed one does, a line dated before the held version is placed
/// between the versions around it; the progress report is, on every date, the sum of the versions that held then.
/// A portal of its own (its dates must not meet other classes' feeds of CONFIDI-MARCHE-02).
/// </summary>
public class StoricoVersioniTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>Sends and processes a feed; one whose only warnings are expected here (older date, state going back) is confirmed.</summary>
    private async Task ApplyAsync(HttpClient client, byte[] feed, bool warnings = false)
    {
        var flusso = await portal.ProcessedAsync(client, (await client.SendAsync(feed)).Id());
        if (flusso.Stato() == "ConAvvisi" && warnings)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"{Flussi}/{flusso.Id()}/conferma", null)).StatusCode);
            flusso = await portal.ProcessedAsync(client, flusso.Id());
        }
        Assert.True(flusso.Stato() == "Applicato", flusso.ToString());
    }

    [Fact]
    public async Task An_unchanged_line_sent_again_adds_no_history_row_a_changed_one_does_and_progress_sums_the_versions_of_each_date()
    {
        var client = await portal.OperatoreConfidiAsync();
        var p = Unique();
        var y = portal.Yesterday();
        var (d1, d2, dx, d3) = (y.AddDays(-9), y.AddDays(-6), y.AddDays(-4), y.AddDays(-3));
        // Whether the demo's feeds of the ente are older or newer than these dates, any W03 is confirmed.
        await ApplyAsync(client, Bytes([Fields(p + "A", d1, AltroEnte, "IN_ISTRUTTORIA"), Fields(p + "B", d1, AltroEnte, "IN_ISTRUTTORIA")]), warnings: true);
        await ApplyAsync(client, Bytes([Fields(p + "A", d2, AltroEnte, "IN_ISTRUTTORIA"), Fields(p + "B", d2, AltroEnte, "DELIBERATA"),
            Fields(p + "C", d2, AltroEnte, "PRESENTATA")]), warnings: true);
        Assert.Equal([(p + "B", d1, d2, "IN_ISTRUTTORIA")], await HistoryAsync(p));
        var a = await portal.PraticaAsync(AltroEnte, p + "A");
        Assert.Equal(("IN_ISTRUTTORIA", d1, d2), (a!.Stato, a.DataVersione, a.DataRiferimento));
        Assert.Equal(d2, (await portal.PraticaAsync(AltroEnte, p + "C"))!.DataVersione);

        await ApplyAsync(client, Bytes([Fields(p + "B", d3, AltroEnte, "EROGATA")]), warnings: true);
        Assert.Equal([(p + "B", d1, d2, "IN_ISTRUTTORIA"), (p + "B", d2, d3, "DELIBERATA")], await HistoryAsync(p));

        // A feed older than the last accepted one (W03, confirmed): its line goes into the history at its date, the version
        // that covered that date ends there, and the later description stays the practice's current one.
        await ApplyAsync(client, Bytes([Fields(p + "B", dx, AltroEnte, "EROGATA")]), warnings: true);
        Assert.Equal([(p + "B", d1, d2, "IN_ISTRUTTORIA"), (p + "B", d2, dx, "DELIBERATA"), (p + "B", dx, d3, "EROGATA")], await HistoryAsync(p));
        var b = await portal.PraticaAsync(AltroEnte, p + "B");
        Assert.Equal(("EROGATA", d3, d3), (b!.Stato, b.DataVersione, b.DataRiferimento));

        await AssertVersionsTileAsync(p);
        await AssertProgressSumsTheVersionsAsync(d1, dx, d3);
    }

    [Fact]
    public async Task An_older_feed_confirmed_after_an_unchanged_resend_goes_into_the_history_and_the_later_observation_stays_current()
    {
        var client = await portal.OperatoreConfidiAsync();
        var p = Unique();
        var y = portal.Yesterday();
        // Dates of their own (the other test's are y-9 … y-3).
        var (d1, dx, d2) = (y.AddDays(-30), y.AddDays(-25), y.AddDays(-20));
        await ApplyAsync(client, Bytes([Fields(p + "A", d1, AltroEnte, "IN_ISTRUTTORIA")]), warnings: true);
        // Sent again unchanged: no history row, the version still holds from d1, the practice is known as of d2.
        await ApplyAsync(client, Bytes([Fields(p + "A", d2, AltroEnte, "IN_ISTRUTTORIA")]), warnings: true);
        Assert.Empty(await HistoryAsync(p));
        var a = await portal.PraticaAsync(AltroEnte, p + "A");
        Assert.Equal(("IN_ISTRUTTORIA", d1, d2), (a!.Stato, a.DataVersione, a.DataRiferimento));

        // An older feed (d1 < dx < d2, W03 confirmed) says DELIBERATA at dx: it is placed in the history between d1 and d2, and
        // the description observed at d2 stays current (from d2: at dx the practice was DELIBERATA).
        await ApplyAsync(client, Bytes([Fields(p + "A", dx, AltroEnte, "DELIBERATA")]), warnings: true);
        Assert.Equal([(p + "A", d1, dx, "IN_ISTRUTTORIA"), (p + "A", dx, d2, "DELIBERATA")], await HistoryAsync(p));
        a = await portal.PraticaAsync(AltroEnte, p + "A");
        Assert.Equal(("IN_ISTRUTTORIA", d2, d2, (long?)null), (a!.Stato, a.DataVersione, a.DataRiferimento, a.ImportoDeliberato));

        // The invariants of the history: each practice's versions (history ∪ current) tile its time without gaps or overlaps.
        await AssertVersionsTileAsync(p);
        await AssertProgressSumsTheVersionsAsync(d1, dx, d2);
    }

    private async Task AssertVersionsTileAsync(string prefix)
    {
        var (history, current) = await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MonitoraggioDbContext>();
            var h = await db.Storico.AsNoTracking().Where(x => x.EnteCode == AltroEnte && x.IdPratica.StartsWith(prefix))
                .Select(x => new { x.IdPratica, x.DataRiferimento, x.DataFine }).ToListAsync();
            var c = await db.Pratiche.AsNoTracking().Where(x => x.EnteCode == AltroEnte && x.IdPratica.StartsWith(prefix))
                .Select(x => new { x.IdPratica, x.DataVersione, x.DataRiferimento }).ToListAsync();
            return (h, c);
        });
        foreach (var practice in current)
        {
            Assert.True(practice.DataVersione <= practice.DataRiferimento, practice.ToString());
            var from = history.Where(h => h.IdPratica == practice.IdPratica).OrderBy(h => h.DataRiferimento).ToList();
            for (var i = 0; i < from.Count; i++)
            {
                Assert.True(from[i].DataRiferimento < from[i].DataFine, from[i].ToString());
                Assert.Equal(i + 1 < from.Count ? from[i + 1].DataRiferimento : practice.DataVersione, from[i].DataFine);
            }
        }
    }

    /// <summary>Progress: on every date, the practices in the version that held then, summed from the rows themselves.</summary>
    private async Task AssertProgressSumsTheVersionsAsync(params DateOnly[] expected)
    {
        var (history, current) = await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MonitoraggioDbContext>();
            var h = await db.Storico.AsNoTracking().Where(x => x.EnteCode == AltroEnte)
                .Select(x => new Version(x.DataRiferimento, x.DataFine, x.ImportoRichiesto, x.ImportoDeliberato ?? 0, x.ImportoErogato ?? 0)).ToListAsync();
            var c = await db.Pratiche.AsNoTracking().Where(x => x.EnteCode == AltroEnte)
                .Select(x => new Version(x.DataVersione, DateOnly.MaxValue, x.ImportoRichiesto, x.ImportoDeliberato ?? 0, x.ImportoErogato ?? 0)).ToListAsync();
            return (h, c);
        });
        var versions = history.Concat(current).ToList();
        var funzionario = await portal.FunzionarioAsync();
        var progress = await funzionario.GetFromJsonAsync<JsonElement>($"/api/v1/monitoraggio/report/andamento?ente={AltroEnte}");
        var dates = progress.EnumerateArray().Select(x => DateOnly.Parse(x.GetProperty("dataRiferimento").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        foreach (var d in expected) Assert.Contains(d, dates);
        foreach (var point in progress.EnumerateArray())
        {
            var date = DateOnly.Parse(point.GetProperty("dataRiferimento").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            var held = versions.Where(v => v.From <= date && date < v.To).ToList();
            Assert.Equal((date, held.Count, held.Sum(v => v.Richiesto) / 100m, held.Sum(v => v.Deliberato) / 100m, held.Sum(v => v.Erogato) / 100m),
                (date, point.GetProperty("pratiche").GetInt32(), point.GetProperty("richiesto").GetDecimal(), point.GetProperty("deliberato").GetDecimal(),
                    point.GetProperty("erogato").GetDecimal()));
        }
    }

    private sealed record Version(DateOnly From, DateOnly To, long Richiesto, long Deliberato, long Erogato);

    private Task<List<(string, DateOnly, DateOnly, string)>> HistoryAsync(string prefix) =>
        portal.InScopeAsync(async sp => (await sp.GetRequiredService<MonitoraggioDbContext>().Storico.AsNoTracking()
            .Where(h => h.EnteCode == AltroEnte && h.IdPratica.StartsWith(prefix)).OrderBy(h => h.IdPratica).ThenBy(h => h.DataRiferimento).ToListAsync())
            .Select(h => (h.IdPratica, h.DataRiferimento, h.DataFine, h.Stato)).ToList());
}
