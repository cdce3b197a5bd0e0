using ClosedXML.Excel;
using Portal.Graduatorie.Validation;
using static Portal.Graduatorie.Validation.ElencoTemplate;

namespace Portal.Graduatorie.Template;

/// <summary>
/// The Excel template operators download (section 1): "Elenco" with the exact headers, frozen header
/// row and data validation; "Istruzioni" in Italian; hidden "Versione" with the template version.
/// </summary>
public static class ElencoTemplateWriter
{
    private const int LastRow = ValidationSettings.MaxDataRows + 1;

    public static byte[] Write(string avvisoTitle, decimal sogliaIsee)
    {
        using var wb = new XLWorkbook();
        WriteElenco(wb.AddWorksheet(DataSheet));
        WriteInstructions(wb.AddWorksheet(InstructionsSheet), avvisoTitle, sogliaIsee);
        var version = wb.AddWorksheet(VersionSheet);
        version.Cell(1, 1).SetValue(ElencoTemplate.Version);
        version.Visibility = XLWorksheetVisibility.VeryHidden;
        wb.Worksheet(DataSheet).SetTabActive();
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }

    private static void WriteElenco(IXLWorksheet sheet)
    {
        for (var c = 0; c < Headers.Count; c++)
        {
            var cell = sheet.Cell(1, c + 1);
            cell.SetValue(Headers[c]);
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = XLColor.FromHtml("#DCE6F1");
            cell.Style.Alignment.WrapText = true;
        }
        sheet.SheetView.FreezeRows(1);
        sheet.Row(1).Height = 32;

        foreach (var column in new[] { CfStudente, CfRichiedente, CodiceMeccanografico, CognomeStudente, NomeStudente, CognomeRichiedente, NomeRichiedente, Note })
            sheet.Column(column + 1).Style.NumberFormat.Format = "@";
        // Column styles, not cell styles: the file stays small and quick to open.
        sheet.Column(DataNascitaStudente + 1).Style.DateFormat.Format = "dd/mm/yyyy";
        sheet.Column(ValoreIsee + 1).Style.NumberFormat.Format = "#,##0.00";

        foreach (var column in new[] { CfStudente, CfRichiedente })
            Rule(sheet, column, "Codice fiscale", "16 caratteri: lettere e cifre.").TextLength.EqualTo(16);
        Rule(sheet, CodiceMeccanografico, "Codice meccanografico", "10 caratteri, ad esempio ANIS00100X.").TextLength.EqualTo(10);
        Rule(sheet, DataNascitaStudente, "Data di nascita", "Una data nel formato gg/mm/aaaa.")
            .Date.Between(new DateTime(1990, 1, 1), new DateTime(2030, 12, 31));
        Rule(sheet, Classe, "Classe", "Un numero da 1 a 5.").List("\"1,2,3,4,5\"", true);
        Rule(sheet, ValoreIsee, "Valore ISEE", "Un importo in euro maggiore o uguale a zero, ad esempio 1234,56.")
            .Decimal.EqualOrGreaterThan(0);
        Rule(sheet, Note, "Note", $"Facoltative, al massimo {NoteMaxLength} caratteri.").TextLength.EqualOrLessThan(NoteMaxLength);

        var widths = new[] { 22, 20, 20, 14, 22, 20, 20, 18, 8, 14, 40 };
        for (var c = 0; c < widths.Length; c++) sheet.Column(c + 1).Width = widths[c];
    }

    private static IXLRange Data(IXLWorksheet sheet, int column) => sheet.Range(2, column + 1, LastRow, column + 1);

    private static IXLDataValidation Rule(IXLWorksheet sheet, int column, string title, string message)
    {
        var rule = Data(sheet, column).SetDataValidation();
        rule.InputTitle = title;
        rule.InputMessage = message;
        rule.ErrorTitle = "Valore non ammesso";
        rule.ErrorMessage = $"{Headers[column]}: {message}";
        rule.ShowErrorMessage = true;
        rule.ErrorStyle = XLErrorStyle.Stop;
        return rule;
    }

    private static void WriteInstructions(IXLWorksheet sheet, string avvisoTitle, decimal sogliaIsee)
    {
        var italian = System.Globalization.CultureInfo.GetCultureInfo("it-IT");
        string[] lines =
        [
            $"Istruzioni per la compilazione – {avvisoTitle}",
            "",
            "1. Compilare soltanto il foglio \"Elenco\": una riga per ogni studente, a partire dalla riga 2. Non modificare, spostare o aggiungere colonne e non cambiare le intestazioni.",
            "2. CODICE FISCALE STUDENTE e CODICE FISCALE RICHIEDENTE: 16 caratteri. Il richiedente è il genitore, il tutore o lo studente stesso se maggiorenne.",
            "3. DATA DI NASCITA STUDENTE: nel formato gg/mm/aaaa; deve coincidere con la data contenuta nel codice fiscale dello studente.",
            "4. CODICE MECCANOGRAFICO SCUOLA: 10 caratteri; le prime due lettere sono la sigla della provincia della scuola.",
            "5. CLASSE: un numero da 1 a 5.",
            $"6. VALORE ISEE: in euro, ad esempio 1234,56. È ammesso il valore 0. La soglia prevista dall'avviso è {sogliaIsee.ToString("N2", italian)} €.",
            $"7. NOTE: facoltative, al massimo {NoteMaxLength} caratteri.",
            "8. Lo stesso studente non può comparire su più righe.",
            $"9. Il file deve essere in formato .xlsx, non superare 10 MB e {ValidationSettings.MaxDataRows.ToString("N0", italian)} righe, senza password.",
            "",
            "Dopo il caricamento il portale indica subito l'esito: respinto (con l'elenco degli errori da correggere), con avvisi (da confermare) oppure accettato.",
            "Ogni invio accettato sostituisce l'elenco valido inviato in precedenza per lo stesso Comune.",
            "Con \"Verifica senza inviare\" si può controllare il file senza trasmetterlo.",
        ];
        for (var i = 0; i < lines.Length; i++)
        {
            var cell = sheet.Cell(i + 1, 1);
            cell.SetValue(lines[i]);
            cell.Style.Alignment.WrapText = true;
        }
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 14;
        sheet.Column(1).Width = 120;
    }
}
