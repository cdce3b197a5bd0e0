using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Portal.EndToEnd;

/// <summary>
/// One browser context and its page. Every page the walk lands on (main-frame navigation) must be
/// checked with <see cref="CheckPageAsync"/> (axe-core: no "serious" or "critical" violation);
/// <see cref="DisposeAsync"/> fails the test if a visited page was never checked.
/// Use <see cref="GotoAsync"/> and <see cref="ClickAndWaitForPageAsync"/>, which check the page they reach.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly PortalFixture _fixture;
    private readonly List<string> _visited = [];
    private readonly HashSet<string> _checked = [];
    private readonly List<string> _pageErrors = [];
    private readonly List<string> _externalOrigins = [];
    private IResponse? _lastDocument;
    private bool _disposed;

    public string Name { get; }
    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public PortalFixture Portal => _fixture;

    internal BrowserSession(string name, IBrowserContext context, IPage page, PortalFixture fixture)
    {
        Name = name;
        Context = context;
        Page = page;
        _fixture = fixture;
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame) lock (_visited) _visited.Add(WithoutFragment(frame.Url));
        };
        page.Response += (_, response) =>
        {
            if (response.Request.IsNavigationRequest && response.Frame == page.MainFrame && response.Status is < 300 or >= 400)
                _lastDocument = response;
        };
        page.PageError += (_, error) =>
        {
            lock (_pageErrors) _pageErrors.Add($"{page.Url}: {error}");
        };
    }

    /// <summary>Opens a portal path, waits for it to load, checks it answered 200 and passes axe.</summary>
    public async Task<IResponse> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load })
            ?? throw new InvalidOperationException($"Nessuna risposta per {path}");
        if (response.Status != 200)
            throw new InvalidOperationException($"[{Name}] {path} ha risposto {response.Status}.\n---- output del portale ----\n{_fixture.Host.Output}");
        await CheckPageAsync();
        return response;
    }

    /// <summary>
    /// Clicks something that leads to another page (a link, or a form's submit button: also when the
    /// form comes back on the same address), waits until the new document has loaded and checks it.
    /// </summary>
    public async Task ClickAndWaitForPageAsync(ILocator target)
    {
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnNavigated(object? sender, IFrame frame)
        {
            if (frame == Page.MainFrame) committed.TrySetResult();
        }
        _lastDocument = null;
        Page.FrameNavigated += OnNavigated;
        try
        {
            await target.ClickAsync();
            await committed.Task.WaitAsync(TimeSpan.FromMilliseconds(PortalFixture.DefaultTimeoutMs));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"[{Name}] nessuna nuova pagina dopo il clic su {target} (pagina: {Page.Url}).");
        }
        finally
        {
            Page.FrameNavigated -= OnNavigated;
        }
        await Page.WaitForLoadStateAsync(LoadState.Load);
        if (_lastDocument is { } response && response.Status >= 400)
            throw new InvalidOperationException($"[{Name}] {response.Url} ha risposto {response.Status}.\n---- output del portale ----\n{_fixture.Host.Output}");
        await CheckPageAsync();
    }

    /// <summary>Goes back in history and checks the page.</summary>
    public async Task GoBackAsync()
    {
        await Page.GoBackAsync(new PageGoBackOptions { WaitUntil = WaitUntilState.Load });
        await CheckPageAsync();
    }

    /// <summary>Runs axe-core on the current page; fails on any "serious" or "critical" violation.</summary>
    public async Task CheckPageAsync()
    {
        string url;
        JsonElement json;
        for (var attempt = 1; ; attempt++)
        {
            await Page.WaitForLoadStateAsync(LoadState.Load);
            url = WithoutFragment(Page.Url);
            try
            {
                await Page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = TestPaths.AxeScript });
                json = await Page.EvaluateAsync<JsonElement>(
                    "async () => { const r = await axe.run(document, { resultTypes: ['violations'] }); " +
                    "return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, " +
                    "nodes: v.nodes.map(n => ({ target: n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(' '), summary: n.failureSummary })) })); }");
                break;
            }
            // A page that reloads itself (the feed page once the feed is decided) may do so between the script and the run:
            // the new document is checked instead.
            catch (PlaywrightException e) when (attempt < 3 && (e.Message.Contains("axe is not defined", StringComparison.Ordinal)
                || e.Message.Contains("Execution context was destroyed", StringComparison.Ordinal)))
            {
            }
        }
        var serious = json.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .ToList();
        lock (_visited) _checked.Add(url);
        if (serious.Count == 0) return;

        var report = new StringBuilder($"[{Name}] axe-core: {serious.Count} violazioni gravi su {url}\n");
        foreach (var v in serious)
        {
            report.Append($"- {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} <{v.GetProperty("helpUrl").GetString()}>\n");
            foreach (var n in v.GetProperty("nodes").EnumerateArray())
            {
                report.Append($"    target: {n.GetProperty("target").GetString()}\n");
                var summary = n.GetProperty("summary").GetString();
                if (!string.IsNullOrWhiteSpace(summary)) report.Append("      ").Append(summary.Replace("\n", "\n      ", StringComparison.Ordinal)).Append('\n');
            }
        }
        throw new AccessibilityException(report.ToString());
    }

    /// <summary>
    /// Pages of an external identity provider (its login form, its auto-submitting POST to the ACS) are
    /// not the portal's: axe-core does not judge them and <see cref="AssertEveryPageChecked"/> skips them.
    /// Every portal page of the walk is still checked.
    /// </summary>
    public void AllowExternalPages(Uri origin)
    {
        lock (_visited) _externalOrigins.Add(origin.GetLeftPart(UriPartial.Authority) + "/");
    }

    /// <summary>Saves a full-page PNG under artifacts/e2e/.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(TestPaths.Artifacts, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Type = ScreenshotType.Png });
        return path;
    }

    /// <summary>Fails the walk if a page it visited was not checked, or if a page threw a script error.</summary>
    public void AssertEveryPageChecked()
    {
        List<string> missing;
        lock (_visited)
            missing = _visited.Where(u => !_checked.Contains(u) && u != "about:blank"
                && !_externalOrigins.Any(o => u.StartsWith(o, StringComparison.Ordinal))).Distinct().ToList();
        Assert.True(missing.Count == 0, $"[{Name}] pagine visitate senza controllo axe-core: {string.Join(", ", missing)}");
        lock (_pageErrors) Assert.True(_pageErrors.Count == 0, $"[{Name}] errori JavaScript nelle pagine: {string.Join("\n", _pageErrors)}");
    }

    private static string WithoutFragment(string url) => url.Split('#', 2)[0];

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await Context.CloseAsync();
    }
}

public sealed class AccessibilityException(string message) : Exception(message);
