using Xunit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Portal.Testing;

/// <summary>
/// The real portal (all modules, migrations, setup and demo recipes) on its own database.
/// The clock is a <see cref="TestClock"/> starting at the real time, so tests can move it.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; }
    public TestClock Clock { get; } = new(DateTimeOffset.UtcNow);
    private readonly Dictionary<string, string?> _settings;

    public PortalFactory() : this(TestDatabase.Create()) { }

    // WebApplicationFactory finds the host's content root through an attribute that only projects
    // referencing the host directly get; this setting works for every consumer (tests, benchmarks).
    static PortalFactory() => Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PORTAL_WEB", Path.Combine(RepoPaths.Root, "src", "Portal.Web"));

    /// <summary>A portal on a given database with extra settings ("environment" sets the host environment).</summary>
    public static PortalFactory Create(TestDatabase database, IDictionary<string, string?>? settings = null) => new(database, settings);

    protected PortalFactory(TestDatabase database, IDictionary<string, string?>? settings = null)
    {
        Database = database;
        // The scheduler is driven by the tests through the service, not by the background timer.
        _settings = TestHostSettings.For(database, new Dictionary<string, string?> { ["Portal:Contents:SchedulerSeconds"] = "3600" });
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) _settings[k] = v;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_settings.TryGetValue("environment", out var env) && env is not null ? env : "Testing");
        foreach (var (k, v) in _settings.Where(s => s.Key != "environment")) builder.UseSetting(k, v);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>As a class fixture the host starts before the tests (its lazy start is not thread-safe).</summary>
    public Task InitializeAsync()
    {
        _ = Services;
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Database.Dispose();
    }
}
