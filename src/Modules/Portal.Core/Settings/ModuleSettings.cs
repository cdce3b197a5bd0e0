using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Settings;

internal sealed class ModuleSettings(CoreDbContext db, TimeProvider clock) : IModuleSettings
{
    public Task<string?> GetAsync(string key, CancellationToken ct = default) =>
        db.Settings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(ct);

    public async Task SetAsync(string key, string value, string? by, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var setting = await db.Settings.FirstOrDefaultAsync(s => s.Key == key, ct);
        if (setting is null) db.Settings.Add(new SiteSetting { Key = key, Value = value, UpdatedUtc = now, UpdatedBy = by });
        else if (setting.Value != value) (setting.Value, setting.UpdatedUtc, setting.UpdatedBy) = (value, now, by);
        await db.SaveChangesAsync(ct);
    }
}
