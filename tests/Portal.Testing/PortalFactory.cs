using Xunit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyModel;
using Microsoft.Extensions.Logging;
using Portal.Core.Hosting;

namespace Portal.Testing;

/// <summary>
/// The portal composed of the modules the test project references (and their dependencies), with its
/// migrations, setup and demo recipes, on its own database, served in memory. A module's tests reference
/// their module and the modules it needs; the host's tests reference Portal.Web and get every module.
/// The clock is a <see cref="TestClock"/> starting at the real time, so tests can move it.
/// </summary>
public class PortalFactory : IAsyncLifetime, IDisposable, IAsyncDisposable
{
    public TestDatabase Database { get; }
    public TestClock Clock { get; }
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsDatabase;
    private readonly Lock _gate = new();
    private readonly List<PortalFactory> _derived = [];
    private WebApplication? _app;
    private bool _disposed;

    public PortalFactory() : this(TestDatabase.Create()) { }

    /// <summary>A portal on a given database with extra settings ("environment" sets the host environment).</summary>
    public static PortalFactory Create(TestDatabase database, IDictionary<string, string?>? settings = null) => new(database, settings);

    protected PortalFactory(TestDatabase database, IDictionary<string, string?>? settings = null)
        : this(database, new TestClock(DateTimeOffset.UtcNow), Merge(database, settings), ownsDatabase: true) { }

    private PortalFactory(TestDatabase database, TestClock clock, Dictionary<string, string?> settings, bool ownsDatabase)
    {
        Database = database;
        Clock = clock;
        _settings = settings;
        _ownsDatabase = ownsDatabase;
    }

    private static Dictionary<string, string?> Merge(TestDatabase database, IDictionary<string, string?>? settings)
    {
        // The scheduler is driven by the tests through the service, not by the background timer.
        var merged = TestHostSettings.For(database, new Dictionary<string, string?> { ["Portal:Contents:SchedulerSeconds"] = "3600" });
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) merged[k] = v;
        return merged;
    }

    /// <summary>What this host logged as an Error with an exception.</summary>
    public ErrorLog LoggedErrors { get; } = new();

    /// <summary>The started host's services.</summary>
    public IServiceProvider Services => App.Services;

    public TestServer Server => (TestServer)App.Services.GetRequiredService<IServer>();

    /// <summary>
    /// Runs after the portal's own registrations: what <c>ConfigureServices</c> adds or replaces wins.
    /// (<c>ConfigureTestServices</c> is for the generic host's startup filters, which this host does not run.)
    /// </summary>
    protected virtual void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A second host on the same database and clock, with extra configuration on top of this one's.</summary>
    public PortalFactory WithWebHostBuilder(Action<IWebHostBuilder> configure)
    {
        var derived = new DerivedFactory(this, configure);
        lock (_gate) _derived.Add(derived);
        return derived;
    }

    public HttpClient CreateClient() => CreateClient(new WebApplicationFactoryClientOptions());

    public HttpClient CreateClient(WebApplicationFactoryClientOptions options)
    {
        var handlers = new List<DelegatingHandler>();
        if (options.AllowAutoRedirect) handlers.Add(new RedirectHandler(options.MaxAutomaticRedirections));
        if (options.HandleCookies) handlers.Add(new CookieContainerHandler());
        return CreateDefaultClient(options.BaseAddress, [.. handlers]);
    }

    public HttpClient CreateDefaultClient(params DelegatingHandler[] handlers) => CreateDefaultClient(new Uri("http://localhost"), handlers);

    public HttpClient CreateDefaultClient(Uri baseAddress, params DelegatingHandler[] handlers)
    {
        HttpMessageHandler inner = Server.CreateHandler();
        for (var i = handlers.Length - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = inner;
            inner = handlers[i];
        }
        return new HttpClient(inner) { BaseAddress = baseAddress };
    }

    private WebApplication App
    {
        get
        {
            // Started on the thread pool: a host waiting for another's snapshot (InitialisedDatabases) must not hold one of
            // the few threads of xunit's synchronisation context that the other host's initialisation continues on.
            lock (_gate) return _app ??= Task.Run(Start).GetAwaiter().GetResult();
        }
    }

    private WebApplication Start()
    {
        var environment = _settings.TryGetValue("environment", out var env) && env is not null ? env : "Testing";
        var shares = SharesInitialisedDatabase;
        var slot = shares ? InitialisedDatabases.Fill(Kind(environment), Database, Clock.GetUtcNow()) : null;
        StartedOnSnapshot = shares && slot is null;
        try
        {
            return Build(environment, slot);
        }
        catch
        {
            slot?.Abandon();
            throw;
        }
    }

    /// <summary>Whether this host started on a copy of a database that an earlier host initialised (<see cref="SharesInitialisedDatabase"/>).</summary>
    public bool StartedOnSnapshot { get; private set; }

    /// <summary>
    /// Whether this host may start on a copy of the database that an earlier host of the same kind initialised
    /// (see <see cref="InitialisedDatabases"/>): only on a new, empty database of its own, and with the clock near
    /// the real time, since the recipes date what they create from it. A subclass whose instances set up differently
    /// what the recipes see, beyond its type and settings, says no.
    /// </summary>
    protected virtual bool SharesInitialisedDatabase =>
        _ownsDatabase && (Clock.GetUtcNow() - DateTimeOffset.UtcNow).Duration() < TimeSpan.FromMinutes(10) && Database.IsEmpty();

    /// <summary>What the initialised database depends on: the composition, the environment, the settings but the connection string, and the factory type (its services).</summary>
    private string Kind(string environment) =>
        string.Join('\n', new[] { GetType().AssemblyQualifiedName, HostApplicationName, environment }
            .Concat(_settings.Where(s => s.Key is not ("Portal:Database:ConnectionString" or "environment"))
                .OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}")));

    private WebApplication Build(string environment, InitialisedDatabases.Slot? slot)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ApplicationName = HostApplicationName,
            ContentRootPath = Path.Combine(RepoPaths.Root, "src", "Portal.Web"),
        });
        builder.Configuration.AddInMemoryCollection(_settings.Where(s => s.Key != "environment"));
        if (HostApplicationName != "Portal.Web" && MergedStaticAssets.Value is { } manifest)
            builder.Configuration[WebHostDefaults.StaticWebAssetsKey] = manifest;
        builder.WebHost.UseTestServer();
        // A module whose services need a contract that no composed module implements fails here, at start,
        // not at the first request that happens to resolve it.
        builder.WebHost.UseDefaultServiceProvider(o => { o.ValidateScopes = true; o.ValidateOnBuild = true; });
        builder.AddPortal();
        builder.Logging.AddProvider(LoggedErrors);
        ConfigureWebHost(builder.WebHost);
        var app = builder.Build();
        try
        {
            app.InitializePortalAsync().GetAwaiter().GetResult();
            // Before the background services start writing: what is copied is the freshly initialised site.
            slot?.Fill(Database, app.Services.GetRequiredService<Portal.Core.Data.DatabaseOptions>().ConnectionString ?? Database.ConnectionString,
                Clock.GetUtcNow());
            app.UsePortal();
            app.StartAsync().GetAwaiter().GetResult();
        }
        catch
        {
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
        return app;
    }

    private static readonly Lazy<string?> MergedStaticAssets = new(StaticWebAssetsManifest.WriteMerged);

    /// <summary>
    /// The host's own name when the test references it (its static assets and pages come with it);
    /// otherwise this assembly's, and the host composes the modules it finds in the test's dependencies.
    /// </summary>
    private static string HostApplicationName =>
        DependencyContext.Default?.RuntimeLibraries.Any(l => l.Name == "Portal.Web") == true ? "Portal.Web" : typeof(PortalFactory).Assembly.GetName().Name!;

    /// <summary>As a class fixture the host starts before the tests.</summary>
    public Task InitializeAsync()
    {
        _ = App;
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
        await Task.CompletedTask;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing) return;
        List<PortalFactory> derived;
        WebApplication? app;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            derived = [.. _derived];
            _derived.Clear();
            app = _app;
            _app = null;
        }
        foreach (var d in derived) d.Dispose();
        if (app is not null)
        {
            app.StopAsync().GetAwaiter().GetResult();
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        if (_ownsDatabase) Database.Dispose();
    }

    private sealed class DerivedFactory(PortalFactory parent, Action<IWebHostBuilder> configure)
        : PortalFactory(parent.Database, parent.Clock, parent._settings, ownsDatabase: false)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            parent.ConfigureWebHost(builder);
            configure(builder);
        }
    }
}
