using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Portal.Graduatorie.Services;
using Portal.Graduatorie.Validation;

namespace Portal.Graduatorie.Export;

/// <summary>The consolidated list of a Finestra's valid lists: the template's columns preceded by the Comune.</summary>
public static class ConsolidatoExport
{
    public static readonly IReadOnlyList<string> Headers =
        ["CODICE ISTAT COMUNE", "COMUNE", .. ElencoTemplate.Headers, "DUPLICATO IN ALTRI COMUNI"];

    private static readonly CultureInfo Italian = CultureInfo.GetCultureInfo("it-IT");

    public static byte[] Xlsx(IReadOnlyList<RigaConsolidata> rows)
    {
        var duplicates = DuplicateComuni(rows);
        using var wb = new XLWorkbook();
        var sheet = wb.AddWorksheet("Elenco consolidato");
        for (var c = 0; c < Headers.Count; c++) sheet.Cell(1, c + 1).Value = Headers[c];
        sheet.Row(1).Style.Font.Bold = true;
        var r = 2;
        foreach (var row in rows)
        {
            var x = row.Riga;
            sheet.Cell(r, 1).SetValue(row.ComuneIstat);
            sheet.Cell(r, 2).SetValue(row.ComuneNome);
            sheet.Cell(r, 3).SetValue(x.CfStudente);
            sheet.Cell(r, 4).SetValue(x.CognomeStudente);
            sheet.Cell(r, 5).SetValue(x.NomeStudente);
            if (x.DataNascitaStudente is DateOnly d)
            {
                sheet.Cell(r, 6).Value = d.ToDateTime(TimeOnly.MinValue);
                sheet.Cell(r, 6).Style.DateFormat.Format = "dd/mm/yyyy";
            }
            sheet.Cell(r, 7).SetValue(x.CfRichiedente);
            sheet.Cell(r, 8).SetValue(x.CognomeRichiedente);
            sheet.Cell(r, 9).SetValue(x.NomeRichiedente);
            sheet.Cell(r, 10).SetValue(x.CodiceMeccanografico);
            if (x.Classe is int classe) sheet.Cell(r, 11).Value = classe;
            if (x.ValoreIsee is decimal isee)
            {
                sheet.Cell(r, 12).Value = isee;
                sheet.Cell(r, 12).Style.NumberFormat.Format = "#,##0.00";
            }
            sheet.Cell(r, 13).SetValue(x.Note ?? "");
            sheet.Cell(r, 14).SetValue(Others(duplicates, row));
            r++;
        }
        sheet.SheetView.FreezeRows(1);
        sheet.Range(1, 1, Math.Max(1, r - 1), Headers.Count).SetAutoFilter();
        // Fixed widths: measuring the text needs fonts the server may not have.
        for (var c = 1; c <= Headers.Count; c++) sheet.Column(c).Width = c is 2 or 4 or 5 or 8 or 9 or 13 or 14 ? 24 : 18;
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }

    /// <summary>UTF-8 with BOM (Excel opens it as UTF-8), ';' separators, Italian decimals and dates.</summary>
    public static byte[] Csv(IReadOnlyList<RigaConsolidata> rows)
    {
        var duplicates = DuplicateComuni(rows);
        var sb = new StringBuilder();
        sb.Append(string.Join(';', Headers.Select(Field))).Append("\r\n");
        foreach (var row in rows)
        {
            var x = row.Riga;
            string[] fields =
            [
                row.ComuneIstat, row.ComuneNome, x.CfStudente, x.CognomeStudente, x.NomeStudente,
                x.DataNascitaStudente?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "",
                x.CfRichiedente, x.CognomeRichiedente, x.NomeRichiedente, x.CodiceMeccanografico,
                x.Classe?.ToString(CultureInfo.InvariantCulture) ?? "",
                x.ValoreIsee?.ToString("0.00", Italian) ?? "",
                x.Note ?? "", Others(duplicates, row),
            ];
            sb.Append(string.Join(';', fields.Select(Field))).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static Dictionary<string, List<RigaConsolidata>> DuplicateComuni(IReadOnlyList<RigaConsolidata> rows) =>
        RegioneService.Duplicates(rows).ToDictionary(d => d.CfStudente, d => d.Righe.ToList(), StringComparer.OrdinalIgnoreCase);

    private static string Others(Dictionary<string, List<RigaConsolidata>> duplicates, RigaConsolidata row) =>
        duplicates.TryGetValue(row.Riga.CfStudente, out var all)
            ? string.Join(", ", all.Where(o => o.ComuneIstat != row.ComuneIstat).Select(o => $"{o.ComuneNome} ({o.ComuneIstat})").Distinct())
            : "";

    private static string Field(string value)
    {
        // A cell starting with = + - @ would be run as a formula by a spreadsheet: keep it text.
        if (value.Length > 0 && "=+-@".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
