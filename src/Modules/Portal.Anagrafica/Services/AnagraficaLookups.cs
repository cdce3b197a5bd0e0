using Microsoft.EntityFrameworkCore;
using Portal.Anagrafica.Data;
using Portal.Core.Comuni;
using Portal.Core.Settings;

namespace Portal.Anagrafica.Services;

/// <summary>
/// A coded value; the search-select shows people its description only ("CELIBE/NUBILE"), the code is the registry's.
/// What is typed back is matched by description (or, from programs and older forms, by "CODE - DESCRIPTION").
/// </summary>
public sealed record CodedValue(string Code, string Description)
{
    public string Display => Description;
}

/// <summary>The look-up tables the form uses, read once per request.</summary>
public sealed class AnagraficaLookups(ILookups coreLookups, RegionComuni comuni, AnagraficaDbContext db)
{
    public const string StatoCivile = "statoCivile";
    public const string TitoloStudio = "titoloStudio";
    public const string TitoloSoggiorno = "titoloSoggiorno";
    /// <summary>Core look-up: code = ISTAT code of a Comune, description = its CAP ("60015", "60121-60131", "61121,61122").</summary>
    public const string CapComune = "capComune";

    private Dictionary<string, IReadOnlyList<CodedValue>>? _tables;
    private IReadOnlyList<Cittadinanza>? _cittadinanze;

    /// <summary>Whether a Comune with this ISTAT code exists (anywhere in Italy).</summary>
    public async Task<bool> ComuneExistsAsync(string istat, CancellationToken ct) => (await comuni.FindAsync([istat], ct)).ContainsKey(istat);

    /// <summary>The ISTAT codes among these that name an existing Comune.</summary>
    public async Task<IReadOnlySet<string>> ExistingComuniAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in codes.Distinct().Chunk(500))
            known.UnionWith((await comuni.FindAsync(chunk, ct)).Keys);
        return known;
    }

    /// <summary>The Comune's name; null when the code is unknown.</summary>
    public async Task<string?> ComuneNameAsync(string istat, CancellationToken ct) => (await comuni.NamesAsync([istat], ct)).GetValueOrDefault(istat);

    /// <summary>ISTAT codes of the Comuni with exactly this name (case-insensitive), at most two.</summary>
    public Task<IReadOnlyList<string>> ComuniNamedAsync(string name, CancellationToken ct) => comuni.CodesByNameAsync(name, 2, ct);

    /// <summary>
    /// The ISTAT code of the Comune with this name in this province ("Castro" and "LE"); null when there is none.
    /// A name is unique within a province, so the pair is what people read and type.
    /// </summary>
    public async Task<string?> ComuneNamedInAsync(string name, string siglaProvincia, CancellationToken ct)
    {
        var codes = await comuni.CodesByNameAsync(name, 20, ct);
        if (codes.Count == 0) return null;
        return (await comuni.FindAsync(codes, ct)).Values.Select(f => f.Comune)
            .FirstOrDefault(c => string.Equals(c.SiglaProvincia, siglaProvincia, StringComparison.OrdinalIgnoreCase))?.CodiceIstat;
    }

    public sealed record Cittadinanza(string Code, string Description, bool Ue);

    public async Task<IReadOnlyList<CodedValue>> TableAsync(string table, CancellationToken ct)
    {
        _tables ??= (await coreLookups.TablesAsync([StatoCivile, TitoloStudio, TitoloSoggiorno], ct))
            .ToDictionary(t => t.Key, t => (IReadOnlyList<CodedValue>)t.Value.Select(l => new CodedValue(l.Code, l.Description)).ToList());
        return _tables.GetValueOrDefault(table) ?? [];
    }

    public async Task<IReadOnlyList<Cittadinanza>> CittadinanzeAsync(CancellationToken ct) =>
        _cittadinanze ??= await db.Stati.AsNoTracking().OrderBy(s => s.Order).ThenBy(s => s.Denominazione)
            .Select(s => new Cittadinanza(s.Codice, s.Denominazione, s.Ue)).ToListAsync(ct);

    public async Task<string?> CapOfComuneAsync(string istat, CancellationToken ct) =>
        await coreLookups.DescriptionAsync(CapComune, istat, ct);

    /// <summary>"Ancona (AN)" for a known ISTAT code: what people read and type (the code stays the register's).</summary>
    public async Task<string?> ComuneDisplayAsync(string? istat, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(istat)) return null;
        if (!(await comuni.FindAsync([istat], ct)).TryGetValue(istat, out var found)) return istat;
        var c = found.Comune;
        return $"{c.Nome} ({c.SiglaProvincia})";
    }

    /// <summary>The birth place a cadastral code names: "Roma (RM)" or "Regno Unito (stato estero)".</summary>
    public async Task<string?> BirthPlaceAsync(string codiceCatastale, CancellationToken ct)
    {
        if (codiceCatastale.StartsWith('Z'))
        {
            var state = await db.Stati.AsNoTracking().FirstOrDefaultAsync(s => s.CodiceCatastale == codiceCatastale, ct);
            return state is null ? null : $"{state.Denominazione} (stato estero)";
        }
        var comune = await comuni.FindByCatastaleAsync(codiceCatastale, ct);
        return comune is null ? null : $"{comune.Nome} ({comune.SiglaProvincia})";
    }
}
