using System.Diagnostics;

namespace Portal.Graduatorie.Tests;

/// <summary>
/// Workbooks written by an independent producer: LibreOffice Calc (Debian package libreoffice-calc-nogui,
/// installed by scripts/test.sh) converting Italian CSV files, as an operator's "Salva con nome" would.
/// The files are converted once per test class.
/// </summary>
public sealed class LibreOfficeFiles : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("portal-lo-").FullName;

    public static readonly IReadOnlyDictionary<string, string> Csv = new Dictionary<string, string>
    {
        ["valido"] = Lines(
            "01/03/2011", "1.234,56",
            "15/07/2012", "0",
            "02/01/2010", "15748,78"),
        ["errori"] = Lines(
            "31/02/2011", "-5",
            "15/07/2012", "mille"),
    };

    public LibreOfficeFiles()
    {
        // The sheet takes the file's name: each list is an "Elenco.csv" in its own folder.
        foreach (var (name, text) in Csv)
        {
            Directory.CreateDirectory(Path.Combine(_dir, name));
            File.WriteAllText(Path.Combine(_dir, name, "Elenco.csv"), text);
            Convert(name, "xlsx");
        }
        Convert("valido", "ods");
        Convert("valido", "xls");
    }

    /// <summary>E.g. Open("valido", "ods"): the converted file, whatever name the operator gives it.</summary>
    public MemoryStream Open(string list, string format = "xlsx") => new(File.ReadAllBytes(Path.Combine(_dir, list, "Elenco." + format)));

    private void Convert(string list, string format)
    {
        var folder = Path.Combine(_dir, list);
        var soffice = File.Exists("/usr/bin/soffice") ? "/usr/bin/soffice"
            : throw new InvalidOperationException("LibreOffice non trovato: installare il pacchetto Debian libreoffice-calc-nogui (scripts/test.sh lo fa).");
        var start = new ProcessStartInfo(soffice) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var arg in new[]
                 {
                     $"-env:UserInstallation=file://{_dir}/profile", "--headless", "--norestore",
                     "--infilter=CSV:59,34,76,1,,1040", "--convert-to", format, "--outdir", folder, "Elenco.csv",
                 })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("LibreOffice non ha terminato la conversione entro 3 minuti.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"Conversione LibreOffice non riuscita ({process.ExitCode}): {output.Result} {error.Result}");
    }

    /// <summary>The template's header and one row per (date, isee) pair, in Italian notation, ';'-separated.</summary>
    private static string Lines(params string[] dateIsee)
    {
        var rows = new List<string> { string.Join(';', Portal.Graduatorie.Validation.ElencoTemplate.Headers) };
        for (var i = 0; i < dateIsee.Length; i += 2)
        {
            var birth = DateOnly.ParseExact(dateIsee[i] == "31/02/2011" ? "28/02/2011" : dateIsee[i], "dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
            var cf = ElencoFiles.Cf("BNC", "LSA", birth, female: i % 4 == 2);
            rows.Add(string.Join(';', cf, "Bianchi", "Elisa", dateIsee[i], ElencoFiles.Cf("BNC", "GPP", new DateOnly(1975, 5, 20)),
                "Bianchi", "Giuseppe", "ANIS00100" + i / 2, (i / 2 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), dateIsee[i + 1], ""));
        }
        return string.Join('\n', rows) + '\n';
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }
}
