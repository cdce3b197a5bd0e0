using System.Globalization;

namespace Portal.Graduatorie.Validation.Xlsx;

/// <summary>Why a workbook cannot be read: the file-level code (F01 unreadable, F04 over the limits) and the Italian message.</summary>
public sealed record XlsxRefusal(string Code, string Message)
{
    private static readonly CultureInfo Italian = CultureInfo.GetCultureInfo("it-IT");

    public const string Damaged = "il file è danneggiato o non è una cartella di lavoro Excel .xlsx";

    public const string Expanded = "il contenuto compresso del file è anomalo (dimensione espansa eccessiva)";

    public const string BadXml =
        "il contenuto del file è danneggiato o contiene costrutti XML non ammessi in un file Excel (ad esempio dichiarazioni DTD): " +
        "aprirlo con Excel o LibreOffice e salvarlo di nuovo come .xlsx";

    public static XlsxRefusal Unreadable(string reason) => new("F01", $"Il file non è leggibile: {reason}.");

    public static XlsxRefusal OverLimit(string detail) => new("F04", $"Il file supera i limiti di lettura: {detail}.");

    public static XlsxRefusal TooWide(int row) => OverLimit(
        $"la riga {row} ha celle oltre la colonna {ElencoValidator.ColumnLetter(XlsxLimits.MaxColumns - 1)} (al massimo {XlsxLimits.MaxColumns} colonne; " +
        $"il modello ne usa {ElencoTemplate.Headers.Count}): eliminare le colonne in più, oppure copiare i soli dati in un modello nuovo scaricato dalla sezione 1");

    public static XlsxRefusal TooManyRows(string sheet) => OverLimit(
        $"il foglio «{sheet}» ha più di {Number(XlsxLimits.MaxRows)} righe, contando anche quelle vuote ma formattate " +
        $"(le righe di dati ammesse sono {Number(ValidationSettings.MaxDataRows)}): eliminare le righe vuote sotto l'elenco");

    public static XlsxRefusal TooManyCells(string sheet) => OverLimit(
        $"il foglio «{sheet}» ha più di {Number(XlsxLimits.MaxCells)} celle, contando anche quelle vuote ma formattate: " +
        "eliminare righe e colonne vuote fuori dall'elenco, oppure copiare i soli dati in un modello nuovo scaricato dalla sezione 1");

    public static XlsxRefusal CellTooLong(string? cell) => OverLimit(
        $"{(cell is null ? "una cella di testo" : $"la cella {cell}")} contiene più di {Number(XlsxLimits.MaxCellChars)} caratteri, " +
        "più di quanti Excel ne ammetta in una cella: correggerla");

    public static XlsxRefusal TooManyStrings() => OverLimit(
        $"il file contiene più di {Number(XlsxLimits.MaxSharedStrings)} testi diversi, molti più di un elenco completo: " +
        "copiare i soli dati in un modello nuovo scaricato dalla sezione 1");

    public static XlsxRefusal TooMuchText() => OverLimit(
        $"il file contiene più di {Number(XlsxLimits.MaxTextChars)} caratteri di testo, molti più di un elenco completo: " +
        "copiare i soli dati in un modello nuovo scaricato dalla sezione 1");

    private static string Number(long n) => n.ToString("N0", Italian);
}

/// <summary>Thrown while a sheet or the shared strings are read; the validator turns it into the finding.</summary>
public sealed class XlsxRefusedException(XlsxRefusal refusal) : Exception(refusal.Message)
{
    public XlsxRefusal Refusal { get; } = refusal;
}
