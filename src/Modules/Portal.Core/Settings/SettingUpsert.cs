using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Settings;

/// <summary>
/// Writes one setting in one statement, so two first saves of the same key at once (two administrators, two nodes) both
/// succeed instead of one failing on the primary key; an unchanged value keeps its date and author.
/// </summary>
internal static class SettingUpsert
{
    public static Task<int> RunAsync(CoreDbContext db, string key, string value, string? by, DateTime nowUtc, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO core_setting ("Key", "Value", "UpdatedUtc", "UpdatedBy") VALUES ({key}, {value}, {nowUtc}, {by})
            ON CONFLICT ("Key") DO UPDATE SET "Value" = excluded."Value", "UpdatedUtc" = excluded."UpdatedUtc", "UpdatedBy" = excluded."UpdatedBy"
            WHERE core_setting."Value" IS NULL OR core_setting."Value" <> excluded."Value"
            """, ct);
}
