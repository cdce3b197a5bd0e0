using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Monitoraggio.Data;
using Portal.Monitoraggio.Model;
using Portal.Monitoraggio.Services;
using static Portal.Monitoraggio.Tests.Feeds;

namespace Portal.Monitoraggio.Tests;

/// <summary>The demo recipe's feeds (scope 8): decided within the recipe run by the module's processor, a trend over several dates, one rejected feed.</summary>
public class DemoRecipeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_demo_feeds_are_applied_over_several_dates_and_one_is_rejected_with_its_report()
    {
        var demo = await portal.InScopeAsync(sp => sp.GetRequiredService<MonitoraggioDbContext>().Flussi.AsNoTracking()
            .Where(f => f.FileName.StartsWith("demo-")).OrderBy(f => f.DataRiferimento).ToListAsync());
        Assert.Equal(10, demo.Count);
        var applied = demo.Where(f => f.Stato == StatoFlusso.Applicato).ToList();
        Assert.Equal(9, applied.Count);
        Assert.Equal(5, applied.Where(f => f.EnteCode == Ente).Select(f => f.DataRiferimento).Distinct().Count());
        Assert.Equal(4, applied.Where(f => f.EnteCode == AltroEnte).Select(f => f.DataRiferimento).Distinct().Count());
        Assert.All(applied, f => Assert.Equal((0, 0), (f.Errori, f.Avvisi)));
        Assert.Contains(applied, f => f.OperatorName == "Sara Conti");

        var rejected = Assert.Single(demo, f => f.Stato == StatoFlusso.Respinto);
        Assert.Equal(AltroEnte, rejected.EnteCode);
        var codes = await portal.InScopeAsync(sp => sp.GetRequiredService<MonitoraggioDbContext>().Segnalazioni.AsNoTracking()
            .Where(s => s.FlussoId == rejected.Id && !s.Avviso).Select(s => s.Campo).ToListAsync());
        Assert.Equal(rejected.Errori, codes.Count);
        Assert.Subset(codes.ToHashSet(), new HashSet<string?> { "COMUNE_ISTAT", "DATA_DOMANDA", "IMPORTO_RICHIESTO" });

        // Processed within the recipe: no processing job was queued for them.
        var ids = demo.Select(f => f.Id.ToString()).ToList();
        var jobs = await portal.InScopeAsync(sp => sp.GetRequiredService<CoreDbContext>().Outbox.AsNoTracking()
            .Where(m => m.Kind == FlussoJobs.Elabora).Select(m => m.Payload).ToListAsync());
        Assert.DoesNotContain(jobs, j => ids.Any(j.Contains));

        // The practices move forward over the dates: the trend the charts draw grows.
        var funzionario = await portal.LoginAsync(Demo.Funzionario, Core.Security.PortalRoles.Funzionario);
        var progress = await funzionario.GetFromJsonAsync<JsonElement>($"/api/v1/monitoraggio/report/andamento?ente={Ente}");
        var points = progress.EnumerateArray().Select(p => (p.GetProperty("pratiche").GetInt32(), p.GetProperty("erogato").GetDecimal())).ToList();
        Assert.True(points.Count >= 5, progress.ToString());
        Assert.True(points[^1].Item1 > points[0].Item1 && points[^1].Item2 > points[0].Item2, progress.ToString());
        var history = await portal.InScopeAsync(sp => sp.GetRequiredService<MonitoraggioDbContext>().Storico.AsNoTracking()
            .CountAsync(h => h.EnteCode == Ente && h.IdPratica.StartsWith("DEMO-")));
        Assert.True(history > 60, $"{history} righe di storico");
    }
}
