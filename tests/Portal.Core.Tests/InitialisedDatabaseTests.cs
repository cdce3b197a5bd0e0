using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Settings;
using Portal.Testing;

namespace Portal.Core.Tests;

/// <summary>
/// The test hosts' shortcut (Portal.Testing's InitialisedDatabases) must give each host the site that its own
/// initialisation would have given, in a database of its own, and never replace a database that holds anything.
/// </summary>
public class InitialisedDatabaseTests
{
    private static Task<List<string>> RecipeRunsAsync(PortalFactory portal) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<CoreDbContext>().RecipeRuns.AsNoTracking().OrderBy(r => r.Name).Select(r => r.Name).ToListAsync());

    private static Task<string?> SettingAsync(PortalFactory portal, string key) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<IModuleSettings>().GetAsync(key));

    private static Task SetAsync(PortalFactory portal, string key) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<IModuleSettings>().SetAsync(key, "sì", "test"));

    [Fact]
    public async Task A_second_host_of_the_same_kind_starts_on_its_own_copy_of_an_initialised_site()
    {
        using var first = new PortalFactory();
        _ = first.Services;
        using var second = new PortalFactory();
        _ = second.Services;

        Assert.True(second.StartedOnSnapshot);
        Assert.Equal(["demo", "setup"], await RecipeRunsAsync(second));
        Assert.Equal(["demo", "setup"], await RecipeRunsAsync(first));
        await SetAsync(second, "Prova.SoloNellaCopia");
        Assert.Equal("sì", await SettingAsync(second, "Prova.SoloNellaCopia"));
        Assert.Null(await SettingAsync(first, "Prova.SoloNellaCopia"));
    }

    [Fact]
    public async Task A_host_on_a_database_that_holds_a_site_keeps_it()
    {
        using var first = new PortalFactory();
        await SetAsync(first, "Prova.ScrittoDalPrimo");
        // A second node on the same database (it drops the database when disposed, so it goes first).
        using var second = PortalFactory.Create(first.Database);
        _ = second.Services;

        Assert.False(second.StartedOnSnapshot);
        Assert.Equal("sì", await SettingAsync(second, "Prova.ScrittoDalPrimo"));
        Assert.Equal(["demo", "setup"], await RecipeRunsAsync(second));
    }

    [Fact]
    public async Task A_host_whose_clock_was_moved_before_the_start_runs_the_recipes_itself()
    {
        using var earlier = new PortalFactory();
        _ = earlier.Services;
        using var moved = new PortalFactory();
        moved.Clock.SetUtcNow(DateTimeOffset.UtcNow.AddDays(-40));
        _ = moved.Services;

        Assert.False(moved.StartedOnSnapshot);
        var setup = await moved.InScopeAsync(sp => sp.GetRequiredService<CoreDbContext>().RecipeRuns.AsNoTracking().SingleAsync(r => r.Name == "setup"));
        Assert.True(setup.RunUtc < DateTime.UtcNow.AddDays(-39), $"La ricetta risulta eseguita il {setup.RunUtc:O}, non all'ora dell'orologio spostato.");
    }

    [Fact]
    public async Task A_host_that_fails_to_start_leaves_the_next_of_its_kind_to_initialise_and_share()
    {
        using var failing = new FailsOnceFactory();
        Assert.Equal("Avvio fallito di prova.", Assert.Throws<InvalidOperationException>(() => failing.Services).Message);
        var next = new FailsOnceFactory();
        // Waiting for the snapshot that the failed host owed would never end (nor could the blocked host be disposed).
        var started = Task.Run(() => next.Services);
        if (await Task.WhenAny(started, Task.Delay(TimeSpan.FromSeconds(90))) != started)
            Assert.Fail("Il secondo host non parte: aspetta ancora la copia che l'host fallito doveva lasciare.");
        using var disposeNext = next;
        Assert.False(next.StartedOnSnapshot);
        Assert.Equal(["demo", "setup"], await RecipeRunsAsync(next));
        using var third = new FailsOnceFactory();
        _ = third.Services;
        Assert.True(third.StartedOnSnapshot);
    }

    [Fact]
    public async Task A_host_whose_clock_is_earlier_than_the_snapshot_initialises_its_own_site()
    {
        // Two minutes back: near the real time, but before the snapshot another host of the kind leaves now.
        using var earlier = new DatedFactory();
        earlier.Clock.SetUtcNow(DateTimeOffset.UtcNow.AddMinutes(-2));
        using var first = new DatedFactory();
        _ = first.Services;
        _ = earlier.Services;

        // A copy would hold a site dated after this host's "now" (e.g. demo avvisi newer than what its tests publish).
        Assert.False(earlier.StartedOnSnapshot);
        var setup = await earlier.InScopeAsync(sp => sp.GetRequiredService<CoreDbContext>().RecipeRuns.AsNoTracking().SingleAsync(r => r.Name == "setup"));
        Assert.True(setup.RunUtc <= earlier.Clock.GetUtcNow().UtcDateTime, $"La ricetta risulta eseguita il {setup.RunUtc:O}, dopo l'ora dell'host.");
        // A host whose clock is not earlier still starts on the copy.
        using var later = new DatedFactory();
        _ = later.Services;
        Assert.True(later.StartedOnSnapshot);
    }

    /// <summary>A kind of its own, so no other test's host leaves or takes its snapshot.</summary>
    public sealed class DatedFactory : PortalFactory;

    /// <summary>A kind of host whose first start fails before its database is initialised, as a wrong setting would make it.</summary>
    public sealed class FailsOnceFactory : PortalFactory
    {
        private static int _failNext = 1;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (Interlocked.Exchange(ref _failNext, 0) == 1) throw new InvalidOperationException("Avvio fallito di prova.");
        }
    }
}
