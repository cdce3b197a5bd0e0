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
