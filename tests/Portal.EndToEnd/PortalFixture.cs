using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.EndToEnd;

/// <summary>
/// One portal process and one Chromium for the whole end-to-end collection (the walks run one after
/// the other: two cores are not enough for more). Each test opens its own browser contexts.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public const float DefaultTimeoutMs = 30_000;

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private TestDatabase? _database;
    private PortalProcess? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private SimpleSamlIdp? _idp;
    private string? _idpMissing;

    public PortalProcess Host => _host ?? throw new InvalidOperationException("Portale non avviato.");
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium non avviato.");
    public Uri BaseUrl => Host.BaseAddress;

    /// <summary>The SimpleSAMLphp IdP the portal trusts; the SAML walks fail with the reason when it is not running.</summary>
    public SimpleSamlIdp Idp => _idp ?? throw new InvalidOperationException(_idpMissing);

    public async Task InitializeAsync()
    {
        // Fail (not skip) with a clear message when something the walks need is missing.
        var chromium = Environment.GetEnvironmentVariable("PORTAL_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException(
                $"Chromium non trovato in {chromium}: installare il pacchetto Debian 'chromium' (apt-get install chromium) " +
                "o indicare l'eseguibile con PORTAL_CHROMIUM. Non usare 'playwright install': i download dei browser sono bloccati.");
        if (!File.Exists(TestPaths.AxeScript))
            throw new InvalidOperationException(
                $"axe-core non trovato in {TestPaths.AxeScript}: eseguire 'npm ci' in {TestPaths.ProjectDir} (scripts/test.sh lo fa).");

        Assertions.SetDefaultExpectTimeout(DefaultTimeoutMs);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
        try
        {
            // The walks always run on SQLite: the browser is what is under test here.
            _database = TestDatabase.Create(Portal.Core.Data.DatabaseProvider.Sqlite);
            // The SP's ACS and entityID name the portal's address: choose the port before the start.
            var port = PortalProcess.FreePort();
            var idp = SimpleSamlIdp.FromEnvironment(out _idpMissing);
            var settings = idp?.PortalSettings(new Uri($"http://127.0.0.1:{port}"))
                // Without SimpleSAMLphp the SP still names this address (appsettings.Development.json says localhost:5000):
                // the portal's own test IdP (Portal.DevIdp) answers there.
                ?? new Dictionary<string, string?> { ["Portal:Identity:ServiceProvider:BaseUrl"] = $"http://127.0.0.1:{port}" };
            _host = await PortalProcess.StartAsync(_database, settings, environment: "Development", port: port);
            if (idp is not null)
            {
                await idp.RegisterAsync(BaseUrl);
                _idp = idp;
            }
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>A fresh browser (own cookies) on the portal, with the checks every walk needs.</summary>
    public async Task<BrowserSession> NewSessionAsync(string name)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            Locale = "it-IT",
            TimezoneId = "Europe/Rome",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            AcceptDownloads = true,
            // The portal's CSP (script-src 'self') would block the injected axe-core script tag.
            BypassCSP = true,
        });
        context.SetDefaultTimeout(DefaultTimeoutMs);
        context.SetDefaultNavigationTimeout(DefaultTimeoutMs);
        var page = await context.NewPageAsync();
        return new BrowserSession(name, context, page, this);
    }

    public async Task DisposeAsync()
    {
        _idp?.Unregister();
        _idp = null;
        if (_browser is not null) await _browser.CloseAsync();
        _browser = null;
        _playwright?.Dispose();
        _playwright = null;
        if (_host is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(TestPaths.Artifacts, "portal-host.log"), _host.Output);
            await _host.DisposeAsync();
        }
        _host = null;
        _database?.Dispose();
        _database = null;
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "Portale";
}
