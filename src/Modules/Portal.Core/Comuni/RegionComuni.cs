using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Settings;

namespace Portal.Core.Comuni;

/// <summary>The region's Comuni (provinces in ISiteSettings.RegionProvinces) and names of Comuni by ISTAT code, for every module.</summary>
public sealed class RegionComuni
{
    private readonly CoreDbContext _core;
    private readonly ISiteSettings _settings;

    /// <remarks>Internal: the Core database is Core's own; others get this service from the container.</remarks>
    internal RegionComuni(CoreDbContext core, ISiteSettings settings)
    {
        _core = core; _settings = settings;
    }

    public async Task<IReadOnlyList<Comune>> ListAsync(CancellationToken ct)
    {
        var provinces = (await _settings.GetAsync(ct)).RegionProvinces.Select(p => p.ToUpperInvariant()).ToList();
        return await _core.Comuni.AsNoTracking().Where(c => provinces.Contains(c.SiglaProvincia.ToUpper()))
            .OrderBy(c => c.Nome).ThenBy(c => c.CodiceIstat).ToListAsync(ct);
    }

    /// <summary>
    /// One page of the region's Comuni in name order, searched by (part of the) name and optionally limited to or
    /// excluding some ISTAT codes, counted and paged in the database.
    /// </summary>
    public async Task<(IReadOnlyList<Comune> Page, int Total)> PageAsync(string? name, IReadOnlyCollection<string>? only,
        IReadOnlyCollection<string>? except, int skip, int take, CancellationToken ct)
    {
        var provinces = (await _settings.GetAsync(ct)).RegionProvinces.Select(p => p.ToUpperInvariant()).ToList();
        var query = _core.Comuni.AsNoTracking().Where(c => provinces.Contains(c.SiglaProvincia.ToUpper()));
        if (!string.IsNullOrWhiteSpace(name))
        {
            var lower = name.Trim().ToLowerInvariant();
            query = query.Where(c => c.Nome.ToLower().Contains(lower));
        }
        if (only is not null) query = query.Where(c => only.Contains(c.CodiceIstat));
        if (except is not null && except.Count > 0) query = query.Where(c => !except.Contains(c.CodiceIstat));
        var total = await query.CountAsync(ct);
        var page = await query.OrderBy(c => c.Nome).ThenBy(c => c.CodiceIstat).Skip(skip).Take(take).ToListAsync(ct);
        return (page, total);
    }

    /// <summary>The named Comuni that exist, by ISTAT code, with whether they belong to the region.</summary>
    public async Task<Dictionary<string, (Comune Comune, bool InRegion)>> FindAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var list = codes.Distinct().ToList();
        var provinces = (await _settings.GetAsync(ct)).RegionProvinces;
        var found = await _core.Comuni.AsNoTracking().Where(c => list.Contains(c.CodiceIstat)).ToListAsync(ct);
        return found.ToDictionary(c => c.CodiceIstat, c => (c, provinces.Contains(c.SiglaProvincia)));
    }

    /// <summary>The sigla of every province that has Comuni in the register (all of Italy, not only the region).</summary>
    public async Task<IReadOnlySet<string>> ProvinceSigleAsync(CancellationToken ct) =>
        (await _core.Comuni.AsNoTracking().Select(c => c.SiglaProvincia).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The sigla della provincia of every Comune in the register (all of Italy), by ISTAT code.</summary>
    public async Task<Dictionary<string, string>> ProvinceByCodeAsync(CancellationToken ct) =>
        await _core.Comuni.AsNoTracking().ToDictionaryAsync(c => c.CodiceIstat, c => c.SiglaProvincia, ct);

    public async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var list = codes.Distinct().ToList();
        return await _core.Comuni.AsNoTracking().Where(c => list.Contains(c.CodiceIstat))
            .ToDictionaryAsync(c => c.CodiceIstat, c => c.Nome, ct);
    }

    /// <summary>The Comune (anywhere in Italy) with this cadastral code, the one in the codice fiscale.</summary>
    public Task<Comune?> FindByCatastaleAsync(string codiceCatastale, CancellationToken ct) =>
        _core.Comuni.AsNoTracking().FirstOrDefaultAsync(c => c.CodiceCatastale == codiceCatastale, ct);

    /// <summary>ISTAT codes of Comuni named so (case-insensitive), at most <paramref name="take"/>.</summary>
    public async Task<IReadOnlyList<string>> CodesByNameAsync(string name, int take, CancellationToken ct)
    {
        var lower = name.ToLowerInvariant();
        return await _core.Comuni.AsNoTracking().Where(c => c.Nome.ToLower() == lower).OrderBy(c => c.CodiceIstat).Select(c => c.CodiceIstat).Take(take).ToListAsync(ct);
    }
}
