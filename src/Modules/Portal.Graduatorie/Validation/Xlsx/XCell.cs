namespace Portal.Graduatorie.Validation.Xlsx;

/// <summary>
/// A cell as the workbook stores it: text, a number (dates are numbers with a date format, unless the
/// producer wrote an ISO date cell), or an error. For a formula cell this is its cached result.
/// </summary>
public readonly record struct XCell(string? Text, double? Number, DateTime? Date, bool IsError)
{
    public static readonly XCell Empty = new(null, null, null, false);

    public bool IsBlank => !IsError && Number is null && Date is null && string.IsNullOrWhiteSpace(Text);

    /// <summary>The value as the operator would read it, for messages.</summary>
    public string Display => IsError ? Text ?? "#ERRORE"
        : Date is { } d ? d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)
        : Number is { } n ? n.ToString("0.##########", System.Globalization.CultureInfo.GetCultureInfo("it-IT"))
        : Text?.Trim() ?? "";
}

/// <summary>A sheet row: its 1-based number in the sheet and its cells (missing cells are <see cref="XCell.Empty"/>).</summary>
public sealed record XRow(int Number, XCell[] Cells)
{
    public XCell this[int column] => column < Cells.Length ? Cells[column] : XCell.Empty;

    public bool IsBlank => Cells.All(c => c.IsBlank);
}
