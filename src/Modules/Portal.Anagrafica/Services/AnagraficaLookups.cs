using Microsoft.EntityFrameworkCore;
using Portal.Anagrafica.Data;
using Portal.Core.Data;

namespace Portal.Anagrafica.Services;

/// <summary>A coded value as the search-select shows it: "CN - CELIBE/NUBILE".</summary>
public sealed record CodedValue(string Code, string Description)
{
    public string Display => $"{Code} - {Description}";
}

/// <summary>The look-up tables the form uses, read once per request.</summary>
public sealed class AnagraficaLookups(CoreDbContext core, AnagraficaDbContext db)
{
    public const string StatoCivile = "statoCivile";
    public const string TitoloStudio = "titoloStudio";
    public const string TitoloSoggiorno = "titoloSoggiorno";
    /// <summary>Core look-up: code = ISTAT code of a Comune, description = its CAP ("60015", "60121-60131", "61121,61122").</summary>
    public const string CapComune = "capComune";

    private Dictionary<string, IReadOnlyList<CodedValue>>? _tables;
    private IReadOnlyList<Cittadinanza>? _cittadinanze;

    public sealed record Cittadinanza(string Code, string Description, bool Ue);

    public async Task<IReadOnlyList<CodedValue>> TableAsync(string table, CancellationToken ct)
    {
        _tables ??= (await core.Lookups.AsNoTracking()
                .Where(l => l.Table == StatoCivile || l.Table == TitoloStudio || l.Table == TitoloSoggiorno)
                .OrderBy(l => l.Order).ToListAsync(ct))
            .GroupBy(l => l.Table)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CodedValue>)g.Select(l => new CodedValue(l.Code, l.Description)).ToList());
        return _tables.GetValueOrDefault(table) ?? [];
    }

    public async Task<IReadOnlyList<Cittadinanza>> CittadinanzeAsync(CancellationToken ct) =>
        _cittadinanze ??= await db.Stati.AsNoTracking().OrderBy(s => s.Order).ThenBy(s => s.Denominazione)
            .Select(s => new Cittadinanza(s.Codice, s.Denominazione, s.Ue)).ToListAsync(ct);

    public async Task<string?> CapOfComuneAsync(string istat, CancellationToken ct) =>
        await core.Lookups.AsNoTracking().Where(l => l.Table == CapComune && l.Code == istat).Select(l => l.Description).FirstOrDefaultAsync(ct);

    /// <summary>"042002 - Ancona (AN)" for a known ISTAT code.</summary>
    public async Task<string?> ComuneDisplayAsync(string? istat, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(istat)) return null;
        var c = await core.Comuni.AsNoTracking().FirstOrDefaultAsync(x => x.CodiceIstat == istat, ct);
        return c is null ? istat : $"{c.CodiceIstat} - {c.Nome} ({c.SiglaProvincia})";
    }

    /// <summary>The birth place a cadastral code names: "Roma (RM)" or "Regno Unito (stato estero)".</summary>
    public async Task<string?> BirthPlaceAsync(string codiceCatastale, CancellationToken ct)
    {
        if (codiceCatastale.StartsWith('Z'))
        {
            var state = await db.Stati.AsNoTracking().FirstOrDefaultAsync(s => s.CodiceCatastale == codiceCatastale, ct);
            return state is null ? null : $"{state.Denominazione} (stato estero)";
        }
        var comune = await core.Comuni.AsNoTracking().FirstOrDefaultAsync(c => c.CodiceCatastale == codiceCatastale, ct);
        return comune is null ? null : $"{comune.Nome} ({comune.SiglaProvincia})";
    }
}
