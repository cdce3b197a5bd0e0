namespace Portal.Graduatorie.Services;

/// <summary>Outcome of "Invia sollecito".</summary>
public sealed record EsitoSollecito(
    int ComuniSollecitati, int PersoneSollecitate, int GiaSollecitateOggi,
    IReadOnlyList<ComuneStato> ComuniSenzaOperatori, IReadOnlyList<ComuneStato> ComuniSollecitatiElenco);
