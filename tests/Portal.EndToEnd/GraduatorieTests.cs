using ClosedXML.Excel;
using Microsoft.Playwright;
using Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd;

/// <summary>
/// Graduatorie (seeds 000, 001): an OperatoreComune downloads the template, fills it, and sends a file with errors,
/// one with warnings (confirmed) and a clean one with its receipt.
/// </summary>
[Collection(PortalCollection.Name)]
public class GraduatorieTests(PortalFixture portal)
{
    private static readonly DateOnly Born = new(2011, 3, 1);

    [Fact]
    public async Task L_operatrice_di_Ancona_invia_un_file_con_errori_uno_con_avvisi_e_uno_corretto_con_ricevuta()
    {
        await using var op = await portal.NewSessionAsync("graduatorie-operatore");
        var page = op.Page;
        await Walks.LoginAsync(op, "Laura Bianchi", "OperatoreComune");
        // The operator's services are grouped in the "I miei servizi" menu of the header.
        await page.GetByRole(AriaRole.Button, new() { Name = "I miei servizi", Exact = true }).ClickAsync();
        await op.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principale" })
            .GetByRole(AriaRole.Link, new() { Name = "Invio elenchi borse di studio", Exact = true }));
        await op.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "Invio elenchi a.s. 2026/2027", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "3. Invii del Comune di Ancona" })).ToBeVisibleAsync();

        // Section 1: the template comes from the portal; the operator fills it as in Excel.
        var template = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Modello Excel aggiornato per l'invio dell'elenco" }).ClickAsync());
        var templatePath = Path.Combine(TestPaths.Artifacts, "modello-scaricato.xlsx");
        await template.SaveAsAsync(templatePath);
        var withErrors = Fill(templatePath, "elenco-con-errori.xlsx", [Row(0, 8500), Row(1, -12) with { CfStudente = "RSSLCU11C01A27XX" }]);
        var withWarnings = Fill(templatePath, "elenco-con-avvisi.xlsx", [Row(0, 8500), Row(1, 0)]);
        var clean = Fill(templatePath, "elenco-definitivo.xlsx", [Row(0, 8500), Row(1, 12000.5), Row(2, 3100)]);

        // A file with errors: red outcome, rows in error listed, nothing becomes valid.
        await page.Locator("#file").SetInputFilesAsync(withErrors);
        await op.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Carica il file", Exact = true }));
        await Expect(page.Locator("#esito .alert-danger")).ToContainTextAsync("Invio respinto.");
        var errors = page.GetByTestId("segnalazioni");
        await Expect(errors).ToBeVisibleAsync();
        await Expect(errors).ToContainTextAsync("Errore (controllo R02)");
        await Expect(errors).ToContainTextAsync("Errore (controllo R07)");

        // A file with warnings: the operator reads them and confirms.
        await page.Locator("#file").SetInputFilesAsync(withWarnings);
        await op.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Carica il file", Exact = true }));
        await Expect(page.Locator("#esito .alert-warning")).ToContainTextAsync("in attesa di conferma");
        await Expect(page.GetByTestId("segnalazioni")).ToContainTextAsync("Avviso (controllo W03)");
        await op.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Conferma invio", Exact = true }));
        await Expect(page.Locator("#esito .alert-success")).ToContainTextAsync("File caricato con successo");

        // The clean file replaces it, after confirming the replacement.
        await page.Locator("#file").SetInputFilesAsync(clean);
        await op.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Carica il file", Exact = true }));
        await Expect(page.Locator("#sostituzione-errore")).ToContainTextAsync("Confermare che il nuovo invio sostituirà l'elenco valido");
        await page.Locator("#file").SetInputFilesAsync(clean);
        // Bootstrap Italia draws the checkbox on its label: the operator clicks the label.
        await page.GetByText("Confermo che il nuovo invio, se accettato, sostituirà l'elenco valido attuale del Comune di Ancona").ClickAsync();
        await Expect(page.Locator("#conferma-sostituzione")).ToBeCheckedAsync();
        await op.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Carica il file", Exact = true }));
        await Expect(page.Locator("#esito .alert-success")).ToContainTextAsync("File caricato con successo");

        // The protocol number comes from the outbox within seconds; the receipt shows it.
        var receiptLink = page.GetByTestId("ricevuta");
        for (var attempt = 0; attempt < 30 && await receiptLink.CountAsync() == 0; attempt++)
        {
            await Task.Delay(1000);
            await op.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "Aggiorna la pagina", Exact = true }));
        }
        var linkText = await receiptLink.InnerTextAsync();
        var segnatura = new Regex(@"protocollo ([A-Z0-9_-]+-\d{4}-\d{7})").Match(linkText).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(segnatura), linkText);
        var receipt = await page.RunAndWaitForDownloadAsync(() => receiptLink.ClickAsync());
        var receiptPath = Path.Combine(TestPaths.Artifacts, "ricevuta-elenco.pdf");
        await receipt.SaveAsAsync(receiptPath);
        var text = await PdfToText.ReadFileAsync(receiptPath, collapseWhitespace: false);
        Assert.Contains(segnatura, text);
        Assert.Contains("elenco-definitivo.xlsx", text);

        // History: the last upload is the valid one, in green.
        var history = page.GetByTestId("storico");
        await Expect(history.Locator("tbody tr")).ToHaveCountAsync(3);
        var valid = history.Locator("tr.table-success");
        await Expect(valid).ToHaveCountAsync(1);
        await Expect(valid).ToContainTextAsync("elenco-definitivo.xlsx");
        await Expect(valid).ToContainTextAsync("Elenco valido");
        await Expect(valid).ToContainTextAsync(segnatura);

        // Keyboard only: the other Comune of the operator, then the upload field is reachable with Tab.
        await page.Locator("#comune").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Mostra il Comune", Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("comune=042018"));
        await op.CheckPageAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "3. Invii del Comune di Falconara Marittima" })).ToBeVisibleAsync();
        await page.Locator("#comune").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#file")).ToBeFocusedAsync();
        op.AssertEveryPageChecked();
    }

    [Fact]
    public async Task Il_funzionario_vede_il_Comune_che_ha_inviato_e_dopo_la_chiusura_pubblica_la_graduatoria_senza_nomi()
    {
        var rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, rome).DateTime;
        var title = "Elenchi integrativi " + Guid.NewGuid().ToString("N")[..6];

        // The editorial staff opens a new window of the Borse di studio avviso, with two scholarships.
        await using var editor = await portal.NewSessionAsync("graduatorie-redazione");
        var ed = editor.Page;
        await Walks.LoginAsync(editor, Walks.EditorName, "Editor");
        await editor.GotoAsync("/admin/contenuti/modifica?tipo=Finestra");
        await ed.Locator("#campo-Title").FillAsync(title);
        await ed.Locator("#campo-AvvisoId").SelectOptionAsync(new SelectOptionValue { Label = "Borse di studio: invio delle graduatorie dei Comuni" });
        await ed.Locator("#campo-OpensAt").FillAsync(now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm"));
        await ed.Locator("#campo-ClosesAt").FillAsync(now.AddDays(1).ToString("yyyy-MM-ddTHH:mm"));
        await ed.Locator("#campo-Parametri").FillAsync("sogliaIsee=15748,78\nnumeroBorse=2");
        await editor.ClickAndWaitForPageAsync(ed.GetByRole(AriaRole.Button, new() { Name = "Salva bozza", Exact = true }));
        await editor.ClickAndWaitForPageAsync(ed.GetByRole(AriaRole.Button, new() { Name = "Pubblica la versione 1", Exact = true }));
        var finestraEdit = ed.Url;

        // The Ancona operator sends three students.
        await using var op = await portal.NewSessionAsync("graduatorie-operatore-integrativi");
        var page = op.Page;
        await Walks.LoginAsync(op, "Laura Bianchi", "OperatoreComune");
        await op.GotoAsync("/invio-elenchi");
        await op.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }));
        var template = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Modello Excel aggiornato per l'invio dell'elenco" }).ClickAsync());
        var templatePath = Path.Combine(TestPaths.Artifacts, "modello-integrativi.xlsx");
        await template.SaveAsAsync(templatePath);
        var students = new[] { Row(10, 9000), Row(11, 4000), Row(12, 15000) };
        await page.Locator("#file").SetInputFilesAsync(Fill(templatePath, "elenco-integrativi.xlsx", students));
        await op.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Carica il file", Exact = true }));
        await Expect(page.Locator("#esito .alert-success")).ToContainTextAsync("File caricato con successo");

        // The Funzionario sees Ancona among the Comuni that have sent.
        await using var funzionario = await portal.NewSessionAsync("graduatorie-funzionario-pubblica");
        var fz = funzionario.Page;
        await Walks.LoginAsync(funzionario, "Anna Russo", "Funzionario");
        await funzionario.GotoAsync("/admin/graduatorie");
        await funzionario.ClickAndWaitForPageAsync(fz.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }));
        var ancona = fz.GetByRole(AriaRole.Row).Filter(new() { Has = fz.GetByRole(AriaRole.Rowheader, new() { Name = "Ancona (042002)" }) });
        await Expect(ancona).ToContainTextAsync("Sì");
        await Expect(ancona.Locator("td").Nth(2)).ToHaveTextAsync("3");

        // The window closes (the editorial staff brings the closing forward).
        await editor.GotoAsync(new Uri(finestraEdit).PathAndQuery);
        await ed.Locator("#campo-ClosesAt").FillAsync(now.AddMinutes(-1).ToString("yyyy-MM-ddTHH:mm"));
        await editor.ClickAndWaitForPageAsync(ed.GetByRole(AriaRole.Button, new() { Name = "Salva bozza", Exact = true }));
        await editor.ClickAndWaitForPageAsync(ed.GetByRole(AriaRole.Button, new() { Name = "Pubblica la versione 2", Exact = true }));

        // Build (ISEE ascending: two beneficiari, one idoneo), approve with the decree, publish.
        await funzionario.ClickAndWaitForPageAsync(fz.GetByRole(AriaRole.Link, new() { Name = "Graduatoria regionale", Exact = true }));
        await funzionario.ClickAndWaitForPageAsync(fz.GetByRole(AriaRole.Button, new() { Name = "Costruisci la graduatoria", Exact = true }));
        await fz.Locator("#decretoNumero").FillAsync("DDPF 412/IFD");
        await fz.Locator("#decretoData").FillAsync(now.ToString("yyyy-MM-dd"));
        await funzionario.ClickAndWaitForPageAsync(fz.GetByRole(AriaRole.Button, new() { Name = "Approva la graduatoria", Exact = true }));
        await funzionario.ClickAndWaitForPageAsync(fz.GetByRole(AriaRole.Button, new() { Name = "Pubblica la graduatoria", Exact = true }));
        var published = fz.GetByRole(AriaRole.Link, new() { Name = "Graduatoria pubblicata", Exact = true });
        await Expect(published).ToBeVisibleAsync();
        var publicPath = await published.GetAttributeAsync("href");

        // The public page: positions, pseudonymous codes, Comune and outcome; never names or codici fiscali.
        await using var visitor = await portal.NewSessionAsync("graduatorie-pubblico");
        await visitor.GotoAsync(publicPath!);
        var body = visitor.Page.Locator("#main");
        await Expect(body).ToContainTextAsync("DDPF 412/IFD");
        await Expect(body).ToContainTextAsync("Ancona");
        await Expect(body).ToContainTextAsync(new Regex(@"\b[0-9A-Z]{4}-[0-9A-Z]{4}\b"));
        var text = await body.InnerTextAsync();
        foreach (var s in students)
        {
            Assert.DoesNotContain(s.CfStudente, text);
            Assert.DoesNotContain(s.Nome, text);
            Assert.DoesNotContain(s.CfRichiedente, text);
        }
        Assert.DoesNotContain("Bianchi", text);
        editor.AssertEveryPageChecked();
        op.AssertEveryPageChecked();
        funzionario.AssertEveryPageChecked();
        visitor.AssertEveryPageChecked();
    }

    private sealed record Student(string CfStudente, string Cognome, string Nome, DateTime Nascita, string CfRichiedente, double Isee);

    private static Student Row(int i, double isee)
    {
        var born = Born.AddDays(i);
        return new Student(TestCodiciFiscali.Make("BNC", "GPP", born), "Bianchi", $"Giuseppe{(char)('A' + i)}", born.ToDateTime(TimeOnly.MinValue),
            TestCodiciFiscali.Make("BNC", "LRA", new DateOnly(1978, 5, 10 + i), female: true), isee);
    }

    /// <summary>The downloaded template with the students typed in from row 2, saved under another name.</summary>
    private static string Fill(string templatePath, string name, IReadOnlyList<Student> students)
    {
        using var workbook = new XLWorkbook(templatePath);
        var sheet = workbook.Worksheet("Elenco");
        for (var i = 0; i < students.Count; i++)
        {
            var s = students[i];
            var r = i + 2;
            sheet.Cell(r, 1).Value = s.CfStudente;
            sheet.Cell(r, 2).Value = s.Cognome;
            sheet.Cell(r, 3).Value = s.Nome;
            sheet.Cell(r, 4).Value = s.Nascita;
            sheet.Cell(r, 5).Value = s.CfRichiedente;
            sheet.Cell(r, 6).Value = "Bianchi";
            sheet.Cell(r, 7).Value = "Laura";
            sheet.Cell(r, 8).Value = "ANIS01400" + i;
            sheet.Cell(r, 9).Value = 2;
            sheet.Cell(r, 10).Value = s.Isee;
        }
        var path = Path.Combine(TestPaths.Artifacts, name);
        workbook.SaveAs(path);
        return path;
    }

}
