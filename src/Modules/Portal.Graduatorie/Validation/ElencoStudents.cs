using Portal.Graduatorie.Validation.Xlsx;

namespace Portal.Graduatorie.Validation;

/// <summary>The student named on a sheet row, as the operator wrote it.</summary>
public sealed record ElencoStudent(string CodiceFiscale, string Cognome, string Nome);

/// <summary>
/// Reads back the students of some rows of a stored workbook. A rejected upload keeps only its file, not its
/// rows, so the list of rows in error takes the names from the file the operator sent.
/// </summary>
public static class ElencoStudents
{
    public static IReadOnlyDictionary<int, ElencoStudent> Read(Stream file, IReadOnlySet<int> rows)
    {
        var found = new Dictionary<int, ElencoStudent>();
        if (rows.Count == 0) return found;
        using var workbook = XlsxWorkbook.TryOpen(file, out _);
        if (workbook?.FindSheet(ElencoTemplate.DataSheet) is not { } sheet) return found;
        var last = rows.Max();
        try
        {
            foreach (var row in workbook.ReadRows(sheet, ElencoTemplate.NomeStudente + 1))
            {
                if (row.Number > last) break;
                if (!rows.Contains(row.Number)) continue;
                found[row.Number] = new ElencoStudent(
                    CellParsing.Text(row[ElencoTemplate.CfStudente]).Replace(" ", "").ToUpperInvariant(),
                    CellParsing.Text(row[ElencoTemplate.CognomeStudente]),
                    CellParsing.Text(row[ElencoTemplate.NomeStudente]));
            }
        }
        catch (XlsxRefusedException)
        {
            // The validator refused this file as a whole: the students read before the fault are all there is.
        }
        return found;
    }
}
