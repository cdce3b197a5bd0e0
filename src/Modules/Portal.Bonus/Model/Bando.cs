namespace Portal.Bonus.Model;

/// <summary>
/// A call (bando) with time windows, a scoring grid and a budget, e.g. BONUS_DDI_2021. Its rules are data
/// (<see cref="Regole"/>), edited by an Amministratore; every change makes a new <see cref="BandoVersione"/>.
/// Its windows are the Finestre of the linked Avviso (Portal.Contents, read through IFinestre).
/// </summary>
public sealed class Bando
{
    public const string ServiceCode = "Bonus";

    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>Identificazione sintetica, e.g. "BONUS_DDI_2021" (unique).</summary>
    public required string Codice { get; set; }
    public required string Titolo { get; set; }
    /// <summary>The published Avviso whose Finestre are the call's windows.</summary>
    public Guid? AvvisoId { get; set; }
    /// <summary>Current version of the rules (1, 2, ...); a Domanda records the version it was filled under.</summary>
    public int Versione { get; set; } = 1;
    public required BandoRegole Regole { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public string? UpdatedBy { get; set; }
}
