using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Portal.AuditTrail.Data;
using Portal.AuditTrail.Model;
using Portal.Core.Text;
using Portal.Core.Time;

namespace Portal.AuditTrail.Services;

/// <summary>Filters of the audit view; dates are Italian calendar days, both included.</summary>
public sealed record AuditFilter(string? Azione = null, string? Chi = null, string? Testo = null, DateOnly? Dal = null, DateOnly? Al = null);

public sealed class AuditQuery(AuditTrailDbContext db)
{
    public const int MaxExportRows = 50_000;

    public IQueryable<AuditEntry> Apply(AuditFilter f)
    {
        var q = db.Audit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Azione)) q = q.Where(a => a.Action == f.Azione);
        if (!string.IsNullOrWhiteSpace(f.Chi))
        {
            var who = LikePattern.Containing(f.Chi);
            q = q.Where(a => a.ActorName != null && EF.Functions.Like(a.ActorName.ToLower(), who, LikePattern.Escape));
        }
        if (!string.IsNullOrWhiteSpace(f.Testo))
        {
            var text = LikePattern.Containing(f.Testo);
            q = q.Where(a => (a.Subject != null && EF.Functions.Like(a.Subject.ToLower(), text, LikePattern.Escape))
                || (a.Details != null && EF.Functions.Like(a.Details.ToLower(), text, LikePattern.Escape)));
        }
        if (f.Dal is DateOnly from && RomeTime.TryFromRome(from.ToDateTime(TimeOnly.MinValue), out var fromUtc, out _))
            q = q.Where(a => a.Utc >= fromUtc);
        if (f.Al is DateOnly to && RomeTime.TryFromRome(to.AddDays(1).ToDateTime(TimeOnly.MinValue), out var toUtc, out _))
            q = q.Where(a => a.Utc < toUtc);
        return q.OrderByDescending(a => a.Id);
    }

    public Task<List<string>> ActionsAsync(CancellationToken ct = default) =>
        db.Audit.AsNoTracking().Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(ct);

    /// <summary>The filtered entries as an Excel workbook (newest first, at most <see cref="MaxExportRows"/>).</summary>
    public async Task<byte[]> ExportAsync(AuditFilter filter, CancellationToken ct = default)
    {
        var rows = await Apply(filter).Take(MaxExportRows).ToListAsync(ct);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Registro attività");
        string[] headers = ["Data e ora", "Azione", "Chi", "Ruolo", "Oggetto", "Dettagli", "Indirizzo"];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
        }
        var r = 2;
        foreach (var a in rows)
        {
            sheet.Cell(r, 1).Value = RomeTime.ToRome(a.Utc);
            sheet.Cell(r, 1).Style.DateFormat.Format = "dd/mm/yyyy hh:mm:ss";
            sheet.Cell(r, 2).Value = a.Action;
            sheet.Cell(r, 3).Value = a.ActorName;
            sheet.Cell(r, 4).Value = a.ActorRole;
            sheet.Cell(r, 5).Value = a.Subject;
            sheet.Cell(r, 6).Value = a.Details;
            sheet.Cell(r, 7).Value = a.IpAddress;
            r++;
        }
        // AdjustToContents needs System.Drawing fonts, which fail on Linux: widths are set by hand.
        double[] widths = [20, 26, 26, 18, 50, 70, 16];
        for (var c = 0; c < widths.Length; c++) sheet.Column(c + 1).Width = widths[c];
        sheet.SheetView.FreezeRows(1);
        using var ms = new MemoryStream();
        workbook.SaveAs(ms);
        return ms.ToArray();
    }
}
