namespace Portal.Graduatorie.Validation;

/// <summary>The "Elenco" sheet of the current template: its columns in order, and its version id.</summary>
public static class ElencoTemplate
{
    /// <summary>Written in the hidden "Versione" sheet; a workbook naming another version is refused (F02).</summary>
    public const string Version = "BORSE-STUDIO-2026.1";

    public const string DataSheet = "Elenco";
    public const string InstructionsSheet = "Istruzioni";
    public const string VersionSheet = "Versione";

    public const int CfStudente = 0;
    public const int CognomeStudente = 1;
    public const int NomeStudente = 2;
    public const int DataNascitaStudente = 3;
    public const int CfRichiedente = 4;
    public const int CognomeRichiedente = 5;
    public const int NomeRichiedente = 6;
    public const int CodiceMeccanografico = 7;
    public const int Classe = 8;
    public const int ValoreIsee = 9;
    public const int Note = 10;

    public const int NoteMaxLength = 200;

    /// <summary>Of each surname and name (the columns that store them hold 200 characters).</summary>
    public const int NameMaxLength = 200;

    public static IReadOnlyList<string> Headers { get; } =
    [
        "CODICE FISCALE STUDENTE",
        "COGNOME STUDENTE",
        "NOME STUDENTE",
        "DATA DI NASCITA STUDENTE",
        "CODICE FISCALE RICHIEDENTE",
        "COGNOME RICHIEDENTE",
        "NOME RICHIEDENTE",
        "CODICE MECCANOGRAFICO SCUOLA",
        "CLASSE",
        "VALORE ISEE",
        "NOTE",
    ];

    public static bool IsRequired(int column) => column != Note;
}
