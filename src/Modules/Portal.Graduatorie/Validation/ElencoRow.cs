namespace Portal.Graduatorie.Validation;

/// <summary>A data row of "Elenco" after parsing: codes normalised, values typed (null when unreadable).</summary>
public sealed record ElencoRow(
    int Row,
    string CfStudente,
    string CognomeStudente,
    string NomeStudente,
    DateOnly? DataNascitaStudente,
    string CfRichiedente,
    string CognomeRichiedente,
    string NomeRichiedente,
    string CodiceMeccanografico,
    int? Classe,
    decimal? ValoreIsee,
    string? Note);
