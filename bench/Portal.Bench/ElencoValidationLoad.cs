using System.Diagnostics;
using ClosedXML.Excel;
using Portal.Graduatorie.Validation;
using Portal.Testing;

namespace Portal.Bench;

/// <summary>
/// Validates generated "Elenco" workbooks of 10,000 and 50,000 rows: median wall time over several
/// runs and peak managed memory during one validation (sampled), as graduatorie.md's limits demand.
/// </summary>
internal static class ElencoValidationLoad
{
    public static async Task RunAsync(int runs)
    {
        Console.WriteLine("righe\tMB file\tmediana ms\tmin ms\tpicco memoria gestita MB\tallocati MB");
        foreach (var rows in new[] { 10_000, 50_000 })
        {
            var file = Generate(rows);
            var settings = new ValidationSettings(ValidationSettings.DefaultSogliaIsee, new DateOnly(2026, 9, 1),
                new HashSet<string> { "AN", "AP", "FM", "MC", "PU" }, new HashSet<string> { "AN", "AP", "FM", "MC", "PU" });
            await ValidateAsync(file, settings); // warm-up
            var times = new List<double>();
            long peak = 0, allocated = 0;
            for (var i = 0; i < runs; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var baseline = GC.GetTotalMemory(true);
                var allocatedBefore = GC.GetTotalAllocatedBytes(true);
                using var sampling = new CancellationTokenSource();
                var sampler = Task.Run(async () =>
                {
                    long max = 0;
                    while (!sampling.IsCancellationRequested)
                    {
                        max = Math.Max(max, GC.GetTotalMemory(false) - baseline);
                        await Task.Delay(2);
                    }
                    return max;
                });
                var watch = Stopwatch.StartNew();
                var result = await ValidateAsync(file, settings);
                watch.Stop();
                await sampling.CancelAsync();
                peak = Math.Max(peak, await sampler);
                allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
                if (result.Rows.Count != rows || result.HasErrors) throw new InvalidOperationException("Risultato inatteso della validazione.");
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine($"{rows}\t{file.Length / 1048576.0:0.00}\t{times[times.Count / 2]:0}\t{times[0]:0}\t{peak / 1048576.0:0.0}\t{allocated / 1048576.0:0}");
        }
    }

    private static async Task<ValidationResult> ValidateAsync(byte[] file, ValidationSettings settings)
    {
        using var stream = new MemoryStream(file, writable: false);
        return await ElencoValidator.ValidateAsync(stream, settings);
    }

    private static byte[] Generate(int rows)
    {
        using var wb = new XLWorkbook();
        var sheet = wb.AddWorksheet(ElencoTemplate.DataSheet);
        for (var c = 0; c < ElencoTemplate.Headers.Count; c++) sheet.Cell(1, c + 1).SetValue(ElencoTemplate.Headers[c]);
        var parent = Cf("BNC", "GPP", new DateOnly(1975, 5, 20));
        for (var i = 0; i < rows; i++)
        {
            var birth = new DateOnly(2008, 1, 1).AddDays(i % 3000);
            // Distinct students: the name part varies with the row, the birth date with it.
            var name = $"{(char)('B' + i % 20)}{(char)('B' + i / 20 % 20)}{(char)('B' + i / 400 % 20)}";
            var r = i + 2;
            sheet.Cell(r, 1).SetValue(Cf(name, $"L{(char)('B' + i / 8000 % 20)}U", birth));
            sheet.Cell(r, 2).SetValue("Rossi");
            sheet.Cell(r, 3).SetValue("Luca");
            sheet.Cell(r, 4).SetValue(birth.ToDateTime(TimeOnly.MinValue));
            sheet.Cell(r, 5).SetValue(parent);
            sheet.Cell(r, 6).SetValue("Bianchi");
            sheet.Cell(r, 7).SetValue("Giuseppe");
            sheet.Cell(r, 8).SetValue("ANIS00100" + i % 10);
            sheet.Cell(r, 9).SetValue(1 + i % 5);
            sheet.Cell(r, 10).SetValue(1000 + i % 9000 + 0.5);
            sheet.Cell(r, 11).SetValue(i % 7 == 0 ? "nota" : "");
        }
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }

    private static string Cf(string surname3, string name3, DateOnly birth) => TestCodiciFiscali.Make(surname3, name3, birth);
}
