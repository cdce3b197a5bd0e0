using SkiaSharp;
using Portal.Bonus.Workflow;
using Portal.Core.Time;

namespace Portal.Bonus.Services;

/// <summary>
/// "Genera domanda PDF": the whole application on A4 pages, drawn with SkiaSharp as Core's receipts are (text stays
/// extractable). Rendered on request only, never on the sending path.
/// </summary>
internal static class DomandaPdf
{
    private const float Width = 595, Height = 842, Margin = 50;
    private static readonly Lazy<SKTypeface> Regular = new(() => Font("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> Bold = new(() => Font("DejaVuSans-Bold.ttf"));

    private static SKTypeface Font(string file)
    {
        foreach (var dir in new[] { "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu" })
        {
            var path = Path.Combine(dir, file);
            if (File.Exists(path)) return SKTypeface.FromFile(path);
        }
        return SKTypeface.Default;
    }

    public static byte[] Render(Domanda d, Bando bando, string regione, string portale, string? comune, string? protocollo, DateTime nowUtc)
    {
        using var output = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"Domanda di contributo {bando.Codice}",
            Author = regione,
            Creator = portale,
            Producer = portale,
            Creation = nowUtc,
            Modified = nowUtc,
            PdfA = true,
        };
        using (var document = SKDocument.CreatePdf(output, metadata))
        {
            var w = new Writer(document);
            w.Line(regione, Regular.Value, 10, SKColors.DimGray);
            w.Line(portale, Bold.Value, 14, new SKColor(0x00, 0x66, 0xCC));
            w.Gap(10);
            w.Wrapped($"Domanda di contributo – {bando.Codice}", Bold.Value, 17);
            w.Wrapped(bando.Titolo, Regular.Value, 11);
            w.Gap(6);
            if (d.InviataUtc is { } inviata)
            {
                w.Line($"Stato: {DomandaWorkflow.Label(d.Stato)} – inviata il {RomeTime.Format(inviata)}", Bold.Value, 11);
                w.Line(protocollo is null ? "Protocollo: in corso di assegnazione" : $"Protocollo n. {protocollo}", Regular.Value, 11);
            }
            else
                w.Wrapped("BOZZA – documento per la verifica dei dati: non vale come invio. La domanda si presenta con «Invia domanda».", Bold.Value, 11, SKColors.DarkRed);
            w.Line($"Documento generato il {RomeTime.Format(nowUtc)}", Regular.Value, 9, SKColors.DimGray);

            Section(w, d, SezioniDomanda.Richiedente);
            w.Field("Richiedente", $"{d.Nome} {d.Cognome} – codice fiscale {d.CodiceFiscale}");
            w.Field("Comune di residenza", comune ?? d.ComuneResidenzaIstat ?? "–");
            w.Field("In qualità di", DomandaLabels.Ruolo(d.Ruolo));
            if (d.DataIngressoFiglio is { } ingresso) w.Field("Ingresso del figlio nel nucleo", ingresso.ToString("dd/MM/yyyy", RomeTime.Italian));
            w.Field("Convive con i figli", d.ConviveConFigli ? "sì" : "–");
            w.Field("Contatti", $"{d.Email ?? "–"} {d.Telefono ?? ""}".Trim());

            Section(w, d, SezioniDomanda.Nucleo);
            if (d.Componenti.Count == 0) w.Field("Componenti", "–");
            foreach (var c in d.Componenti) w.Field(DomandaLabels.Relazione(c.Relazione), $"{c.Nome} {c.Cognome} – {c.CodiceFiscale}");
            w.Field("Numero di figli", d.Componenti.Count(c => c.Relazione == RelazioneNucleo.Figlio).ToString(RomeTime.Italian));

            Section(w, d, SezioniDomanda.Figli);
            if (d.Figli.Count == 0) w.Field("Figli studenti", "–");
            foreach (var f in d.Figli) w.Field($"{f.Nome} {f.Cognome} ({f.CodiceFiscale})", $"{DomandaLabels.Livello(f.Livello)} – {f.Istituto}");

            Section(w, d, SezioniDomanda.Isee);
            w.Field("Valore ISEE", d.IseeValore is { } v ? RomeTime.FormatEuro(v) : "–");
            w.Field("Tipo", DomandaLabels.Isee(d.IseeTipo));
            w.Field("Protocollo DSU", d.IseeProtocolloDsu ?? "–");
            w.Field("Data di rilascio", d.IseeDataRilascio?.ToString("dd/MM/yyyy", RomeTime.Italian) ?? "–");
            w.Field("Attestazione allegata", d.IseeFileName is null ? "non ancora caricata" : $"{d.IseeFileName} ({d.IseeFileLength} byte)");
            if (d.IseeFileSha256 is not null) w.Field("SHA-256", d.IseeFileSha256);

            Section(w, d, SezioniDomanda.Occupazione);
            w.Field("Condizione", DomandaLabels.Condizione(d.Condizione));
            if (d.CondizioneFonte is not null) w.Field("Fonte", d.CondizioneFonte);

            Section(w, d, SezioniDomanda.Dispositivo);
            var dispositivo = bando.Regole.Importi.FirstOrDefault(i => i.Codice == d.Dispositivo);
            w.Field("Dispositivo", dispositivo is null ? "–" : $"{dispositivo.Descrizione}: contributo forfettario di {RomeTime.FormatEuro(dispositivo.Importo)}");

            Section(w, d, SezioniDomanda.Dichiarazioni);
            var accettate = d.DichiarazioniAccettate;
            foreach (var x in bando.Regole.Dichiarazioni)
                w.Wrapped($"[{(accettate.Contains(x.Codice) ? "X" : " ")}] {x.Testo}", Regular.Value, 9.5f);
            w.Finish();
            document.Close();
        }
        return output.ToArray();
    }

    private static void Section(Writer w, Domanda d, SezioniDomanda s)
    {
        w.Gap(10);
        var saved = d.Salvata(s);
        w.Line($"{DomandaLabels.Titolo(s)} – {(saved ? "salvata" : "non salvata")}", Bold.Value, 12, saved ? new SKColor(0x00, 0x80, 0x3C) : SKColors.DarkRed);
    }

    /// <summary>Writes lines top-down and starts a new page when the current one is full.</summary>
    private sealed class Writer(SKDocument document)
    {
        private SKCanvas _canvas = document.BeginPage(Width, Height);
        private float _y = Margin;

        public void Gap(float points) => _y += points;

        public void Line(string text, SKTypeface typeface, float size, SKColor? color = null)
        {
            if (_y + size * 1.35f > Height - Margin)
            {
                document.EndPage();
                _canvas = document.BeginPage(Width, Height);
                _y = Margin;
            }
            using var font = new SKFont(typeface, size);
            using var paint = new SKPaint { Color = color ?? SKColors.Black, IsAntialias = true };
            _y += size * 1.35f;
            _canvas.DrawText(text, Margin, _y, font, paint);
        }

        public void Field(string label, string value) => Wrapped($"{label}: {value}", Regular.Value, 10);

        public void Wrapped(string text, SKTypeface typeface, float size, SKColor? color = null)
        {
            using var font = new SKFont(typeface, size);
            var max = Width - 2 * Margin;
            var line = "";
            foreach (var word in text.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (font.MeasureText(candidate) > max && line.Length > 0)
                {
                    Line(line, typeface, size, color);
                    line = word;
                }
                else line = candidate;
            }
            if (line.Length > 0) Line(line, typeface, size, color);
        }

        public void Finish() => document.EndPage();
    }
}
