using System.Diagnostics;
using System.Text;
using ClosedXML.Excel;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd;

/// <summary>
/// Monitoraggio (seed 003): the ente's operator sends a feed with errors (first errors on the page, full report
/// downloaded), then a good one (progress bar, protocol, receipt), confirms one with warnings and cancels another;
/// the Funzionario reads the reports, filters by province, sees the charts and exports a table; the Amministratore
/// issues and revokes an API credential. Every page at 390 px without horizontal scroll.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class MonitoraggioTests(PortalFixture portal)
{
    private const string Header = "CODICE_ENTE|DATA_RIFERIMENTO|ID_PRATICA|CF_PIVA_BENEFICIARIO|DENOMINAZIONE_BENEFICIARIO|COMUNE_ISTAT|MISURA|DATA_DOMANDA|IMPORTO_RICHIESTO|STATO_PRATICA|DATA_DELIBERA|IMPORTO_DELIBERATO|DATA_EROGAZIONE|IMPORTO_EROGATO|NOTE";
    private const string Ente = "ENTE-FORMAZIONE-01";

    private static string D(DateTime d) => d.ToString("dd/MM/yyyy");

    private static FilePayload Feed(string name, params string[] lines) =>
        new() { Name = name, MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", lines) + "\n") };

    private static string Line(string id, DateTime rif, string comune = "043023", string richiesto = "15000,00", string deliberato = "12000,00") =>
        $"{Ente}|{D(rif)}|{id}|01234560421|Bianchi Impianti S.r.l.|{comune}|LIQUIDITA|{D(rif.AddDays(-60))}|{richiesto}|DELIBERATA|{D(rif.AddDays(-30))}|{deliberato}|||";

    /// <summary>Sends the file with the page's form; the transfer bar shows while the request is held back a moment.</summary>
    private static async Task UploadAsync(BrowserSession s, FilePayload file)
    {
        var page = s.Page;
        await s.GotoAsync("/monitoraggio/flussi");
        await page.Locator("#file").SetInputFilesAsync(file);
        await page.RouteAsync("**/monitoraggio/flussi?handler=Carica", async route =>
        {
            await Task.Delay(700);
            await route.ContinueAsync();
        });
        var click = s.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Invia il flusso", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "Trasferimento del file" })).ToBeVisibleAsync();
        await click;
        await page.UnrouteAllAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/monitoraggio/flussi/[0-9a-f-]{36}$"));
    }

    /// <summary>The feed page polls and reloads itself once the feed is decided.</summary>
    private static async Task WaitForStateAsync(BrowserSession s, string state)
    {
        await Expect(s.Page.GetByTestId("stato")).ToHaveTextAsync(state, new() { Timeout = 60_000 });
        await s.CheckPageAsync();
    }

    [Fact]
    public async Task L_operatore_dell_ente_invia_i_flussi_e_il_funzionario_legge_i_report()
    {
        var rif = DateTime.Today.AddDays(-1);
        var p = "E2E-" + Guid.NewGuid().ToString("N")[..6] + "-";
        await using var op = await portal.NewSessionAsync("monitoraggio-operatore");
        var page = op.Page;
        await Walks.LoginAsync(op, "Sara Conti", "OperatoreEnte");

        // A feed with errors: the first ones on the page, the full report as CSV and Excel.
        await UploadAsync(op, Feed("flusso-con-errori.txt",
            Line(p + "1", rif), Line(p + "2", rif, comune: "999999"), Line(p + "3", rif, richiesto: "1.500,00")));
        await WaitForStateAsync(op, "respinto");
        var errors = page.GetByTestId("segnalazioni");
        await Expect(errors).ToContainTextAsync("R11");
        await Expect(errors).ToContainTextAsync("R14");
        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("csv").ClickAsync());
        var csvPath = Path.Combine(TestPaths.Artifacts, "monitoraggio-errori.csv");
        await csv.SaveAsAsync(csvPath);
        var report = await File.ReadAllTextAsync(csvPath);
        Assert.Contains("999999", report);
        Assert.Contains("1.500,00", report);
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("xlsx").ClickAsync());
        var xlsxPath = Path.Combine(TestPaths.Artifacts, "monitoraggio-errori.xlsx");
        await xlsx.SaveAsAsync(xlsxPath);
        using (var wb = new XLWorkbook(xlsxPath)) Assert.Contains(wb.Worksheets.First().CellsUsed(), c => c.GetString() == "999999");

        // A good feed: applied, with protocol number and receipt.
        await UploadAsync(op, Feed("flusso-corretto.txt", Line(p + "1", rif), Line(p + "2", rif), Line(p + "3", rif)));
        await WaitForStateAsync(op, "applicato");
        var receipt = page.GetByTestId("ricevuta");
        await Expect(receipt).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await op.CheckPageAsync();
        var segnatura = new Regex(@"protocollo ([A-Z0-9_-]+-\d{4}-\d{7})").Match(await receipt.InnerTextAsync()).Groups[1].Value;
        Assert.NotEmpty(segnatura);
        var pdf = await page.RunAndWaitForDownloadAsync(() => receipt.ClickAsync());
        var pdfPath = Path.Combine(TestPaths.Artifacts, "ricevuta-flusso.pdf");
        await pdf.SaveAsAsync(pdfPath);
        var receiptText = PdfText(pdfPath);
        Assert.Contains(segnatura, receiptText);
        Assert.Contains("flusso-corretto.txt", receiptText);

        // Warnings: one feed confirmed, one cancelled.
        await UploadAsync(op, Feed("flusso-con-avvisi.txt", Line(p + "4", rif, richiesto: "10000,00", deliberato: "11000,00")));
        await WaitForStateAsync(op, "con avvisi, in attesa di conferma");
        await op.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Conferma e applica", Exact = true }));
        await WaitForStateAsync(op, "applicato");
        await UploadAsync(op, Feed("flusso-da-annullare.txt", Line(p + "5", rif, richiesto: "10000,00", deliberato: "11000,00")));
        await WaitForStateAsync(op, "con avvisi, in attesa di conferma");
        await op.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Annulla il flusso", Exact = true }));
        await WaitForStateAsync(op, "annullato");

        // The history lists them all.
        await op.GotoAsync("/monitoraggio/flussi");
        var history = page.GetByTestId("storico");
        foreach (var name in new[] { "flusso-con-errori.txt", "flusso-corretto.txt", "flusso-con-avvisi.txt", "flusso-da-annullare.txt" })
            await Expect(history).ToContainTextAsync(name);
        await op.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "tracciato pubblicato (versione 1)" }));
        var formato = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("formato-pdf").ClickAsync());
        var formatoPath = Path.Combine(TestPaths.Artifacts, "tracciato-flusso.pdf");
        await formato.SaveAsAsync(formatoPath);
        Assert.Contains("STATO_PRATICA", PdfText(formatoPath));
        op.AssertEveryPageChecked();

        // The Funzionario: charts, filter by province, export.
        await using var fun = await portal.NewSessionAsync("monitoraggio-funzionario");
        var fp = fun.Page;
        await Walks.LoginAsync(fun, "Anna Russo", "Funzionario");
        await fun.GotoAsync("/admin/monitoraggio");
        await Expect(fp.GetByTestId("chart-andamento")).ToBeVisibleAsync();
        await Expect(fp.GetByTestId("chart-misura")).ToBeVisibleAsync();
        Assert.True(await fp.GetByTestId("chart-andamento").EvaluateAsync<bool>("c => c.width > 0 && window.Chart.getChart(c).data.labels.length >= 5"));
        await Expect(fp.GetByTestId("tabella-andamento")).ToBeVisibleAsync();
        await fp.GetByLabel("Provincia", new() { Exact = true }).SelectOptionAsync("MC");
        await fun.ClickAndWaitForPageAsync(fp.GetByRole(AriaRole.Button, new() { Name = "Filtra", Exact = true }));
        await Expect(fp).ToHaveURLAsync(new Regex("Provincia=MC"));
        var provinces = fp.GetByTestId("tabella-provincia").Locator("tbody tr");
        await Expect(provinces).ToHaveCountAsync(1);
        await Expect(provinces.First).ToContainTextAsync("MC");
        var excel = await fp.RunAndWaitForDownloadAsync(() => fp.GetByTestId("excel-provincia").ClickAsync());
        var excelPath = Path.Combine(TestPaths.Artifacts, "monitoraggio-provincia.xlsx");
        await excel.SaveAsAsync(excelPath);
        using (var wb = new XLWorkbook(excelPath))
        {
            var ws = wb.Worksheets.First();
            Assert.Equal("MC", ws.Cell(2, 1).GetString());
            Assert.True(ws.Cell(3, 1).IsEmpty());
        }
        fun.AssertEveryPageChecked();
    }

    [Fact]
    public async Task L_amministratore_rilascia_e_revoca_una_credenziale_API()
    {
        await using var admin = await portal.NewSessionAsync("monitoraggio-credenziali");
        var page = admin.Page;
        await Walks.LoginAsync(admin, "Paolo Neri", "Amministratore");
        await admin.GotoAsync("/admin/monitoraggio/credenziali");
        // Nothing chosen: the messages are next to the fields.
        await admin.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Rilascia", Exact = true }));
        await Expect(page.Locator("#ente-errore")).ToContainTextAsync("Scegliere l'ente gestore");
        await Expect(page.Locator("#etichetta-errore")).ToBeVisibleAsync();
        var label = "Gestionale E2E " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("Ente gestore *").SelectOptionAsync(Ente);
        await page.GetByLabel("Etichetta (il sistema che la userà) *").FillAsync(label);
        await admin.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Rilascia", Exact = true }));
        await Expect(page.GetByTestId("token-rilasciato")).ToContainTextAsync("mostrato solo ora");
        var token = await page.Locator("#token").InputValueAsync();
        Assert.StartsWith("mon_", token);

        // The management system uses it on the API; once revoked it is refused.
        var api = await portal.Browser.NewContextAsync(new() { BaseURL = portal.BaseUrl.ToString(), ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token } });
        Assert.Equal(200, (await api.APIRequest.GetAsync("/api/v1/monitoraggio/flussi")).Status);
        await admin.GotoAsync("/admin/monitoraggio/credenziali");
        await admin.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = $"Revoca la credenziale {label} dell'ente {Ente}", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = label })).ToContainTextAsync("revocata il");
        var refused = await api.APIRequest.GetAsync("/api/v1/monitoraggio/flussi");
        Assert.Equal(401, refused.Status);
        Assert.Contains("revocata", await refused.TextAsync());
        await api.DisposeAsync();
        admin.AssertEveryPageChecked();
    }

    [Fact]
    public async Task Le_pagine_del_monitoraggio_a_390_pixel_non_scorrono_in_orizzontale()
    {
        var pages = new (string Name, string Role, string[] Paths)[]
        {
            ("Sara Conti", "OperatoreEnte", ["/monitoraggio/flussi", "/monitoraggio/formato"]),
            ("Anna Russo", "Funzionario", ["/admin/monitoraggio", "/admin/monitoraggio?Provincia=AN"]),
            ("Paolo Neri", "Amministratore", ["/admin/monitoraggio/credenziali"]),
        };
        foreach (var (name, role, paths) in pages)
        {
            await using var s = await portal.NewSessionAsync("monitoraggio-390-" + role);
            await s.Page.SetViewportSizeAsync(390, 844);
            await Walks.LoginAsync(s, name, role);
            var list = paths.ToList();
            if (role == "OperatoreEnte")
            {
                await s.GotoAsync("/monitoraggio/flussi");
                var first = s.Page.GetByTestId("storico").Locator("a[href^='/monitoraggio/flussi/']").First;
                if (await first.CountAsync() > 0) list.Add(new Uri(new Uri("http://x"), await first.GetAttributeAsync("href")).PathAndQuery);
            }
            foreach (var path in list)
            {
                await s.GotoAsync(path);
                var sizes = await s.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
                var (scroll, inner) = (sizes[0], sizes[1]);
                Assert.True(scroll <= inner, $"{path} a 390 px: scrollWidth {scroll} > innerWidth {inner}");
            }
            s.AssertEveryPageChecked();
        }
    }

    private static string PdfText(string path)
    {
        var info = new ProcessStartInfo("pdftotext", [path, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(info) ?? throw new InvalidOperationException("pdftotext non disponibile (pacchetto poppler-utils)");
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return text;
    }
}
