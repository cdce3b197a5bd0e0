using Microsoft.EntityFrameworkCore;
using Portal.Anagrafica.Data;

namespace Portal.Anagrafica.Services;

/// <summary>What the regional registry knows of a person, to pre-fill the first-access form.</summary>
public sealed record RegistryData(
    string CodiceFiscale, string? Cognome, string? Nome,
    string? ResidenzaVia, string? ResidenzaCivico, string? ResidenzaCap, string? ResidenzaComuneIstat,
    string? Telefono, string? Cellulare, string? Email, string? StatoCivile, string? Cittadinanza, string? TitoloStudio);

/// <summary>
/// The "Indice regionale del welfare". Pluggable: a deployment that can query the regional service
/// registers its own implementation; the default reads the table loaded by recipe or CSV import.
/// </summary>
public interface IRegistrySource
{
    Task<RegistryData?> FindAsync(string codiceFiscale, CancellationToken ct);
}

internal sealed class TableRegistrySource(AnagraficaDbContext db) : IRegistrySource
{
    public async Task<RegistryData?> FindAsync(string codiceFiscale, CancellationToken ct)
    {
        var e = await db.Registry.AsNoTracking().FirstOrDefaultAsync(r => r.CodiceFiscale == codiceFiscale, ct);
        return e is null ? null : new RegistryData(e.CodiceFiscale, e.Cognome, e.Nome, e.ResidenzaVia, e.ResidenzaCivico, e.ResidenzaCap,
            e.ResidenzaComuneIstat, e.Telefono, e.Cellulare, e.Email, e.StatoCivile, e.Cittadinanza, e.TitoloStudio);
    }
}
