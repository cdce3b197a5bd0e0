using System.Text;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Portal.Monitoraggio.Data;

namespace Portal.Monitoraggio.Services;

/// <summary>The full error report of a feed as CSV (UTF-8 with BOM, ";" for Excel in Italian) or as an Excel workbook.</summary>
public sealed class ErrorReport(MonitoraggioDbContext db)
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /// <summary>An Excel sheet holds 1,048,576 rows; a longer report is cut there (the CSV has all of it).</summary>
    private const int MaxXlsxRows = 1_048_000;

    private IAsyncEnumerable<FlussoSegnalazione> Rows(Guid id) =>
        db.Segnalazioni.AsNoTracking().Where(s => s.FlussoId == id).OrderBy(s => s.Riga).ThenBy(s => s.Id).AsAsyncEnumerable();

    public async Task WriteCsvAsync(Guid id, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(true), 1 << 16, leaveOpen: true);
        await writer.WriteLineAsync("RIGA;CAMPO;VALORE;CODICE;TIPO;MESSAGGIO");
        await foreach (var s in Rows(id).WithCancellation(ct))
            await writer.WriteLineAsync(string.Join(';', s.Riga.ToString(System.Globalization.CultureInfo.InvariantCulture), Csv(s.Campo), Csv(s.Valore),
                s.Codice, s.Avviso ? "AVVISO" : "ERRORE", Csv(s.Messaggio)));
    }

    public async Task<byte[]> XlsxAsync(Guid id, CancellationToken ct)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("Segnalazioni");
        string[] head = ["Riga", "Campo", "Valore", "Codice", "Tipo", "Messaggio"];
        for (var c = 0; c < head.Length; c++) ws.Cell(1, c + 1).Value = head[c];
        ws.Row(1).Style.Font.Bold = true;
        var r = 2;
        await foreach (var s in Rows(id).WithCancellation(ct))
        {
            if (r > MaxXlsxRows) break;
            ws.Cell(r, 1).Value = s.Riga;
            ws.Cell(r, 2).Value = s.Campo ?? "";
            ws.Cell(r, 3).SetValue(s.Valore ?? "");
            ws.Cell(r, 4).Value = s.Codice;
            ws.Cell(r, 5).Value = s.Avviso ? "Avviso" : "Errore";
            ws.Cell(r, 6).Value = s.Messaggio;
            r++;
        }
        ws.SheetView.FreezeRows(1);
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }

    private static string Csv(string? v)
    {
        if (string.IsNullOrEmpty(v)) return "";
        // A value starting with = + - @ would be run as a formula by a spreadsheet.
        if (v[0] is '=' or '+' or '-' or '@') v = "'" + v;
        return v.Contains(';') || v.Contains('"') || v.Contains('\n') || v.Contains('\r') ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }
}
