using Portal.Contents.Contracts;
using Portal.Graduatorie.Data;

namespace Portal.Graduatorie.Services;

/// <summary>An accredited operator of a Comune (OperatoreComune role with the Comune in scope).</summary>
public sealed record OperatoreComune(Guid PersonId, string Nome, string? Email);

/// <summary>One Comune of the region for a Finestra: its valid list, if any, and its accredited operators.</summary>
public sealed record ComuneStato(string Istat, string Nome, string SiglaProvincia, Invio? ElencoValido, IReadOnlyList<OperatoreComune> Operatori)
{
    public bool Inviato => ElencoValido is not null;
}

public sealed record StatoFinestra(FinestraGraduatoria Finestra, FinestraState Stato, IReadOnlyList<ComuneStato> Comuni)
{
    public int Inviati => Comuni.Count(c => c.Inviato);
    public int Mancanti => Comuni.Count(c => !c.Inviato);
}

/// <summary>A row of a valid list with the Comune that sent it.</summary>
public sealed record RigaConsolidata(string ComuneIstat, string ComuneNome, Invio Invio, InvioRiga Riga);

/// <summary>A student in the valid lists of more than one Comune.</summary>
public sealed record Duplicato(string CfStudente, IReadOnlyList<RigaConsolidata> Righe);

/// <summary>Outcome of "Invia sollecito".</summary>
public sealed record EsitoSollecito(
    int ComuniSollecitati, int PersoneSollecitate, int GiaSollecitateOggi,
    IReadOnlyList<ComuneStato> ComuniSenzaOperatori, IReadOnlyList<ComuneStato> ComuniSollecitatiElenco);

public sealed record GraduatoriaDettaglio(GraduatoriaRegionale Graduatoria, IReadOnlyList<GraduatoriaPosizione> Posizioni, IReadOnlyDictionary<string, string> NomiComuni)
{
    public int Beneficiari => Posizioni.Count(p => p.Esito == EsitoPosizione.Beneficiario);
    public int Idonei => Posizioni.Count(p => p.Esito == EsitoPosizione.Idoneo);

    public string ComuneLabel(string istat) => NomiComuni.TryGetValue(istat, out var n) ? n : istat;
}
