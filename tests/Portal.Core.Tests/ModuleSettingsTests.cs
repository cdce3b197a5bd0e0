using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Settings;
using Portal.Testing;

namespace Portal.Core.Tests;

public class ModuleSettingsTests
{
    [Fact]
    public async Task Twenty_first_saves_of_one_new_key_at_once_all_succeed_and_leave_one_row()
    {
        using var portal = PortalFactory.Create(TestDatabase.Create());
        var key = $"Prova.Concorrenza.{Guid.NewGuid():N}";
        _ = portal.Services; // started (migrated, recipes run) before the saves race each other
        using var start = new SemaphoreSlim(0);
        var saves = Enumerable.Range(1, 20).Select(i => Task.Run(async () =>
        {
            await using var scope = portal.Services.CreateAsyncScope();
            var settings = scope.ServiceProvider.GetRequiredService<IModuleSettings>();
            await start.WaitAsync();
            await settings.SetAsync(key, $"valore {i}", $"amministratore {i}");
        })).ToList();
        start.Release(saves.Count);
        await Task.WhenAll(saves);

        var rows = await portal.InScopeAsync(sp => sp.GetRequiredService<CoreDbContext>().Settings.AsNoTracking().Where(s => s.Key == key).ToListAsync());
        var row = Assert.Single(rows);
        Assert.Matches("^valore ([1-9]|1[0-9]|20)$", row.Value);
        Assert.Equal(row.Value!.Replace("valore", "amministratore"), row.UpdatedBy);
    }

    [Fact]
    public async Task Saving_the_same_value_again_keeps_who_changed_it_and_when()
    {
        using var portal = PortalFactory.Create(TestDatabase.Create());
        var key = $"Prova.Invariato.{Guid.NewGuid():N}";
        await portal.InScopeAsync(sp => sp.GetRequiredService<IModuleSettings>().SetAsync(key, "10.0.0.0/8", "prima"));
        var first = await portal.InScopeAsync(sp => sp.GetRequiredService<CoreDbContext>().Settings.AsNoTracking().SingleAsync(s => s.Key == key));

        await portal.InScopeAsync(sp => sp.GetRequiredService<IModuleSettings>().SetAsync(key, "10.0.0.0/8", "seconda"));
        var same = await portal.InScopeAsync(sp => sp.GetRequiredService<CoreDbContext>().Settings.AsNoTracking().SingleAsync(s => s.Key == key));
        Assert.Equal(("prima", first.UpdatedUtc), (same.UpdatedBy, same.UpdatedUtc));

        await portal.InScopeAsync(sp => sp.GetRequiredService<IModuleSettings>().SetAsync(key, "192.168.0.0/16", "terza"));
        Assert.Equal("192.168.0.0/16", await portal.InScopeAsync(sp => sp.GetRequiredService<IModuleSettings>().GetAsync(key)));
        var changed = await portal.InScopeAsync(sp => sp.GetRequiredService<CoreDbContext>().Settings.AsNoTracking().SingleAsync(s => s.Key == key));
        Assert.Equal("terza", changed.UpdatedBy);
    }
}
