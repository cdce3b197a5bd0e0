using ClosedXML.Excel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Comuni;
using Portal.Core.Contracts;
using Portal.Core.Security;
using Portal.Monitoraggio.Data;
using Portal.Monitoraggio.Services;
using Portal.Monitoraggio.Validation;

namespace Portal.Monitoraggio.Pages.Admin.Monitoraggio;

/// <summary>The Funzionario's reports: totals by dimension, progress over time, average times, late enti; each table to Excel.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + "Monitoraggio.Reports")]
public sealed class IndexModel(MonitoraggioReports reports, MonitoraggioDbContext db, IEntiGestori enti, RegionComuni comuni) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Ente { get; set; }
    [BindProperty(SupportsGet = true)] public string? Misura { get; set; }
    [BindProperty(SupportsGet = true)] public string? Provincia { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Dal { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Al { get; set; }

    public IReadOnlyList<EnteGestoreInfo> Enti { get; private set; } = [];
    public IReadOnlyList<string> Misure { get; private set; } = [];
    public IReadOnlyList<string> Province { get; private set; } = [];
    public Dictionary<string, IReadOnlyList<ReportRow>> Totali { get; } = [];
    public IReadOnlyList<ProgressPoint> Andamento { get; private set; } = [];
    public (double? Delibera, double? Erogazione) Tempi { get; private set; }
    public IReadOnlyList<EnteStato> StatoEnti { get; private set; } = [];
    public Dictionary<string, string> NomiComuni { get; private set; } = [];

    public static readonly IReadOnlyDictionary<string, string> Titoli = new Dictionary<string, string>
    {
        ["misura"] = "Per misura", ["ente"] = "Per ente gestore", ["stato"] = "Per stato della pratica", ["provincia"] = "Per provincia", ["comune"] = "Per Comune",
    };

    /// <summary>The data of one chart for monitoraggio-grafici.js (Chart.js), amounts in euro; the server SVG stays as the fallback.</summary>
    public static string Grafico(string id, string tipo, string titolo, IEnumerable<string> etichette, IEnumerable<(decimal Richiesto, decimal Deliberato, decimal Erogato)> valori)
    {
        var v = valori.ToList();
        return System.Text.Json.JsonSerializer.Serialize(new
        {
            id, tipo, titolo, etichette = etichette.ToList(),
            serie = new[]
            {
                new { chiave = "richiesto", nome = "Richiesto", valori = v.Select(x => x.Richiesto / 100m).ToList() },
                new { chiave = "deliberato", nome = "Deliberato", valori = v.Select(x => x.Deliberato / 100m).ToList() },
                new { chiave = "erogato", nome = "Erogato", valori = v.Select(x => x.Erogato / 100m).ToList() },
            },
        });
    }

    private ReportFilter Filter => new(Ente, Misura, Provincia?.ToUpperInvariant(), Dal, Al);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Enti = await enti.ListAsync(ct);
        Misure = await db.Misure.AsNoTracking().OrderBy(m => m.Code).Select(m => m.Code).ToListAsync(ct);
        Province = (await db.Pratiche.AsNoTracking().Select(p => p.SiglaProvincia).Distinct().ToListAsync(ct)).Order(StringComparer.Ordinal).ToList();
        foreach (var d in MonitoraggioReports.Dimensions) Totali[d] = await reports.TotalsAsync(d, Filter, ct);
        NomiComuni = await comuni.NamesAsync(Totali["comune"].Select(r => r.Chiave), ct);
        Andamento = await reports.ProgressAsync(Filter, ct);
        Tempi = await reports.AverageDaysAsync(Filter, ct);
        StatoEnti = await reports.EntiAsync(ct);
    }

    /// <summary>One table of the page as an Excel workbook, with the page's filters.</summary>
    public async Task<IActionResult> OnGetExcelAsync(string? tabella, CancellationToken ct)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("Report");
        if (tabella == "andamento")
        {
            Row(ws, 1, "Data di riferimento", "Pratiche", "Richiesto (€)", "Deliberato (€)", "Erogato (€)");
            var r = 2;
            foreach (var p in await reports.ProgressAsync(Filter, ct))
                Row(ws, r++, FeedValues.Date(p.DataRiferimento), p.Pratiche, p.Richiesto / 100m, p.Deliberato / 100m, p.Erogato / 100m);
        }
        else if (tabella is not null && MonitoraggioReports.Dimensions.Contains(tabella))
        {
            Row(ws, 1, Titoli[tabella], "Pratiche", "Richiesto (€)", "Deliberato (€)", "Erogato (€)");
            var r = 2;
            foreach (var x in await reports.TotalsAsync(tabella, Filter, ct))
                Row(ws, r++, x.Chiave, x.Pratiche, x.Richiesto / 100m, x.Deliberato / 100m, x.Erogato / 100m);
        }
        else return BadRequest();
        ws.Row(1).Style.Font.Bold = true;
        ws.Columns(3, 5).Style.NumberFormat.Format = "#,##0.00";
        ws.Column(1).Width = 30;
        ws.Columns(2, 5).Width = 18;
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return File(ms.ToArray(), ErrorReport.XlsxType, $"monitoraggio-{tabella}.xlsx");
    }

    private static void Row(IXLWorksheet ws, int row, params object[] values)
    {
        for (var c = 0; c < values.Length; c++) ws.Cell(row, c + 1).Value = values[c];
    }

    public string ExcelUrl(string tabella) =>
        Url.Page("Index", "Excel", new { tabella, Ente, Misura, Provincia, Dal = Dal?.ToString("yyyy-MM-dd"), Al = Al?.ToString("yyyy-MM-dd") }) ?? "";
}
