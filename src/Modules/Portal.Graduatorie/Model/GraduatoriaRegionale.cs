namespace Portal.Graduatorie.Model;

/// <summary>The regional Graduatoria of a Finestra, built from the Comuni's valid lists once the window has closed.</summary>
public sealed class GraduatoriaRegionale
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid FinestraId { get; set; }
    public StatoGraduatoria Stato { get; set; }
    public int NumeroBorse { get; set; }
    public DateTime BuiltUtc { get; set; }
    public required string BuiltBy { get; set; }
    /// <summary>Rows left out because the same student was already placed through another Comune's list.</summary>
    public int DuplicatiEsclusi { get; set; }
    public string? DecretoNumero { get; set; }
    public DateOnly? DecretoData { get; set; }
    public DateTime? ApprovedUtc { get; set; }
    public string? ApprovedBy { get; set; }
    /// <summary>The published Graduatoria content item.</summary>
    public Guid? ContentId { get; set; }
    public DateTime? PublishedUtc { get; set; }
    public string? PublishedBy { get; set; }
    public int Revision { get; set; }
}
