namespace Portal.Core.Contracts;

/// <summary>An ente gestore as other modules see it (seed 003): its operators act in scope "Ente:{Code}".</summary>
public sealed record EnteGestoreInfo(string Code, string Denominazione, string CodiceFiscale, bool Active);

/// <summary>The register of the enti gestori. Implemented by Portal.Accreditamenti, which keeps it.</summary>
public interface IEntiGestori
{
    Task<IReadOnlyList<EnteGestoreInfo>> ListAsync(CancellationToken ct = default);

    Task<EnteGestoreInfo?> FindAsync(string code, CancellationToken ct = default);
}
