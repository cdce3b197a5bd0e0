using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Settings;

internal sealed class ModuleSettings(CoreDbContext db, TimeProvider clock) : IModuleSettings
{
    public Task<string?> GetAsync(string key, CancellationToken ct = default) =>
        db.Settings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(ct);

    public async Task SetAsync(string key, string value, string? by, CancellationToken ct = default) =>
        await SettingUpsert.RunAsync(db, key, value, by, clock.GetUtcNow().UtcDateTime, ct);
}
