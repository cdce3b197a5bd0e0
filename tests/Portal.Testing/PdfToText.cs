using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit;

namespace Portal.Testing;

/// <summary>The text of a PDF as poppler's pdftotext reads it (a real reader, not our own drawing code).</summary>
public static partial class PdfToText
{
    /// <summary>The text, with every run of white space (line breaks of the layout included) made one space.</summary>
    public static async Task<string> ReadAsync(byte[] pdf, bool collapseWhitespace = true)
    {
        var path = Path.GetTempFileName();
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            return await ReadFileAsync(path, collapseWhitespace);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static async Task<string> ReadFileAsync(string path, bool collapseWhitespace = true)
    {
        var info = new ProcessStartInfo("pdftotext", [path, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(info) ?? throw new InvalidOperationException("pdftotext non disponibile (pacchetto poppler-utils)");
        var text = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.Equal(0, p.ExitCode);
        return collapseWhitespace ? Spaces().Replace(text, " ") : text;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
