namespace Portal.Core.Contracts;

/// <summary>A Centro per l'Impiego as other modules see it; its operators act for the scope "Cpi:{Code}".</summary>
public sealed record CentroImpiegoInfo(string Code, string Nome, string SiglaProvincia, bool Active);

/// <summary>The register of the Centri per l'Impiego. Implemented by Portal.Accreditamenti (which enables their operators).</summary>
public interface ICentriImpiego
{
    /// <summary>Every CPI, active or not, by name.</summary>
    Task<IReadOnlyList<CentroImpiegoInfo>> ListAsync(CancellationToken ct = default);

    Task<CentroImpiegoInfo?> FindAsync(string code, CancellationToken ct = default);
}
