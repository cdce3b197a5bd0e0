namespace Portal.Bonus.Model;

/// <summary>
/// Everything a call decides, as data (stored as JSON with the Bando and each version). Parts 2 and 3 of the service
/// (istruttoria, scoring, ranking, funding, saldo, controls) read the criteria grid, threshold, deadlines and budget here.
/// </summary>
public sealed class BandoRegole
{
    /// <summary>Total budget in euro.</summary>
    public decimal Dotazione { get; set; }
    /// <summary>Sources of the budget (UE, Stato, Regione...) with their share in percent; the shares add up to 100.</summary>
    public List<FonteFinanziamento> Fonti { get; set; } = [];
    /// <summary>Flat contribution per device type (art. 3.1, 3.3).</summary>
    public List<ImportoDispositivo> Importi { get; set; } = [];

    /// <summary>Highest ISEE admitted (included).</summary>
    public decimal IseeMassimo { get; set; }
    /// <summary>ISEE types accepted: "ordinario", "corrente".</summary>
    public List<string> TipiIseeAmmessi { get; set; } = [];
    /// <summary>School levels that make a child a student for this call (codes of <see cref="LivelloStudio"/>).</summary>
    public List<string> LivelliStudioAmmessi { get; set; } = [];
    /// <summary>The applicant must reside in a Comune of the region.</summary>
    public bool ResidenzaInRegione { get; set; } = true;
    /// <summary>At least this many student children in the household.</summary>
    public int MinimoFigliStudenti { get; set; } = 1;
    /// <summary>One application per household (art. 5.2).</summary>
    public bool UnaDomandaPerNucleo { get; set; } = true;

    /// <summary>The scoring grid (art. 5.3), used by the istruttoria.</summary>
    public List<Criterio> Criteri { get; set; } = [];
    /// <summary>"massimoGriglia" (default) or "massimoOttenuto" (highest points obtained in the window).</summary>
    public string Normalizzazione { get; set; } = NormalizzazioneCodici.MassimoGriglia;
    /// <summary>Lowest total (out of 100) to be funded.</summary>
    public decimal SogliaPunteggio { get; set; }

    public List<AllegatoRichiesto> Allegati { get; set; } = [];
    public List<DichiarazioneBando> Dichiarazioni { get; set; } = [];

    /// <summary>Days to answer an integration request (soccorso istruttorio).</summary>
    public int GiorniIntegrazione { get; set; }
    /// <summary>Days after the graduatoria decree to ask for the saldo (proof of purchase).</summary>
    public int GiorniSaldo { get; set; }
    /// <summary>Days after a window closes to approve its graduatoria.</summary>
    public int GiorniGraduatoria { get; set; }
    /// <summary>Wording the invoice must carry (art. 3.3), checked at saldo.</summary>
    public string? DicituraFattura { get; set; }
}

public static class NormalizzazioneCodici
{
    public const string MassimoGriglia = "massimoGriglia";
    public const string MassimoOttenuto = "massimoOttenuto";
}

public sealed class FonteFinanziamento
{
    public required string Codice { get; set; }
    public required string Descrizione { get; set; }
    public decimal Percentuale { get; set; }
}

public sealed class ImportoDispositivo
{
    /// <summary>"portatile", "fisso".</summary>
    public required string Codice { get; set; }
    public required string Descrizione { get; set; }
    public decimal Importo { get; set; }
    /// <summary>Minimum technical features (art. 3.1), shown to the citizen.</summary>
    public string? Requisiti { get; set; }
}

/// <summary>One indicator of the grid: its weight and its bands.</summary>
public sealed class Criterio
{
    /// <summary>"isee", "numeroFigli", "numeroFigliStudenti", "condizioneOccupazionale".</summary>
    public required string Indicatore { get; set; }
    public required string Descrizione { get; set; }
    public decimal Peso { get; set; }
    public List<Fascia> Fasce { get; set; } = [];
}

/// <summary>
/// A band of a criterion: a numeric range (<see cref="Da"/>..<see cref="A"/>, both included, either open) or a value
/// (<see cref="Valore"/>, e.g. "disoccupato"), and the points it gives.
/// </summary>
public sealed class Fascia
{
    public decimal? Da { get; set; }
    public decimal? A { get; set; }
    public string? Valore { get; set; }
    public decimal Punti { get; set; }
}

public sealed class AllegatoRichiesto
{
    /// <summary>"isee" for the ISEE attestation.</summary>
    public required string Codice { get; set; }
    public required string Descrizione { get; set; }
    /// <summary>Accepted kinds, by Core's file kind code: "pdf", "tiff", "jpeg".</summary>
    public List<string> Formati { get; set; } = [];
    public long DimensioneMassima { get; set; }
    public bool Obbligatorio { get; set; } = true;
}

/// <summary>A declaration under DPR 445/2000 the applicant makes by ticking it.</summary>
public sealed class DichiarazioneBando
{
    public required string Codice { get; set; }
    public required string Testo { get; set; }
    public bool Obbligatoria { get; set; } = true;
}
