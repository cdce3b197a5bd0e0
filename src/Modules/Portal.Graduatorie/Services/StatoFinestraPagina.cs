using Portal.Contents.Contracts;

namespace Portal.Graduatorie.Services;

/// <summary>One page of the Funzionario's status table, with the totals of the whole region.</summary>
/// <param name="Righe">How many Comuni match the search and the filter (all pages).</param>
/// <param name="Comuni">The Comuni of the region.</param>
/// <param name="Inviati">The Comuni of the region with a valid list.</param>
public sealed record StatoFinestraPagina(FinestraGraduatoria Finestra, FinestraState Stato, IReadOnlyList<ComuneStato> Pagina,
    int Righe, int Comuni, int Inviati)
{
    public int Mancanti => Comuni - Inviati;
}
