using Microsoft.EntityFrameworkCore;
using Portal.Core.Comuni;
using Portal.Core.Data;
using Portal.Core.Settings;

namespace Portal.Accreditamenti.Services;

/// <summary>The Comuni an operator can be accredited for: those of the region's provinces (ISiteSettings.RegionProvinces).</summary>
public sealed class RegionComuni(CoreDbContext core, ISiteSettings settings)
{
    public async Task<IReadOnlyList<Comune>> ListAsync(CancellationToken ct)
    {
        var provinces = (await settings.GetAsync(ct)).RegionProvinces;
        return await core.Comuni.AsNoTracking().Where(c => provinces.Contains(c.SiglaProvincia))
            .OrderBy(c => c.Nome).ToListAsync(ct);
    }

    /// <summary>The named Comuni that exist, by ISTAT code, with whether they belong to the region.</summary>
    public async Task<Dictionary<string, (Comune Comune, bool InRegion)>> FindAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var list = codes.Distinct().ToList();
        var provinces = (await settings.GetAsync(ct)).RegionProvinces;
        var found = await core.Comuni.AsNoTracking().Where(c => list.Contains(c.CodiceIstat)).ToListAsync(ct);
        return found.ToDictionary(c => c.CodiceIstat, c => (c, provinces.Contains(c.SiglaProvincia)));
    }

    public async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var list = codes.Distinct().ToList();
        return await core.Comuni.AsNoTracking().Where(c => list.Contains(c.CodiceIstat))
            .ToDictionaryAsync(c => c.CodiceIstat, c => c.Nome, ct);
    }
}
