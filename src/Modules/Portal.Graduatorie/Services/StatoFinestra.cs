using Portal.Contents.Contracts;

namespace Portal.Graduatorie.Services;

/// <summary>Where the Comuni of the region stand for a Finestra: the window's state and, per Comune, its valid list and operators.</summary>
public sealed record StatoFinestra(FinestraGraduatoria Finestra, FinestraState Stato, IReadOnlyList<ComuneStato> Comuni)
{
    public int Inviati => Comuni.Count(c => c.Inviato);
    public int Mancanti => Comuni.Count(c => !c.Inviato);
}
