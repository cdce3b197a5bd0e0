using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Testing;

namespace Portal.Security.Tests;

/// <summary>All the tests of this project run one after the other on one portal (row counts must see only their own requests).</summary>
[CollectionDefinition(Name)]
public sealed class SecurityCollection
{
    public const string Name = "portal di sicurezza";
}

/// <summary>
/// The portal (all modules, setup and demo recipes) on its own database, shared by the whole project: the theories'
/// MemberData is enumerated from its OpenAPI document and endpoints, so it starts before any test class exists.
/// It also keeps the service registrations, to find every DbContext registered in the container.
/// </summary>
public sealed class SecurityPortal : PortalFactory
{
    private static readonly Lazy<SecurityPortal> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private List<ServiceDescriptor> _descriptors = [];

    public static SecurityPortal Shared => Instance.Value;

    // No background writer: the row counts of a test must change only by its own requests (a receipt rendered by the
    // outbox for an earlier test, late on a loaded machine, once showed up as "core_receipt: 5 → 6").
    private SecurityPortal() : base(TestDatabase.Create(), new Dictionary<string, string?>
    {
        ["Portal:Outbox:DispatcherEnabled"] = "false",
        ["Portal:Workflows:TimersEnabled"] = "false",
    }) { }

    private static SecurityPortal Start()
    {
        var portal = new SecurityPortal();
        _ = portal.Services;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => portal.Dispose();
        return portal;
    }

    public IReadOnlyList<ServiceDescriptor> Descriptors => _descriptors;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Runs after the portal's own registrations: the list then holds every module's services.
        builder.ConfigureServices(services => _descriptors = services.ToList());
    }

    /// <summary>Every DbContext type the container can give (module contexts resolve to their provider-specific subclass).</summary>
    public IReadOnlyList<Type> DbContextTypes =>
        _descriptors.Select(d => d.ServiceType)
            .Where(t => typeof(DbContext).IsAssignableFrom(t) && t != typeof(DbContext) && !t.IsGenericTypeDefinition)
            .Distinct().ToList();

    /// <summary>The exceptions the portal logged, so that a failure shows the cause of a 500.</summary>
    public static ErrorLog Errors => Shared.LoggedErrors;
}
