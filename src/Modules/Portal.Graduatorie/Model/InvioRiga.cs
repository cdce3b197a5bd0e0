using Portal.Graduatorie.Validation;

namespace Portal.Graduatorie.Model;

/// <summary>A parsed data row of an upload that was not rejected.</summary>
public sealed class InvioRiga
{
    public long Id { get; set; }
    public Guid InvioId { get; set; }
    public int Row { get; set; }
    public required string CfStudente { get; set; }
    public required string CognomeStudente { get; set; }
    public required string NomeStudente { get; set; }
    public DateOnly? DataNascitaStudente { get; set; }
    public required string CfRichiedente { get; set; }
    public required string CognomeRichiedente { get; set; }
    public required string NomeRichiedente { get; set; }
    public required string CodiceMeccanografico { get; set; }
    public int? Classe { get; set; }
    public decimal? ValoreIsee { get; set; }
    public string? Note { get; set; }

    public static InvioRiga From(Guid invioId, ElencoRow r) => new()
    {
        InvioId = invioId, Row = r.Row, CfStudente = r.CfStudente, CognomeStudente = r.CognomeStudente, NomeStudente = r.NomeStudente,
        DataNascitaStudente = r.DataNascitaStudente, CfRichiedente = r.CfRichiedente, CognomeRichiedente = r.CognomeRichiedente,
        NomeRichiedente = r.NomeRichiedente, CodiceMeccanografico = r.CodiceMeccanografico, Classe = r.Classe, ValoreIsee = r.ValoreIsee, Note = r.Note,
    };
}
