namespace Portal.Graduatorie.Validation.Xlsx;

/// <summary>
/// What a workbook may hold before reading stops (graduatorie.md F04). Each bound is well above the largest
/// legitimate "Elenco" (11 columns, 50,000 data rows, notes of at most 200 characters), so only a file that is
/// not a filled-in template reaches one.
/// </summary>
public static class XlsxLimits
{
    /// <summary>Cells of one row, and the highest column (CV): the template has 11, a few stray cells beyond are fine.</summary>
    public const int MaxColumns = 100;

    /// <summary>Row elements of one sheet, blank or formatted ones included: twice the 50,000 data rows.</summary>
    public const int MaxRows = 100_000;

    /// <summary>Cell elements of one sheet: a full list is 550,011; room for formatted empty cells around it.</summary>
    public const int MaxCells = 2_000_000;

    /// <summary>Characters of one cell: Excel's own limit.</summary>
    public const int MaxCellChars = 32_767;

    /// <summary>Entries of the shared-strings table: a full list has at most 550,011 distinct values.</summary>
    public const int MaxSharedStrings = 1_000_000;

    /// <summary>
    /// Characters of text kept from a workbook (shared strings and text cells): a full list with a 200-character
    /// note on every row holds about 15 million.
    /// </summary>
    public const long MaxTextChars = 32_000_000;

    /// <summary>Uncompressed bytes of all parts together, declared by the zip or actually read.</summary>
    public const long MaxExpandedBytes = 400L * 1024 * 1024;

    /// <summary>Uncompressed to compressed size of an entry over 1 MB: XML compresses 5–20 times, zip bombs thousands.</summary>
    public const int MaxCompressionRatio = 200;

    /// <summary>Characters of a part the OpenXML SDK loads whole (the workbook part: sheet list and names).</summary>
    public const long MaxSdkPartChars = 10_000_000;
}
