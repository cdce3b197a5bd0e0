namespace Portal.Contents.Contracts;

/// <summary>
/// The rows of a published Graduatoria, kept by the service that built it (e.g. the regional ranking of the Graduatorie
/// module): a page of them found in its database, and the whole list as PDF or Excel. Portal.Contents asks every
/// implementation; the one that published the content item answers, the others answer null.
/// Rows never hold names or codici fiscali of citizens (a code or protocol number, a score, an outcome).
/// </summary>
public interface IGraduatoriaRighe
{
    /// <summary>One page of the rows matching <paramref name="cerca"/> (any text; null for all); null when the item is not this service's.</summary>
    Task<GraduatoriaRighePagina?> PageAsync(Guid contentId, string? cerca, int pagina, int perPagina, CancellationToken ct = default);

    /// <summary>Every published row as a file; null when the item is not this service's.</summary>
    Task<GraduatoriaFile?> FileAsync(Guid contentId, GraduatoriaFormato formato, CancellationToken ct = default);
}

/// <param name="Colonne">Column headers, with whether the column is numeric (right-aligned).</param>
/// <param name="Totale">Rows matching the search.</param>
/// <param name="TotaleGraduatoria">All rows of the Graduatoria.</param>
/// <param name="Istruzioni">How to read the list, for the public page (e.g. how to find one's own code).</param>
public sealed record GraduatoriaRighePagina(
    IReadOnlyList<GraduatoriaColonna> Colonne, IReadOnlyList<IReadOnlyList<string>> Righe, int Totale, int TotaleGraduatoria, string? Istruzioni);

public sealed record GraduatoriaColonna(string Titolo, bool Numerica = false);

public enum GraduatoriaFormato
{
    Pdf,
    Xlsx,
}

public sealed record GraduatoriaFile(string FileName, string ContentType, byte[] Content);
