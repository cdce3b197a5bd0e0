namespace Portal.Graduatorie.Services;

/// <summary>One Comune of the region for a Finestra: its valid list, if any, and its accredited operators.</summary>
public sealed record ComuneStato(string Istat, string Nome, string SiglaProvincia, Invio? ElencoValido, IReadOnlyList<OperatoreComune> Operatori)
{
    public bool Inviato => ElencoValido is not null;
}
