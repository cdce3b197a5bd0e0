namespace Portal.Contents.Services;

/// <summary>What an editor (form or API) submits for a content item. Times are Italian local time.</summary>
public sealed class ContentInput
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Summary { get; set; }
    public string? Body { get; set; }

    public string? Categoria { get; set; }
    public string? Servizio { get; set; }
    public string? Contatti { get; set; }

    /// <summary>The Avviso a Finestra or Graduatoria belongs to.</summary>
    public Guid? AvvisoId { get; set; }
    public DateTime? OpensAt { get; set; }
    public DateTime? ClosesAt { get; set; }
    /// <summary>Euro, Italian format accepted ("1.234,56").</summary>
    public string? Budget { get; set; }
    /// <summary>One "chiave=valore" per line.</summary>
    public string? Parametri { get; set; }

    public Guid? FinestraId { get; set; }
    public string? DecretoNumero { get; set; }
    public DateOnly? DecretoData { get; set; }

    public string? Gravita { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }

    /// <summary>Files of the previous version to drop.</summary>
    public List<Guid>? RemoveAttachments { get; set; }
    public string? Note { get; set; }
}
