using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Bonus.Model;
using Portal.Bonus.Services;
using Portal.Contents.Contracts;

namespace Portal.Bonus.Tests;

/// <summary>A section saved between the sending's read of the application and its claim: the sending is refused, not made with the old copy.</summary>
[Collection(BonusCollection.Name)]
public sealed class SendRaceTests(BonusPortal portal)
{
    [Fact]
    public async Task A_household_saved_while_the_application_is_being_sent_makes_the_sending_refused()
    {
        var bando = await portal.BandoIdAsync();
        // The mother sends for the child first.
        var mother = await portal.CitizenAsync(nome: "Maria");
        var (motherApp, child, _) = await mother.CompleteDraftAsync(bando);
        Assert.Equal(HttpStatusCode.OK, (await mother.SendAsync(motherApp)).StatusCode);

        var trigger = new SaveTrigger();
        var host = portal.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            var original = s.Last(x => x.ServiceType == typeof(IFinestre));
            s.Remove(original);
            s.AddScoped<IFinestre>(sp => new RacingFinestre(
                (IFinestre)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!), trigger, sp.GetRequiredService<IServiceScopeFactory>()));
        }));
        var father = await portal.CitizenAsync(nome: "Paolo");
        father = father with { Client = await host.LoginAsync(father.Cf) };
        var (id, _, spouse) = await father.CompleteDraftAsync(bando);

        // While the sending checks the windows, the father's other tab saves the household with the mother's child
        // (committed, from its own scope, as a request would).
        trigger.Arm(async sp =>
        {
            var user = BonusPortal.Principal(father.PersonId, father.Cf);
            var nucleo = DomandaSteps.Nucleo((spouse, "Coniuge"), (child, "Figlio"));
            await sp.GetRequiredService<DomandeService>().SaveSectionAsync(user, id, "nucleo", JsonSerializer.SerializeToElement(nucleo), default);
        });
        var r = await father.SendAsync(id);
        Assert.True(trigger.Fired);
        Assert.True(r.StatusCode == HttpStatusCode.Conflict, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        Assert.Equal("La domanda è stata modificata nel frattempo: ricarica la pagina e riprova.", (await r.ProblemAsync())["detail"]!.GetValue<string>());

        var row = await portal.InBonusAsync(db => db.Domande.AsNoTracking().Include(d => d.Componenti).SingleAsync(d => d.Id == id));
        Assert.Equal(StatoDomanda.Bozza, row.Stato);
        Assert.Null(row.InviataUtc);
        Assert.Contains(row.Componenti, c => c.CodiceFiscale == child);
        Assert.Equal(0, await portal.InBonusAsync(db => db.NucleiInvio.CountAsync(n => n.DomandaId == id)));
        var subject = id.ToString();
        var payloads = await portal.InCoreAsync(db => db.Outbox.AsNoTracking().Where(o => o.Kind == "protocollo").Select(o => o.Payload).ToListAsync());
        Assert.DoesNotContain(payloads, p => p.Contains(subject, StringComparison.Ordinal));
    }

    /// <summary>Runs its action once, when armed, from a new scope.</summary>
    private sealed class SaveTrigger
    {
        private Func<IServiceProvider, Task>? _action;
        public bool Fired { get; private set; }

        public void Arm(Func<IServiceProvider, Task> action) => Volatile.Write(ref _action, action);

        public async Task RunAsync(IServiceScopeFactory scopes)
        {
            if (Interlocked.Exchange(ref _action, null) is not { } action) return;
            await using var scope = scopes.CreateAsyncScope();
            await action(scope.ServiceProvider);
            Fired = true;
        }
    }

    /// <summary>The portal's windows, with the armed save run where the sending reads them (between its read and its claim).</summary>
    private sealed class RacingFinestre(IFinestre inner, SaveTrigger trigger, IServiceScopeFactory scopes) : IFinestre
    {
        public Task<FinestraInfo?> GetAsync(Guid finestraId, CancellationToken ct = default) => inner.GetAsync(finestraId, ct);

        public async Task<IReadOnlyList<FinestraInfo>> ForAvvisoAsync(Guid avvisoId, CancellationToken ct = default)
        {
            await trigger.RunAsync(scopes);
            return await inner.ForAvvisoAsync(avvisoId, ct);
        }

        public Task<FinestraState?> StateNowAsync(Guid finestraId, CancellationToken ct = default) => inner.StateNowAsync(finestraId, ct);

        public Task<ServiceFinestra?> OfServiceAsync(Guid finestraId, ServiceDeclaration service, CancellationToken ct = default) =>
            inner.OfServiceAsync(finestraId, service, ct);

        public Task<IReadOnlyList<AvvisoInfo>> AvvisiOfServiceAsync(string serviceCode, CancellationToken ct = default) =>
            inner.AvvisiOfServiceAsync(serviceCode, ct);
    }
}
