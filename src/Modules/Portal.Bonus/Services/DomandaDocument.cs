using Portal.Bonus.Workflow;
using Portal.Core.Time;
using Portal.Documents;

namespace Portal.Bonus.Services;

/// <summary>
/// "Genera domanda PDF": the whole application as a document. Rendered on request only, never on the sending path.
/// </summary>
internal static class DomandaDocument
{
    public static PdfDocument Build(Domanda d, Bando bando, string regione, string portale, string? comune, string? protocollo, DateTime nowUtc)
    {
        var w = new PdfDocument(new PdfInfo($"Domanda di contributo {bando.Codice}", regione, portale, nowUtc));
        w.Letterhead(regione, portale);
        w.Gap(10);
        w.Text($"Domanda di contributo – {bando.Codice}", PdfFont.Bold, 17);
        w.Text(bando.Titolo, PdfFont.Regular, 11);
        w.Gap(6);
        if (d.InviataUtc is { } inviata)
        {
            w.Text($"Stato: {DomandaWorkflow.Label(d.Stato)} – inviata il {RomeTime.Format(inviata)}", PdfFont.Bold, 11);
            w.Text(protocollo is null ? "Protocollo: in corso di assegnazione" : $"Protocollo n. {protocollo}", PdfFont.Regular, 11);
        }
        else
            w.Text("BOZZA – documento per la verifica dei dati: non vale come invio. La domanda si presenta con «Invia domanda».", PdfFont.Bold, 11, PdfColor.Red);
        w.Text($"Documento generato il {RomeTime.Format(nowUtc)}", PdfFont.Regular, 9, PdfColor.Grey);

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
            w.Text($"[{(accettate.Contains(x.Codice) ? "X" : " ")}] {x.Testo}", size: 9.5f);
        return w;
    }

    private static void Section(PdfDocument w, Domanda d, SezioniDomanda s)
    {
        w.Gap(10);
        var saved = d.Salvata(s);
        w.Text($"{DomandaLabels.Titolo(s)} – {(saved ? "salvata" : "non salvata")}", PdfFont.Bold, 12, saved ? PdfColor.Green : PdfColor.Red);
    }
}
