using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Settings;

internal sealed class Lookups(CoreDbContext db) : ILookups
{
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<LookupValue>>> TablesAsync(IEnumerable<string> tables, CancellationToken ct = default)
    {
        var wanted = tables.Distinct().ToList();
        return (await db.Lookups.AsNoTracking().Where(l => wanted.Contains(l.Table)).OrderBy(l => l.Order).ToListAsync(ct))
            .GroupBy(l => l.Table)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<LookupValue>)g.Select(l => new LookupValue(l.Code, l.Description, l.Order)).ToList());
    }

    public Task<string?> DescriptionAsync(string table, string code, CancellationToken ct = default) =>
        db.Lookups.AsNoTracking().Where(l => l.Table == table && l.Code == code).Select(l => (string?)l.Description).FirstOrDefaultAsync(ct);
}
