using Portal.Graduatorie.Data;
using Portal.Graduatorie.Services;

namespace Portal.Graduatorie.Apis;

public sealed record ComuneStatoDto(string Istat, string Nome, string Provincia, bool Inviato, int? Righe, DateTime? ValidoDalUtc,
    string? Operatore, int OperatoriAccreditati)
{
    public static ComuneStatoDto From(ComuneStato c) => new(c.Istat, c.Nome, c.SiglaProvincia, c.Inviato, c.ElencoValido?.RowCount,
        c.ElencoValido?.DecidedUtc, c.ElencoValido?.OperatorName, c.Operatori.Count);
}

public sealed record StatoFinestraDto(Guid FinestraId, string Finestra, string StatoFinestra, int Comuni, int Inviati, int Mancanti,
    IReadOnlyList<ComuneStatoDto> Elenco);

public sealed record SollecitoDto(int ComuniSollecitati, int PersoneSollecitate, int GiaSollecitateOggi,
    IReadOnlyList<string> ComuniSollecitatiIstat, IReadOnlyList<string> ComuniSenzaOperatori)
{
    public static SollecitoDto From(EsitoSollecito e) => new(e.ComuniSollecitati, e.PersoneSollecitate, e.GiaSollecitateOggi,
        e.ComuniSollecitatiElenco.Select(c => c.Istat).ToList(), e.ComuniSenzaOperatori.Select(c => $"{c.Nome} ({c.Istat})").ToList());
}

public sealed record DuplicatoComuneDto(string Istat, string Comune, string Cognome, string Nome, int Riga);

public sealed record DuplicatoDto(string CodiceFiscaleStudente, IReadOnlyList<DuplicatoComuneDto> Comuni)
{
    public static DuplicatoDto From(Duplicato d) => new(d.CfStudente,
        d.Righe.Select(r => new DuplicatoComuneDto(r.ComuneIstat, r.ComuneNome, r.Riga.CognomeStudente, r.Riga.NomeStudente, r.Riga.Row)).ToList());
}

public sealed record PosizioneDto(int Posizione, string Codice, string ComuneIstat, string Comune, string Esito, decimal ValoreIsee,
    DateOnly? DataNascitaStudente, string CodiceFiscaleStudente, string CognomeStudente, string NomeStudente);

public sealed record GraduatoriaDto(Guid Id, Guid FinestraId, string Stato, int NumeroBorse, int Beneficiari, int Idonei, int DuplicatiEsclusi,
    DateTime CostruitaIlUtc, string? DecretoNumero, DateOnly? DecretoData, Guid? ContenutoId, IReadOnlyList<PosizioneDto> Posizioni)
{
    public static GraduatoriaDto From(GraduatoriaDettaglio d) => new(d.Graduatoria.Id, d.Graduatoria.FinestraId, GraduatorieLabels.Stato(d.Graduatoria.Stato),
        d.Graduatoria.NumeroBorse, d.Beneficiari, d.Idonei, d.Graduatoria.DuplicatiEsclusi, d.Graduatoria.BuiltUtc, d.Graduatoria.DecretoNumero,
        d.Graduatoria.DecretoData, d.Graduatoria.ContentId,
        d.Posizioni.Select(p => new PosizioneDto(p.Posizione, p.Codice, p.ComuneIstat, d.ComuneLabel(p.ComuneIstat), GraduatorieLabels.Esito(p.Esito),
            p.ValoreIsee, p.DataNascitaStudente, p.CfStudente, p.CognomeStudente, p.NomeStudente)).ToList());
}

/// <summary>What the Comune's operator sees: the own students with their code, to tell the families.</summary>
public sealed record CodiceStudenteDto(int Posizione, string Codice, string Esito, string CodiceFiscaleStudente, string CognomeStudente, string NomeStudente)
{
    public static CodiceStudenteDto From(GraduatoriaPosizione p) =>
        new(p.Posizione, p.Codice, GraduatorieLabels.Esito(p.Esito), p.CfStudente, p.CognomeStudente, p.NomeStudente);
}

public sealed record ApprovazioneRequest(string? DecretoNumero, string? DecretoData);
