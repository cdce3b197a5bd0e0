namespace Portal.Bonus.Model;

/// <summary>The Domanda's state, a mirror of its workflow instance ("domanda-bonus"), written only by the subject provider.</summary>
public enum StatoDomanda
{
    Bozza,
    Inviata,
    IntegrazioneRichiesta,
    Ammissibile,
    NonAmmissibile,
    Finanziata,
    AmmessaNonFinanziata,
    SaldoRichiesto,
    Liquidata,
    Decaduta,
    Rinunciata,
    AnnullataSuRichiesta,
    Revocata,
}

/// <summary>The sections of the application form; each turns from red to green when saved.</summary>
[Flags]
public enum SezioniDomanda
{
    Nessuna = 0,
    Richiedente = 1,
    Nucleo = 2,
    Figli = 4,
    Isee = 8,
    Occupazione = 16,
    Dispositivo = 32,
    Dichiarazioni = 64,
    Tutte = Richiedente | Nucleo | Figli | Isee | Occupazione | Dispositivo | Dichiarazioni,
}

/// <summary>Who the applicant is to the children (art. 2).</summary>
public enum RuoloRichiedente
{
    Genitore,
    TutoreLegale,
    GenitoreAffidatario,
    GenitoreAdottivo,
}

/// <summary>A household member's relation to the applicant.</summary>
public enum RelazioneNucleo
{
    Coniuge,
    Figlio,
    Altro,
}

/// <summary>School level of a student child (art. 2).</summary>
public enum LivelloStudio
{
    /// <summary>Scuola primaria e secondaria di primo grado.</summary>
    PrimoCiclo,
    /// <summary>Scuola secondaria di secondo grado.</summary>
    SecondoCiclo,
    /// <summary>Istruzione e formazione professionale regionale.</summary>
    IeFP,
    Universita,
    Afam,
    Its,
    Ifts,
}

public enum TipoIsee
{
    Ordinario,
    Corrente,
}

public enum CondizioneOccupazionale
{
    Occupato,
    Disoccupato,
}
