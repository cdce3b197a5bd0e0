using System.Diagnostics;
using Microsoft.Playwright;
using Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd;

/// <summary>
/// Bonus PC per la didattica digitale (seed 004): a parent on a phone (390 px) logs in with the test login, creates the
/// application, fills the sections (the children first with an error, the message next to the field), sees each turn
/// green, uploads the ISEE attestation, generates the PDF, sends, sees the protocol number arrive and downloads the
/// receipt. The spouse applies from a desktop and is warned (one application per household); asks for the
/// cancellation, which the Funzionario grants on the office page. Every Bonus page is checked by axe-core and for
/// horizontal scrolling at 390 px.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class BonusTests(PortalFixture portal)
{

    [Fact]
    public async Task Il_genitore_invia_la_domanda_dal_telefono_il_coniuge_e_avvisato_e_il_funzionario_annulla_su_richiesta()
    {
        var salt = Random.Shared.Next(0, 4000);
        var genitoreCf = TestCodiciFiscali.Make("CRT", "PLA", new DateOnly(1978, 1, 1).AddDays(salt));
        var coniugeCf = TestCodiciFiscali.Make("CRT", "MRA", new DateOnly(1980, 1, 1).AddDays(salt), female: true);
        var figlioCf = TestCodiciFiscali.Make("CRT", "GNN", new DateOnly(2009, 1, 1).AddDays(salt % 2000));
        var estraneoCf = TestCodiciFiscali.Make("VRD", "LCA", new DateOnly(2010, 1, 1).AddDays(salt % 2000));

        // The parent, on a phone.
        await using var parent = await portal.NewSessionAsync("bonus-genitore");
        await parent.Page.SetViewportSizeAsync(390, 844);
        var page = parent.Page;
        await LoginAsNewPersonAsync(parent, genitoreCf, "Paolo", "Cortesi");
        await parent.GotoAsync("/bonus");
        await AssertNoHorizontalScrollAsync(parent);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bonus PC per la didattica digitale", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Non hai ancora domande.")).ToBeVisibleAsync();
        await parent.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Presenta una domanda", Exact = true }));
        await Expect(page).ToHaveURLAsync(new Regex("/bonus/domande/[0-9a-f-]{36}$"));
        var domandaUrl = new Uri(page.Url).AbsolutePath;
        await AssertNoHorizontalScrollAsync(parent);
        foreach (var s in Sezioni) await Expect(page.Locator($"#titolo-{s}")).ToContainTextAsync("Da compilare");

        // "Invia domanda" on an empty draft lists what is missing, section by section, with links.
        await parent.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Invia domanda", Exact = true }));
        var mancanti = page.Locator("#sezione-invio .alert-danger");
        await Expect(mancanti).ToContainTextAsync("La domanda non è stata inviata. Manca ancora:");
        await Expect(mancanti.GetByRole(AriaRole.Link, new() { Name = "Figli studenti", Exact = true })).ToHaveAttributeAsync("href", "#sezione-figli");
        await AssertNoHorizontalScrollAsync(parent);

        await FillSectionsAsync(parent, (coniugeCf, "Maria", "Cortesi", "Coniuge"), figlioCf, "Giovanni", estraneoCf);

        // The application as a PDF, for review before sending.
        var pdf = await DownloadAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Genera domanda PDF", Exact = true }), "domanda-bonus.pdf");
        Assert.Contains(genitoreCf, pdf);
        Assert.Contains("BOZZA", pdf);

        await parent.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Invia domanda", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Domanda inviata il" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Stato: Inviata")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Invia domanda", Exact = true })).ToHaveCountAsync(0);
        await Expect(page.Locator(".alert-warning")).ToHaveCountAsync(0);
        await Expect(page.Locator("#valore")).ToBeDisabledAsync();
        await AssertNoHorizontalScrollAsync(parent);

        // The protocol number and the receipt come from the outbox within seconds.
        var receipt = page.GetByRole(AriaRole.Link, new() { Name = "Scarica ricevuta di invio", Exact = true });
        for (var attempt = 0; attempt < 30 && await receipt.CountAsync() == 0; attempt++)
        {
            await Task.Delay(1000);
            await parent.GotoAsync(domandaUrl);
        }
        await Expect(page.Locator("#protocollo")).ToContainTextAsync("Protocollo n.");
        var protocollo = await page.Locator("#protocollo strong").InnerTextAsync();
        Assert.Matches(@"^[A-Z0-9]+-\d{4}-\d{7}$", protocollo);
        await AssertNoHorizontalScrollAsync(parent);
        var ricevuta = await DownloadAsync(page, receipt, "ricevuta-bonus.pdf");
        Assert.Contains(protocollo, ricevuta);
        Assert.Contains(genitoreCf, ricevuta);
        await parent.GotoAsync("/bonus");
        await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Domanda del ") })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "inviata il" })).ToBeVisibleAsync();

        // The spouse, on a desktop, applies for the same household and is warned without being told who applied.
        await using var spouse = await portal.NewSessionAsync("bonus-coniuge");
        var sp = spouse.Page;
        await LoginAsNewPersonAsync(spouse, coniugeCf, "Maria", "Cortesi");
        await spouse.GotoAsync("/bonus");
        await spouse.ClickAndWaitForPageAsync(sp.GetByRole(AriaRole.Button, new() { Name = "Presenta una domanda", Exact = true }));
        var spouseUrl = new Uri(sp.Url).AbsolutePath;
        await FillSectionsAsync(spouse, (genitoreCf, "Paolo", "Cortesi", "Coniuge"), figlioCf, "Giovanni", wrongChild: null);
        await spouse.ClickAndWaitForPageAsync(sp.GetByRole(AriaRole.Button, new() { Name = "Invia domanda", Exact = true }));
        var warning = sp.Locator(".alert-warning");
        await Expect(warning).ToContainTextAsync("un componente del tuo nucleo familiare risulta già in una domanda inviata per questo bando");
        await Expect(warning).Not.ToContainTextAsync("Paolo");
        await Expect(warning).Not.ToContainTextAsync(genitoreCf);
        await Expect(sp.GetByText("Stato: Inviata")).ToBeVisibleAsync();

        // The spouse asks for the cancellation: first without a reason.
        await spouse.ClickAndWaitForPageAsync(sp.GetByRole(AriaRole.Button, new() { Name = "Chiedi l'annullamento", Exact = true }));
        await Expect(sp.Locator("#motivo-errore")).ToHaveTextAsync("Indica il motivo della richiesta di annullamento (al massimo 1.000 caratteri).");
        await sp.GetByLabel("Motivo della richiesta *").FillAsync("Mio marito ha già presentato la domanda per il nostro nucleo.");
        await spouse.ClickAndWaitForPageAsync(sp.GetByRole(AriaRole.Button, new() { Name = "Chiedi l'annullamento", Exact = true }));
        await Expect(sp.GetByRole(AriaRole.Status).Filter(new() { HasText = "Richiesta di annullamento inviata" })).ToBeVisibleAsync();
        await Expect(sp.GetByText("la richiesta è in esame")).ToBeVisibleAsync();

        // The Funzionario finds the request on the office page and cancels it (first without a reason).
        await using var office = await portal.NewSessionAsync("bonus-funzionario");
        var op = office.Page;
        await Walks.LoginAsync(office, "Anna Russo", "Funzionario");
        await office.GotoAsync("/admin/bonus/annullamenti");
        var request = op.GetByTestId("richiesta-annullamento").Filter(new() { HasText = coniugeCf });
        await Expect(request.GetByTestId("motivo-richiedente")).ToHaveTextAsync("Mio marito ha già presentato la domanda per il nostro nucleo.");
        var cancel = request.GetByRole(AriaRole.Button, new() { Name = "Annulla la domanda di Cortesi Maria", Exact = true });
        await office.ClickAndWaitForPageAsync(cancel);
        request = op.GetByTestId("richiesta-annullamento").Filter(new() { HasText = coniugeCf });
        await Expect(request.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Indica il motivo dell'annullamento (al massimo 1.000 caratteri).");
        await request.GetByLabel("Motivo dell'annullamento *").FillAsync("Richiesta della richiedente: domanda già presentata dal coniuge.");
        await office.ClickAndWaitForPageAsync(request.GetByRole(AriaRole.Button, new() { Name = "Annulla la domanda di Cortesi Maria", Exact = true }));
        await Expect(op.GetByRole(AriaRole.Status)).ToContainTextAsync("Domanda di Cortesi Maria annullata su richiesta");
        await Expect(op.GetByTestId("richiesta-annullamento").Filter(new() { HasText = coniugeCf })).ToHaveCountAsync(0);
        await Expect(op.GetByTestId("annullate")).ToContainTextAsync("Cortesi Maria");
        await op.SetViewportSizeAsync(390, 844);
        await office.GotoAsync("/admin/bonus/annullamenti");
        await AssertNoHorizontalScrollAsync(office, within: "main");

        // The spouse sees the application cancelled, and may present a new one.
        await spouse.GotoAsync(spouseUrl);
        await Expect(sp.GetByText("Stato: Annullata su richiesta")).ToBeVisibleAsync();
        await spouse.GotoAsync("/bonus");
        await Expect(sp.GetByRole(AriaRole.Button, new() { Name = "Presenta una domanda", Exact = true })).ToBeVisibleAsync();

        parent.AssertEveryPageChecked();
        spouse.AssertEveryPageChecked();
        office.AssertEveryPageChecked();
    }

    private static readonly string[] Sezioni = ["richiedente", "nucleo", "figli", "isee", "occupazione", "dispositivo", "dichiarazioni"];

    /// <summary>"Accesso di prova" → "Entra con un'altra persona": the test login creates the person with a saved Anagrafica (Ancona).</summary>
    private static async Task LoginAsNewPersonAsync(BrowserSession s, string cf, string nome, string cognome)
    {
        var page = s.Page;
        await s.GotoAsync("/accedi");
        await s.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "Accesso di prova", Exact = true }));
        await page.GetByLabel("Codice fiscale").FillAsync(cf);
        await page.GetByLabel("Comune di residenza").SelectOptionAsync("042002");
        await page.GetByLabel("Nome", new() { Exact = true }).FillAsync(nome);
        await page.GetByLabel("Cognome", new() { Exact = true }).FillAsync(cognome);
        await s.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Entra con questa persona", Exact = true }));
        await Expect(page.GetByTestId("ruolo-attivo")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Every section saved with its own button, each title turning green in words; when <paramref name="wrongChild"/> is
    /// given, the children are first saved with a child outside the household and the message is read next to the field.
    /// </summary>
    private static async Task FillSectionsAsync(BrowserSession s, (string Cf, string Nome, string Cognome, string Relazione) other,
        string childCf, string childName, string? wrongChild)
    {
        var page = s.Page;
        async Task SaveAsync(string sezione, string titolo)
        {
            await s.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = $"Salva «{titolo}»", Exact = true }));
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Sezione «{titolo}» salvata." })).ToBeVisibleAsync();
            var heading = page.Locator($"#titolo-{sezione}");
            await Expect(heading).ToContainTextAsync("Salvata");
            await Expect(heading).ToHaveClassAsync(new Regex("text-success"));
            await AssertNoHorizontalScrollAsync(s);
        }

        await page.Locator("#ruolo").SelectOptionAsync("Genitore");
        await TickAsync(page, "conviveConFigli");
        await page.Locator("#telefono").FillAsync("+39 333 1234567");
        await SaveAsync("richiedente", "Richiedente");

        await page.Locator("#componenti-0-codiceFiscale").FillAsync(other.Cf);
        await page.Locator("#componenti-0-nome").FillAsync(other.Nome);
        await page.Locator("#componenti-0-cognome").FillAsync(other.Cognome);
        await page.Locator("#componenti-0-relazione").SelectOptionAsync(other.Relazione);
        await page.Locator("#componenti-1-codiceFiscale").FillAsync(childCf);
        await page.Locator("#componenti-1-nome").FillAsync(childName);
        await page.Locator("#componenti-1-cognome").FillAsync(other.Cognome);
        await page.Locator("#componenti-1-relazione").SelectOptionAsync("Figlio");
        await SaveAsync("nucleo", "Nucleo familiare");

        async Task FillChildAsync(string cf)
        {
            await page.Locator("#figli-0-codiceFiscale").FillAsync(cf);
            await page.Locator("#figli-0-nome").FillAsync(childName);
            await page.Locator("#figli-0-cognome").FillAsync(other.Cognome);
            await page.Locator("#figli-0-livello").SelectOptionAsync("SecondoCiclo");
            await page.Locator("#figli-0-istituto").FillAsync("IIS Savoia Benincasa, Ancona");
        }
        if (wrongChild is not null)
        {
            await FillChildAsync(wrongChild);
            await s.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Salva «Figli studenti»", Exact = true }));
            var field = page.Locator("#figli-0-codiceFiscale");
            await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(field).ToHaveAttributeAsync("aria-describedby", "figli-0-codiceFiscale-errore");
            await Expect(page.Locator("#figli-0-codiceFiscale-errore")).ToHaveTextAsync(
                "Il figlio deve far parte del nucleo familiare: aggiungilo nella sezione «Nucleo familiare» come figlio, con lo stesso codice fiscale.");
            await Expect(field).ToHaveValueAsync(wrongChild);
            await Expect(page.Locator("#figli-0-istituto")).ToHaveValueAsync("IIS Savoia Benincasa, Ancona");
            await Expect(page.Locator("#titolo-figli")).ToContainTextAsync("Da compilare");
            await Expect(page.Locator("#titolo-figli")).ToHaveClassAsync(new Regex("text-danger"));
            await AssertNoHorizontalScrollAsync(s);
        }
        await FillChildAsync(childCf);
        await SaveAsync("figli", "Figli studenti");

        await page.Locator("#valore").FillAsync("12.345,67");
        await page.Locator("#tipo").SelectOptionAsync("ordinario");
        await page.Locator("#protocolloDsu").FillAsync("INPS-ISEE-2026-00123456A-00");
        await page.Locator("#dataRilascio").FillAsync(DateTime.Now.AddDays(-3).ToString("yyyy-MM-dd"));
        await SaveAsync("isee", "ISEE");

        await page.Locator("#file").SetInputFilesAsync(new FilePayload
        {
            Name = "attestazione-isee.pdf", MimeType = "application/pdf", Buffer = TestFiles.Pdf("Attestazione ISEE ordinario"),
        });
        await s.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Carica l'attestazione", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Attestazione ISEE caricata." })).ToBeVisibleAsync();
        await Expect(page.Locator("#titolo-allegati")).ToContainTextAsync("Caricata");
        await Expect(page.Locator("#sezione-allegati")).ToContainTextAsync("attestazione-isee.pdf");
        await Expect(page.GetByLabel("Sostituisci l'attestazione ISEE", new() { Exact = false })).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(s);

        await page.Locator("#condizione").SelectOptionAsync("Occupato");
        await SaveAsync("occupazione", "Condizione occupazionale");
        await page.Locator("#dispositivo").SelectOptionAsync("portatile");
        await SaveAsync("dispositivo", "Dispositivo");
        foreach (var id in await page.Locator("#sezione-dichiarazioni input[type=checkbox]").EvaluateAllAsync<string[]>("boxes => boxes.map(b => b.id)"))
            await TickAsync(page, id);
        await SaveAsync("dichiarazioni", "Dichiarazioni (DPR 445/2000)");
        foreach (var sezione in Sezioni) await Expect(page.Locator($"#titolo-{sezione}")).ToContainTextAsync("Salvata");
    }

    /// <summary>The theme draws the box on the label (the input itself is hidden under it): tick it as a person does, on the label.</summary>
    private static async Task TickAsync(IPage page, string id)
    {
        await page.Locator($"label[for='{id}']").ClickAsync();
        await Expect(page.Locator($"#{id}")).ToBeCheckedAsync();
    }

    /// <summary>
    /// At a phone's width nothing may make the page scroll sideways. With <paramref name="within"/> (an admin page, whose
    /// layout is the admin theme's) only the elements inside that selector are judged; the message names the widest offenders.
    /// </summary>
    private static async Task AssertNoHorizontalScrollAsync(BrowserSession s, string? within = null)
    {
        var width = s.Page.ViewportSize?.Width ?? 0;
        if (width > 390) return;
        var sizes = await s.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scroll, inner) = (sizes[0], sizes[1]);
        if (scroll <= inner) return;
        var offenders = await s.Page.EvaluateAsync<string[]>(
            """
            (within) => {
              const w = window.innerWidth, root = within ? document.querySelector(within) : document.body;
              const over = e => e.getBoundingClientRect().right > w + 1;
              return [...root.querySelectorAll('*')].filter(e => over(e) && !(e.parentElement && e.parentElement !== root && over(e.parentElement) && root.contains(e.parentElement)))
                .slice(0, 5).map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${[...e.classList].join('.')} (${Math.round(e.getBoundingClientRect().right)} px)`);
            }
            """, within);
        if (within is not null && offenders.Length == 0)
        {
            Console.WriteLine($"[{s.Name}] {s.Page.Url}: il layout scorre in orizzontale a {inner} px (scrollWidth {scroll}), il contenuto di {within} no.");
            return;
        }
        Assert.Fail($"[{s.Name}] {s.Page.Url}: la pagina scorre in orizzontale a {inner} px (scrollWidth {scroll}); elementi oltre il bordo: {string.Join(", ", offenders)}");
    }

    private static async Task<string> DownloadAsync(IPage page, ILocator link, string name)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = Path.Combine(TestPaths.Artifacts, name);
        await download.SaveAsAsync(path);
        var info = new ProcessStartInfo("pdftotext", [path, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(info) ?? throw new InvalidOperationException("pdftotext non disponibile (pacchetto poppler-utils)");
        var text = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        return text;
    }
}
