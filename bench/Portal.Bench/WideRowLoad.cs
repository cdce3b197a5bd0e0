using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Portal.Graduatorie.Validation;

namespace Portal.Bench;

/// <summary>
/// The security issue's wide-row workbook (about 8.6 MB, one data row of 4 million cells) through the validator:
/// wall time of the refusal and memory growth (managed heap, bytes allocated, process working set) per run.
/// Done-criterion: refused in under 1 s with memory growing by less than 100 MB. For comparison, the same 4 million
/// cells as rows of 100 columns (the widest row allowed): reading stops at the cell limit instead.
/// </summary>
internal static class WideRowLoad
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static async Task RunAsync(int runs, int cells)
    {
        var settings = new ValidationSettings(ValidationSettings.DefaultSogliaIsee, new DateOnly(2026, 9, 1),
            new HashSet<string> { "AN", "AP", "FM", "MC", "PU" }, new HashSet<string> { "AN", "AP", "FM", "MC", "PU" });
        var wide = Generate(cells, cells);
        Console.WriteLine($"riga larga: file {wide.Length / 1048576.0:0.00} MB, riga 2 di {cells:N0} celle");
        await MeasureAsync(wide, settings, runs);
        var block = Generate(cells, 100);
        Console.WriteLine($"blocco: file {block.Length / 1048576.0:0.00} MB, {cells / 100:N0} righe di 100 celle");
        await MeasureAsync(block, settings, runs);
    }

    private static async Task MeasureAsync(byte[] file, ValidationSettings settings, int runs)
    {
        Console.WriteLine("run\tms\tesito\tcodice\tcrescita heap MB\tpicco heap MB\tallocati MB\tworking set prima MB\tdopo MB\tpicco MB");
        using var process = Process.GetCurrentProcess();
        for (var run = 0; run <= runs; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var heapBefore = GC.GetTotalMemory(true);
            var allocatedBefore = GC.GetTotalAllocatedBytes(true);
            process.Refresh();
            var workingSetBefore = process.WorkingSet64;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                long heap = 0, workingSet = 0;
                while (!sampling.IsCancellationRequested)
                {
                    heap = Math.Max(heap, GC.GetTotalMemory(false));
                    process.Refresh();
                    workingSet = Math.Max(workingSet, process.WorkingSet64);
                    await Task.Delay(1);
                }
                return (heap, workingSet);
            });
            var watch = Stopwatch.StartNew();
            ValidationResult result;
            using (var stream = new MemoryStream(file, writable: false))
                result = await ElencoValidator.ValidateAsync(stream, settings);
            watch.Stop();
            var heapAfter = GC.GetTotalMemory(false);
            var allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
            await sampling.CancelAsync();
            var (heapPeak, workingSetPeak) = await sampler;
            process.Refresh();
            var workingSetAfter = process.WorkingSet64;
            workingSetPeak = Math.Max(workingSetPeak, workingSetAfter);
            var code = result.Issues.FirstOrDefault()?.Code ?? "-";
            Console.WriteLine(string.Join('\t', run == 0 ? "0 (a freddo)" : run.ToString(CultureInfo.InvariantCulture),
                $"{watch.Elapsed.TotalMilliseconds:0.0}", ValidationResult.Label(result.Esito), code,
                Mb(heapAfter - heapBefore), Mb(Math.Max(heapPeak, heapAfter) - heapBefore), Mb(allocated),
                Mb(workingSetBefore), Mb(workingSetAfter), Mb(workingSetPeak)));
            if (run == runs) Console.WriteLine($"messaggio: {result.Issues.FirstOrDefault()?.Message}");
        }
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>
    /// A minimal .xlsx: sheet "Elenco" with the template's headers, then <paramref name="cells"/> number cells from row 2,
    /// <paramref name="cellsPerRow"/> a row, with pseudo-random values (so the zip is not a plain zip bomb), streamed into the zip entry.
    /// </summary>
    private static byte[] Generate(int cells, int cellsPerRow)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
                "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>"));
            Entry(zip, "_rels/.rels", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
            Entry(zip, "xl/workbook.xml", w => w.Write(
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{Main}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
                $"<sheets><sheet name=\"{ElencoTemplate.DataSheet}\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
            Entry(zip, "xl/_rels/workbook.xml.rels", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"));
            Entry(zip, "xl/worksheets/sheet1.xml", w =>
            {
                w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\">");
                foreach (var header in ElencoTemplate.Headers) w.Write($"<c t=\"inlineStr\"><is><t>{header}</t></is></c>");
                w.Write("</row>");
                var random = new Random(20261123);
                for (var i = 0; i < cells; i++)
                {
                    if (i % cellsPerRow == 0) w.Write(i == 0 ? "<row>" : "</row><row>");
                    w.Write("<c><v>");
                    w.Write(random.Next(2_500).ToString(CultureInfo.InvariantCulture));
                    w.Write("</v></c>");
                }
                w.Write(cells > 0 ? "</row></sheetData></worksheet>" : "</sheetData></worksheet>");
            });
        }
        return ms.ToArray();
    }

    private static void Entry(ZipArchive zip, string name, Action<TextWriter> write)
    {
        using var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false), 1 << 16);
        write(w);
    }
}
