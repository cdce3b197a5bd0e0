namespace Portal.Core.Contracts;

/// <summary>
/// Whether a person has saved their Anagrafica at least once: services stay closed until then
/// (seed 000). Implemented by Portal.Anagrafica.
/// </summary>
public interface IAnagraficaStatus
{
    Task<bool> IsCompleteAsync(Guid personId, CancellationToken ct = default);
}

/// <summary>Raised inside the saving transaction each time a person saves their Anagrafica.</summary>
public sealed record AnagraficaSaved(Guid PersonId, string CodiceFiscale, DateTime SavedUtc, bool FirstSave, IReadOnlyList<string> ChangedFields);

/// <summary>Modules that care (e.g. Did) register one; handlers run in the saving transaction.</summary>
public interface IAnagraficaSavedHandler
{
    Task HandleAsync(AnagraficaSaved saved, CancellationToken ct);
}

/// <summary>
/// Gives a test person (created by the test login, never in Production) a saved Anagrafica resident in a Comune,
/// so that services open for them at once. Implemented by Portal.Anagrafica; runs the same validation and
/// <see cref="IAnagraficaSavedHandler"/>s as a save from the form.
/// </summary>
public interface IAnagraficaProvisioning
{
    /// <returns>False when the person had already saved their Anagrafica (it is left as it is).</returns>
    /// <exception cref="Portal.Core.Errors.PortalException">The Comune is unknown, with the field "comuneResidenzaIstat".</exception>
    Task<bool> EnsureSavedAsync(Guid personId, string comuneResidenzaIstat, CancellationToken ct = default);
}

/// <summary>The saved Anagrafica of a person as other services show it (read-only, e.g. on the DID form).</summary>
public sealed record AnagraficaSummary(
    Guid PersonId, string CodiceFiscale, string Cognome, string Nome, char? Sesso, DateOnly? DataNascita, string? LuogoNascita,
    string? ResidenzaVia, string? ResidenzaCivico, string? ResidenzaCap, string? ResidenzaComuneIstat,
    string? Email, string? Cellulare, string? Telefono, string? Cittadinanza, string? TitoloStudio, DateTime LastSavedUtc);

/// <summary>Reads a person's saved Anagrafica. Implemented by Portal.Anagrafica; null when never saved.</summary>
public interface IAnagraficaReader
{
    Task<AnagraficaSummary?> FindAsync(Guid personId, CancellationToken ct = default);
}
