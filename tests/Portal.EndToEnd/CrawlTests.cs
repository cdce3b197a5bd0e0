using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Portal.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd;

/// <summary>
/// The crawl: for the anonymous visitor and for every demo person of recipes/demo.recipe.json with each of their
/// roles, every page reachable from the menus (header and navbar with «I miei servizi», the admin menu, the
/// footer, the links of the area personale) at 1366 px and at 390 px, checked by <see cref="PageAudit"/>. All the
/// problems of a page are reported together with its address; screenshots go to artifacts/e2e/crawl/.
/// One browser context per person (its roles are chosen in turn through «Cambia ruolo»). A page that is the same
/// for every holder of a role is checked once per role, the public site once signed in (its header differs); the
/// person's own pages (the area personale and its links) once per person and role. At 390 px the page is not loaded
/// again: the window narrows, as when a phone turns, and the checks run again.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CrawlTests(PortalFixture portal, ITestOutputHelper output)
{
    public const string Anonymous = "Visitatore anonimo";

    /// <summary>
    /// Pages owned by work in progress elsewhere (the lead fixes them after merging): still visited and checked, their
    /// problems are written to artifacts/e2e/crawl/pagine-note.txt and the test output, but they do not fail the crawl.
    /// Keyed by path prefix (the path itself or what lies under it).
    /// </summary>
    private static readonly (string Prefix, string Reason)[] KnownFailures =
    [
        // None today: /admin/bonus (school levels in words) and /area-personale/messaggi (the call's title) are asserted.
    ];

    private static readonly int[] Widths = [1366, 390];

    /// <summary>Pages already checked, by role (shared pages) or by person and role (their own pages).</summary>
    private static readonly HashSet<string> Checked = [];

    /// <summary>The anonymous visitor's menu pages: the public site, checked once more signed in (the header differs), not once per role.</summary>
    private static HashSet<string>? _publicPages;
    private static readonly SemaphoreSlim PublicPagesLock = new(1, 1);

    private async Task<HashSet<string>> PublicPagesAsync()
    {
        await PublicPagesLock.WaitAsync();
        try
        {
            if (_publicPages is not null) return _publicPages;
            await using var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.BaseUrl.ToString() });
            var page = await context.NewPageAsync();
            await GotoOkAsync(page, "/");
            return _publicPages = [.. await LinksAsync(page, "header a[href], footer a[href]")];
        }
        finally
        {
            PublicPagesLock.Release();
        }
    }

    /// <summary>Seconds spent in axe-core, in the other checks and in screenshots (written to tempi.txt).</summary>
    private static readonly double[] Timings = new double[3];

    public static TheoryData<string> People()
    {
        var data = new TheoryData<string> { Anonymous };
        foreach (var p in DemoPeople()) data.Add(p.FullName);
        return data;
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task Ogni_pagina_dei_menu_a_1366_e_a_390_px(string person)
    {
        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        var known = new List<string>();
        await using var s = await portal.NewSessionAsync(person);
        var pages = 0;
        if (person == Anonymous)
        {
            pages += await CrawlIdentityAsync(s, person, "Anonimo", failures, known);
        }
        else
        {
            var demo = DemoPeople().Single(p => p.FullName == person);
            await SignInAsync(s, demo);
            var first = true;
            foreach (var role in demo.Roles)
            {
                if (!first) await ChooseRoleAsync(s, role);
                first = false;
                pages += await CrawlIdentityAsync(s, person, role, failures, known);
            }
        }
        output.WriteLine($"{person}: {pages} pagine controllate (per larghezza) in {clock.Elapsed.TotalSeconds:0.0} s");
        lock (Checked)
        {
            File.AppendAllText(Path.Combine(CrawlDir, "tempi.txt"),
                $"{person}\t{pages}\t{clock.Elapsed.TotalSeconds:0.0} s\t(finora axe {Timings[0]:0} s, altri controlli {Timings[1]:0} s, schermate {Timings[2]:0} s)\n");
            if (known.Count > 0) File.AppendAllText(Path.Combine(CrawlDir, "pagine-note.txt"), string.Join("\n", known) + "\n");
        }
        foreach (var k in known) output.WriteLine("[nota, non blocca] " + k);
        Assert.True(failures.Count == 0, $"[{person}] {failures.Count} pagine con problemi:\n\n" + string.Join("\n\n", failures));
    }

    /// <summary>Discovers the menus' pages for the session's current role and checks each at both widths.</summary>
    private async Task<int> CrawlIdentityAsync(BrowserSession s, string person, string role, List<string> failures, List<string> known)
    {
        var page = s.Page;
        await page.SetViewportSizeAsync(Widths[0], 900);
        var links = await DiscoverAsync(s);
        var count = 0;
        foreach (var (url, personal) in links)
        {
            var isPublic = (await PublicPagesAsync()).Contains(url);
            var key = person == Anonymous ? $"{role}|{url}" : personal ? $"{person}|{role}|{url}" : isPublic ? $"autenticato|{url}" : $"{role}|{url}";
            lock (Checked) if (!Checked.Add(key)) continue;
            count++;
            var first = true;
            foreach (var width in Widths)
            {
                var problems = await AuditAsync(s, url, width, $"{person}-{role}", reload: first);
                first = false;
                if (problems.Count == 0) continue;
                var report = $"[{person}, ruolo {role}] {url} a {width} px:\n  - " + string.Join("\n  - ", problems);
                var reason = KnownFailures.FirstOrDefault(k => Under(url, k.Prefix)).Reason;
                (reason is null ? failures : known).Add(reason is null ? report : $"{report}\n  (pagina nota: {reason})");
            }
        }
        return count;
    }

    /// <summary>The menus' links: header and navbar (with «I miei servizi»), footer, admin menu, area personale.</summary>
    private async Task<List<(string Url, bool Personal)>> DiscoverAsync(BrowserSession s)
    {
        var page = s.Page;
        var found = new Dictionary<string, bool>(StringComparer.Ordinal);
        void Add(IEnumerable<string> urls, bool personal)
        {
            foreach (var u in urls)
            {
                if (u is "/esci") continue;
                found[u] = found.GetValueOrDefault(u) || personal;
            }
        }

        await GotoOkAsync(page, "/");
        Add(await LinksAsync(page, "header a[href], footer a[href]"), false);
        if (found.ContainsKey("/admin"))
        {
            await GotoOkAsync(page, "/admin");
            Add(await LinksAsync(page, "header a[href], nav[aria-label='Menu di amministrazione'] a[href]"), false);
        }
        if (found.ContainsKey("/area-personale"))
        {
            await GotoOkAsync(page, "/area-personale");
            Add(["/area-personale"], true);
            foreach (var u in await LinksAsync(page, "main a[href]"))
            {
                if (found.ContainsKey(u)) continue;
                // Receipts and documents are files: only pages are crawled (the file must still answer).
                var response = await page.Context.APIRequest.GetAsync(u, new() { MaxRedirects = 5 });
                var type = response.Headers.GetValueOrDefault("content-type", "");
                if (response.Status >= 400) Add([u], true);
                else if (type.StartsWith("text/html", StringComparison.Ordinal)) Add([u], true);
            }
        }
        return found.Select(kv => (kv.Key, kv.Value)).ToList();
    }

    /// <summary>Same-site links (path and query, no fragment) of the elements matching the selector.</summary>
    private static async Task<IReadOnlyList<string>> LinksAsync(IPage page, string selector)
    {
        var links = await page.EvaluateAsync<string[]>(
            "sel => [...document.querySelectorAll(sel)].filter(a => !a.hasAttribute('download')).map(a => { const u = new URL(a.getAttribute('href'), location.href); " +
            "return u.origin === location.origin && u.protocol.startsWith('http') ? u.pathname + u.search : null; })" +
            ".filter(u => u)", selector);
        return links.Distinct().ToList();
    }

    private async Task<List<string>> AuditAsync(BrowserSession s, string url, int width, string who, bool reload)
    {
        var page = s.Page;
        var problems = new List<string>();
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        if (reload)
        {
            IResponse? response;
            try
            {
                response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            }
            catch (PlaywrightException e)
            {
                return [$"la pagina non si apre: {e.Message.Split('\n')[0]}"];
            }
            if (response is null || response.Status != 200)
                problems.Add($"risponde {response?.Status.ToString() ?? "senza risposta"}");
        }
        else
        {
            // Let the layout (and the scripts listening to resize) settle at the new width.
            await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
        }
        var t0 = Stopwatch.GetTimestamp();
        problems.AddRange(await PageAudit.AxeAsync(page));
        var t1 = Stopwatch.GetTimestamp();
        problems.AddRange(await PageAudit.LayoutAndTextAsync(page, development: true));
        var t2 = Stopwatch.GetTimestamp();
        var dir = Path.Combine(CrawlDir, Slug(who));
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(dir, $"{Slug(url)}-{width}.jpg"), FullPage = true, Type = ScreenshotType.Jpeg, Quality = 50,
        });
        var t3 = Stopwatch.GetTimestamp();
        lock (Timings)
        {
            Timings[0] += Stopwatch.GetElapsedTime(t0, t1).TotalSeconds;
            Timings[1] += Stopwatch.GetElapsedTime(t1, t2).TotalSeconds;
            Timings[2] += Stopwatch.GetElapsedTime(t2, t3).TotalSeconds;
        }
        return problems;
    }

    private static async Task GotoOkAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.True(response?.Status == 200, $"{url} ha risposto {response?.Status}");
    }

    /// <summary>The development login (Accesso di prova), then the first role if the person has several.</summary>
    private static async Task SignInAsync(BrowserSession s, DemoPerson person)
    {
        // The login pages are other walks' business (Walks.LoginAsync checks them): here they are only the way in.
        var page = s.Page;
        await GotoOkAsync(page, "/accesso-di-prova");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Entra come {person.FullName}", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        if (person.Roles.Count > 1)
        {
            await Expect(page).ToHaveURLAsync(new Regex("/scelta-ruolo"));
            await page.GetByTestId($"ruolo-{person.Roles[0]}").ClickAsync();
            await page.WaitForURLAsync(u => !u.Contains("/scelta-ruolo", StringComparison.Ordinal));
        }
        await Expect(page).Not.ToHaveURLAsync(new Regex("/scelta-ruolo|/accesso-di-prova"));
        await Expect(page.GetByTestId("ruolo-attivo")).ToBeVisibleAsync();
    }

    private static async Task ChooseRoleAsync(BrowserSession s, string role)
    {
        await GotoOkAsync(s.Page, "/scelta-ruolo");
        await s.Page.GetByTestId($"ruolo-{role}").ClickAsync();
        await s.Page.WaitForURLAsync(u => !u.Contains("/scelta-ruolo", StringComparison.Ordinal));
    }

    private static bool Under(string url, string prefix)
    {
        var path = url.Split('?')[0];
        return path == prefix || path.StartsWith(prefix.TrimEnd('/') + "/", StringComparison.Ordinal);
    }

    private static string CrawlDir
    {
        get
        {
            var dir = Path.Combine(TestPaths.Artifacts, "crawl");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    private static string Slug(string text)
    {
        var slug = Regex.Replace(text.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
        return slug.Length == 0 ? "home" : slug.Length > 80 ? slug[..80] : slug;
    }

    private sealed record DemoPerson(string FullName, IReadOnlyList<string> Roles);

    /// <summary>The demo people of the demo recipe, each with Cittadino (everyone's role) and their own roles.</summary>
    private static IReadOnlyList<DemoPerson> DemoPeople()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Recipes, "demo.recipe.json")));
        var people = new List<DemoPerson>();
        foreach (var step in doc.RootElement.GetProperty("steps").EnumerateArray())
        {
            if (!step.TryGetProperty("people", out var list)) continue;
            foreach (var p in list.EnumerateArray())
            {
                var roles = new List<string> { "Cittadino" };
                if (p.TryGetProperty("roles", out var r))
                    roles.AddRange(r.EnumerateArray().Select(x => x.GetProperty("role").GetString()!).Where(x => x != "Cittadino").Distinct());
                people.Add(new DemoPerson($"{p.GetProperty("nome").GetString()} {p.GetProperty("cognome").GetString()}", roles));
            }
        }
        return people;
    }
}
