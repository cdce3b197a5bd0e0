using BenchmarkDotNet.Attributes;
using Portal.Core.Protocol;
using Portal.Core.Receipts;
using Portal.Documents.Services;
using Portal.Protocol.Services;

namespace Portal.Bench;

/// <summary>Time to draw one receipt PDF (fonts already loaded: the warm, per-receipt cost).</summary>
[MemoryDiagnoser]
public class ReceiptBenchmarks
{
    private readonly ReceiptRequest _request = new(
        "Ricevuta di invio – Graduatoria Borse di studio", "Bench", "1", "Mario Rossi", "RSSMRA80A01H501U", null,
        new ProtocolEntry { Aoo = "ARM", Year = 2026, Number = 42, RegisteredUtc = DateTime.UtcNow, SubjectType = "Bench", SubjectId = "1" },
        [("Comune", "Ancona"), ("Righe", "1.250"), ("Avvisi", "3")],
        [new ReceiptFile("elenco.xlsx", 512_000, new string('e', 64))]);

    private readonly SkiaPdfRenderer _renderer = new();

    [Benchmark]
    public byte[] RenderReceipt() =>
        _renderer.Render(ReceiptDocument.Build(_request, "Portale dei servizi", "Regione Marche", "ABCDEFGH2345", "https://portale.example/verifica/ABCDEFGH2345", DateTime.UtcNow));
}
