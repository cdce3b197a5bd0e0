using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Portal.Contents.Contracts;
using Portal.Core.Comuni;
using Portal.Core.Text;
using Portal.Graduatorie.Data;
using Portal.Core.Settings;
using Portal.Documents;
using Portal.Core.Data;

namespace Portal.Graduatorie.Services;

/// <summary>
/// The rows of a published regional Graduatoria for its public page (Portal.Contents' /graduatorie/{id}): position,
/// code, Comune and outcome only, searched and paged in the database, and the whole list as PDF or Excel.
/// </summary>
internal sealed class GraduatoriaRighePubbliche(GraduatorieDbContext db, RegionComuni regionComuni, ISiteSettings settings, IPdfRenderer pdfs, TimeProvider clock) : IGraduatoriaRighe
{
    private static readonly GraduatoriaColonna[] Colonne = [new("Posizione", true), new("Codice"), new("Comune"), new("Esito")];

    private const string Istruzioni =
        "Ogni studente è indicato con un codice personale, comunicato alla famiglia dal Comune che ha inviato l'elenco: " +
        "cerca il codice (o il Comune) nel campo qui sotto. L'ordine segue il valore ISEE crescente, poi l'età, poi il codice.";

    public async Task<GraduatoriaRighePagina?> PageAsync(Guid contentId, string? cerca, int pagina, int perPagina, CancellationToken ct = default)
    {
        if (await PublishedAsync(contentId, ct) is not { } graduatoriaId) return null;
        var all = db.Posizioni.AsNoTracking().Where(p => p.GraduatoriaId == graduatoriaId);
        var rows = all;
        var text = cerca?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            var lower = text.ToLowerInvariant();
            var comuni = (await regionComuni.ListAsync(ct)).Where(c => c.Nome.Contains(text, StringComparison.OrdinalIgnoreCase)).Select(c => c.CodiceIstat).ToList();
            EsitoPosizione? esito = lower.StartsWith("benef", StringComparison.Ordinal) ? EsitoPosizione.Beneficiario
                : lower.StartsWith("idone", StringComparison.Ordinal) ? EsitoPosizione.Idoneo : null;
            int? posizione = int.TryParse(text, out var n) ? n : null;
            var pattern = LikePattern.Containing(text);
            rows = rows.Where(p => EF.Functions.Like(p.Codice.ToLower(), pattern, LikePattern.Escape)
                || comuni.Contains(p.ComuneIstat) || (esito != null && p.Esito == esito) || (posizione != null && p.Posizione == posizione));
        }
        var totale = await rows.CountAsync(ct);
        var skip = Paging.Skip(pagina, perPagina);
        var page = await rows.OrderBy(p => p.Posizione).Skip(skip).Take(perPagina)
            .Select(p => new { p.Posizione, p.Codice, p.ComuneIstat, p.Esito }).ToListAsync(ct);
        var names = await regionComuni.NamesAsync(page.Select(p => p.ComuneIstat), ct);
        var righe = page.Select(p => (IReadOnlyList<string>)[p.Posizione.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Codice,
            names.GetValueOrDefault(p.ComuneIstat, p.ComuneIstat), GraduatorieLabels.Esito(p.Esito)]).ToList();
        var tutte = string.IsNullOrEmpty(text) ? totale : await all.CountAsync(ct);
        return new GraduatoriaRighePagina(Colonne, righe, totale, tutte, Istruzioni);
    }

    public async Task<GraduatoriaFile?> FileAsync(Guid contentId, GraduatoriaFormato formato, CancellationToken ct = default)
    {
        if (await PublishedAsync(contentId, ct) is not { } graduatoriaId) return null;
        var rows = await db.Posizioni.AsNoTracking().Where(p => p.GraduatoriaId == graduatoriaId).OrderBy(p => p.Posizione)
            .Select(p => new { p.Posizione, p.Codice, p.ComuneIstat, p.Esito }).ToListAsync(ct);
        var names = await regionComuni.NamesAsync(rows.Select(p => p.ComuneIstat), ct);
        var table = rows.Select(p => new[] { p.Posizione.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Codice,
            names.GetValueOrDefault(p.ComuneIstat, p.ComuneIstat), GraduatorieLabels.Esito(p.Esito) }).ToList();
        var titolo = await db.Graduatorie.AsNoTracking().Where(g => g.Id == graduatoriaId)
            .Select(g => new { g.DecretoNumero, g.DecretoData }).FirstAsync(ct);
        var decreto = titolo.DecretoNumero is null ? null : $"Approvata con decreto n. {titolo.DecretoNumero}{(titolo.DecretoData is { } d ? $" del {d:dd/MM/yyyy}" : "")}";
        if (formato != GraduatoriaFormato.Pdf)
            return new GraduatoriaFile("graduatoria.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Workbook(table, decreto));
        var site = await settings.GetAsync(ct);
        var document = new PdfDocument(new PdfInfo("Graduatoria regionale", site.RegionName, site.PortalName, clock.GetUtcNow().UtcDateTime))
            .Text("Graduatoria regionale", PdfFont.Bold, 15);
        if (decreto is not null) document.Text(decreto, size: 9);
        var pdf = pdfs.Render(document.Gap(8).PageNumbers()
            .Table(Colonne.Select(c => new PdfColumn(c.Titolo, c.Numerica ? 0.7f : 1.3f, c.Numerica)).ToList(), table));
        return new GraduatoriaFile("graduatoria.pdf", "application/pdf", pdf);
    }

    /// <summary>The regional Graduatoria published as this content item, if any.</summary>
    private Task<Guid?> PublishedAsync(Guid contentId, CancellationToken ct) =>
        db.Graduatorie.AsNoTracking().Where(g => g.ContentId == contentId && g.Stato == StatoGraduatoria.Pubblicata)
            .Select(g => (Guid?)g.Id).FirstOrDefaultAsync(ct);

    private static byte[] Workbook(IReadOnlyList<string[]> rows, string? decreto)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("Graduatoria");
        for (var c = 0; c < Colonne.Length; c++)
        {
            ws.Cell(1, c + 1).Value = Colonne[c].Titolo;
            ws.Cell(1, c + 1).Style.Font.Bold = true;
        }
        for (var r = 0; r < rows.Count; r++)
        {
            ws.Cell(r + 2, 1).Value = int.Parse(rows[r][0], System.Globalization.CultureInfo.InvariantCulture);
            for (var c = 1; c < Colonne.Length; c++) ws.Cell(r + 2, c + 1).Value = rows[r][c];
        }
        if (decreto is not null) ws.Cell(rows.Count + 3, 1).Value = decreto;
        // AdjustToContents throws on Linux (platform.md): fixed widths.
        ws.Column(1).Width = 11;
        ws.Column(2).Width = 16;
        ws.Column(3).Width = 28;
        ws.Column(4).Width = 14;
        ws.SheetView.FreezeRows(1);
        using var output = new MemoryStream();
        wb.SaveAs(output);
        return output.ToArray();
    }
}
