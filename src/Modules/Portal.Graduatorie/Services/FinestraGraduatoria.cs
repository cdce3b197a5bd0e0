using Portal.Contents.Contracts;

namespace Portal.Graduatorie.Services;

/// <summary>A window of an Avviso of the Graduatorie service, with the parameters the validator and the ranking need.</summary>
public sealed record FinestraGraduatoria(FinestraInfo Info, AvvisoInfo Avviso, decimal SogliaIsee, int? NumeroBorse)
{
    public string AvvisoTitle => Avviso.Title;
}
