using ClosedXML.Excel;

namespace Portal.Graduatorie.Validation;

/// <summary>
/// The operator's own workbook returned with the cells in error filled red (warnings yellow) and a
/// "SEGNALAZIONI" column holding the messages of each row (graduatorie.md, section 4). Only for files
/// that passed the file-level checks: the sheet and its headers are known to be the template's.
/// </summary>
public static class ErrorWorkbookWriter
{
    public const string ColumnHeader = "SEGNALAZIONI";
    private static readonly XLColor ErrorFill = XLColor.FromHtml("#F8C7CE");
    private static readonly XLColor WarningFill = XLColor.FromHtml("#FFEB9C");

    /// <summary>
    /// The most cells a workbook may hold to be marked: a full list of the template and some room for its other sheets.
    /// ClosedXML loads every cell of every sheet, so a workbook that passed the streaming checks with many more (up to
    /// <see cref="Xlsx.XlsxLimits.MaxCells"/>, e.g. in an extra sheet) would take gigabytes to mark.
    /// </summary>
    public const long MaxCells = (ValidationSettings.MaxDataRows + 1_000L) * 12;

    /// <exception cref="Core.Errors.PortalException">Conflict, when the workbook holds more than <see cref="MaxCells"/> cells.</exception>
    public static byte[] Write(Stream original, IReadOnlyList<ValidationIssue> issues)
    {
        RequireMarkable(original);
        original.Position = 0;
        using var wb = new XLWorkbook(original);
        var sheet = wb.Worksheets.FirstOrDefault(w => string.Equals(w.Name.Trim(), ElencoTemplate.DataSheet, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException("Il file non ha il foglio \"Elenco\": non è possibile restituirlo con le segnalazioni.");
        var column = ElencoTemplate.Headers.Count + 1;
        var header = sheet.Cell(1, column);
        header.SetValue(ColumnHeader);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = ErrorFill;
        sheet.Column(column).Width = 80;

        foreach (var row in issues.Where(i => i.Row is not null).GroupBy(i => i.Row!.Value).OrderBy(g => g.Key))
        {
            foreach (var issue in row.Where(i => i.Column is not null))
            {
                var index = IndexOf(issue.Column!);
                if (index < 0) continue;
                var cell = sheet.Cell(row.Key, index + 1);
                // An error wins over a warning on the same cell.
                if (issue.Severity == IssueSeverity.Error || cell.Style.Fill.BackgroundColor != ErrorFill)
                    cell.Style.Fill.BackgroundColor = issue.Severity == IssueSeverity.Error ? ErrorFill : WarningFill;
            }
            var messages = sheet.Cell(row.Key, column);
            messages.SetValue(string.Join("\n", row.Select(i => $"{i.Code} – {i.Message}")));
            messages.Style.Alignment.WrapText = true;
        }
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }

    private static void RequireMarkable(Stream original)
    {
        original.Position = 0;
        long cells;
        using (var probe = Xlsx.XlsxWorkbook.TryOpen(original, out _))
        {
            try
            {
                cells = probe?.CountCells() ?? long.MaxValue;
            }
            catch (Xlsx.XlsxRefusedException)
            {
                cells = long.MaxValue;
            }
        }
        if (cells > MaxCells)
            throw Core.Errors.PortalException.Conflict(
                "Il file caricato contiene più celle di quante ne abbia un elenco del modello, anche in altri fogli: non viene restituito con le "
                + "segnalazioni colorate. Le segnalazioni restano elencate nell'esito dell'invio, riga per riga.");
    }

    private static int IndexOf(string column)
    {
        for (var i = 0; i < ElencoTemplate.Headers.Count; i++)
            if (ElencoTemplate.Headers[i] == column) return i;
        return -1;
    }
}
