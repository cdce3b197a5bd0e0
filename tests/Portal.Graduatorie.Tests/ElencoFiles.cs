using ClosedXML.Excel;
using Portal.Graduatorie.Validation;
using Portal.Testing;

namespace Portal.Graduatorie.Tests;

/// <summary>Workbooks shaped like the operators' files, written with ClosedXML.</summary>
internal static class ElencoFiles
{
    public static string Cf(string surname3, string name3, DateOnly birth, bool female = false, string place = "A271") =>
        TestCodiciFiscali.Make(surname3, name3, birth, female, place);

    public static readonly DateOnly Opening = new(2026, 9, 1);

    /// <summary>A clean row: 15-year-old student in an Ancona school, ISEE 8.500,00.</summary>
    public static object?[] Row(int i = 0) =>
    [
        Cf("RSS", "LCU", new DateOnly(2011, 3, 1 + i % 28)),
        "Rossi", "Luca",
        new DateTime(2011, 3, 1 + i % 28),
        Cf("RSS", "MRA", new DateOnly(1980, 1, 1 + i % 28)),
        "Rossi", "Mario",
        "ANIS00100" + (i % 10),
        3,
        8500.00,
        null,
    ];

    public static ValidationSettings Settings(Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyDictionary<string, string>>>? others = null) =>
        new(ValidationSettings.DefaultSogliaIsee, Opening,
            new HashSet<string> { "AN", "AP", "FM", "MC", "PU", "RM", "MI", "BO" },
            new HashSet<string> { "AN", "AP", "FM", "MC", "PU" },
            others);

    public static MemoryStream Workbook(IEnumerable<object?[]> rows, string? version = ElencoTemplate.Version,
        IReadOnlyList<string>? headers = null, Action<IXLWorkbook>? edit = null)
    {
        using var wb = new XLWorkbook();
        var sheet = wb.AddWorksheet(ElencoTemplate.DataSheet);
        var h = headers ?? ElencoTemplate.Headers;
        for (var c = 0; c < h.Count; c++) sheet.Cell(1, c + 1).Value = h[c];
        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                var cell = sheet.Cell(r, c + 1);
                switch (row[c])
                {
                    case null: break;
                    case DateTime d: cell.Value = d; cell.Style.DateFormat.Format = "dd/mm/yyyy"; break;
                    case string s: cell.SetValue(s); break;
                    case int n: cell.Value = n; break;
                    case double n: cell.Value = n; break;
                    default: cell.Value = row[c]!.ToString(); break;
                }
            }
            r++;
        }
        if (version is not null)
        {
            var v = wb.AddWorksheet(ElencoTemplate.VersionSheet);
            v.Cell(1, 1).Value = version;
            v.Hide();
        }
        edit?.Invoke(wb);
        var ms = new MemoryStream();
        wb.SaveAs(ms);
        ms.Position = 0;
        return ms;
    }

    public static Task<ValidationResult> ValidateAsync(MemoryStream file, ValidationSettings? settings = null) =>
        ElencoValidator.ValidateAsync(file, settings ?? Settings());
}
