namespace Portal.Core.Contracts;

/// <summary>A person's residence as saved in their Anagrafica (services that check residence read it here).</summary>
/// <param name="ComuneIstat">ISTAT code of the Comune of residence; null when the Anagrafica has none.</param>
public sealed record ResidenzaInfo(string? ComuneIstat, string? Via, string? Civico, string? Cap, string? Email, string? Telefono);

/// <summary>
/// The residence (and contacts) of a person from their saved Anagrafica. Implemented by Portal.Anagrafica; modules
/// resolve it as optional (a portal may run without the Anagrafica module).
/// </summary>
public interface IAnagraficaResidenza
{
    /// <returns>Null when the person has never saved their Anagrafica.</returns>
    Task<ResidenzaInfo?> FindAsync(Guid personId, CancellationToken ct = default);
}
