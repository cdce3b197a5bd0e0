namespace Portal.Graduatorie.Validation;

public enum Esito
{
    /// <summary>At least one error: nothing becomes valid.</summary>
    Respinto,
    /// <summary>No error, some warnings: the operator confirms or cancels.</summary>
    ConAvvisi,
    Accettato,
}

public sealed class ValidationResult
{
    public List<ValidationIssue> Issues { get; } = [];
    public List<ElencoRow> Rows { get; } = [];
    /// <summary>The template version named by the "Versione" sheet, when the workbook has one.</summary>
    public string? TemplateVersion { get; set; }

    public bool HasErrors => Issues.Any(i => i.Severity == IssueSeverity.Error);
    public bool HasWarnings => Issues.Any(i => i.Severity == IssueSeverity.Warning);

    public Esito Esito => HasErrors ? Esito.Respinto : HasWarnings ? Esito.ConAvvisi : Esito.Accettato;

    public static string Label(Esito esito) => esito switch
    {
        Esito.Respinto => "Respinto",
        Esito.ConAvvisi => "Con avvisi",
        _ => "Accettato",
    };
}
