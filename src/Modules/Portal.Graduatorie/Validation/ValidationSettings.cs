namespace Portal.Graduatorie.Validation;

/// <param name="SogliaIsee">R08: the Finestra's ISEE threshold.</param>
/// <param name="FinestraOpening">W04: ages are taken on this day.</param>
/// <param name="ProvinceSigle">R05: every Italian province sigla (from the ISTAT Comuni).</param>
/// <param name="RegionProvinces">W01: the region's provinces (setting).</param>
/// <param name="StudentsInOtherComuni">W02: for the given student CFs, the Comune whose valid list already holds them.</param>
public sealed record ValidationSettings(
    decimal SogliaIsee,
    DateOnly FinestraOpening,
    IReadOnlySet<string> ProvinceSigle,
    IReadOnlySet<string> RegionProvinces,
    Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyDictionary<string, string>>>? StudentsInOtherComuni = null)
{
    public const decimal DefaultSogliaIsee = 15748.78m;
    public const long MaxFileBytes = 10L * 1024 * 1024;
    public const int MaxDataRows = 50_000;
    public const int MinAge = 13;
    public const int MaxAge = 24;
}
