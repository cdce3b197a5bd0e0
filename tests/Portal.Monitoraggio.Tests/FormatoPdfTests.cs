using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Portal.Monitoraggio.Validation;

namespace Portal.Monitoraggio.Tests;

/// <summary>The format as a PDF (scope 2): generated from FeedFormat, linked from the public page, its text read back with pdftotext.</summary>
public partial class FormatoPdfTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>The text of the PDF, or of one column band of its landscape pages (x and width in points).</summary>
    private static string PdfText(byte[] pdf, int? x = null, int? width = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tracciato-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            string[] crop = x is { } left ? ["-x", left.ToString(), "-y", "0", "-W", width!.Value.ToString(), "-H", "595"] : [];
            var info = new ProcessStartInfo("pdftotext", [.. crop, path, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(info) ?? throw new InvalidOperationException("pdftotext non disponibile (pacchetto poppler-utils)");
            var text = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            Assert.Equal(0, p.ExitCode);
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_format_page_links_a_PDF_with_every_field_rule_state_and_measure_of_the_parsers_definition()
    {
        var anonymous = portal.Anonymous();
        var page = await anonymous.GetStringAsync("/monitoraggio/formato");
        Assert.Contains("href=\"/api/v1/monitoraggio/formato/pdf\"", page);
        foreach (var rule in FeedFormat.GeneralRules.Take(4)) Assert.Contains(WebUtility.HtmlEncode(rule), WebUtility.HtmlEncode(WebUtility.HtmlDecode(page)));

        var response = await anonymous.GetAsync("/api/v1/monitoraggio/formato/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"tracciato-flusso-monitoraggio-v{FeedFormat.Version}.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        var text = PdfText(bytes);
        var flat = Spaces().Replace(text, " ");
        var dense = Spaces().Replace(text, "");

        Assert.Contains($"Tracciato del flusso di monitoraggio – versione {FeedFormat.Version}", flat);
        // The header as the parser wants it (a long word: broken across lines in the PDF, whole once the breaks go).
        Assert.Contains(FeedFormat.Header, dense);
        foreach (var rule in FeedFormat.GeneralRules) Assert.Contains(Spaces().Replace(rule, ""), dense);
        // Table cells wrap over lines that pdftotext interleaves with the next column's: each column is read on its own.
        var campi = Spaces().Replace(PdfText(bytes, 74, 190), "");
        var regoleCampi = Spaces().Replace(PdfText(bytes, 454, 206), "");
        foreach (var field in FeedFormat.Fields)
        {
            Assert.Contains(field.Name, campi);
            Assert.Contains(Spaces().Replace(field.Regola, ""), regoleCampi);
        }
        var regole = Spaces().Replace(PdfText(bytes, 354, 448), "");
        foreach (var rule in FeedFormat.Rules)
        {
            Assert.Contains(rule.Code, text);
            Assert.Contains(Spaces().Replace(rule.Descrizione, ""), regole);
        }
        foreach (var stato in FeedFormat.Stati) Assert.Contains(stato.Code, text);
        foreach (var misura in new[] { "FONDO-PERDUTO", "GARANZIA", "LIQUIDITA", "AUTONOMI" }) Assert.Contains(misura, dense);
        // The example file of the PDF is one that passes (the same generator as the downloadable example).
        Assert.Contains("CODICE-ENTE|", dense);
    }
}
