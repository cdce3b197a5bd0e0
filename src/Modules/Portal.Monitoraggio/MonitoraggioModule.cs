using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Monitoraggio.Apis;
using Portal.Monitoraggio.Data;
using Portal.Monitoraggio.Recipes;
using Portal.Monitoraggio.Services;

[assembly: PortalModule(typeof(Portal.Monitoraggio.MonitoraggioModule))]

namespace Portal.Monitoraggio;

/// <summary>Monitoring of the financing practices (seed 003): enti gestori send feeds, Funzionari read the reports.</summary>
public sealed class MonitoraggioModule : PortalModule
{
    public override string Name => "Portal.Monitoraggio";

    // Accreditamenti keeps the enti gestori (IEntiGestori) and enables their operators; Core runs protocol, receipts, outbox.
    public override IReadOnlyList<string> DependsOn => ["Portal.Core", "Portal.Accreditamenti", "Portal.Documents"];

    public override void ConfigureServices(ModuleContext context)
    {
        context.AddModuleDbContext<MonitoraggioDbContext, MonitoraggioSqliteDbContext, MonitoraggioPostgresDbContext>(MonitoraggioDbContext.HistoryTable);
        var s = context.Services;
        s.Configure<MonitoraggioOptions>(context.Configuration.GetSection(MonitoraggioOptions.Section));
        s.AddScoped<FlussoBlocchi>();
        s.AddScoped<FlussoAccess>();
        s.AddScoped<FlussiService>();
        s.AddScoped<ISubmissionSource, FlussiSubmissions>();
        s.AddScoped<FlussoQueries>();
        s.AddScoped<ErrorReport>();
        s.AddScoped<MonitoraggioReports>();
        s.AddScoped<FlussoProcessor>();
        s.AddScoped<IOutboxHandler>(sp => sp.GetRequiredService<FlussoProcessor>());
        s.AddScoped<IOutboxHandler, RicevutaHandler>();
        s.AddScoped<IRecipeStep, MisureStep>();
        s.AddScoped<IRecipeStep, FlussiDemoStep>();
        s.AddScoped<CredenzialiApiService>();
        s.AddHostedService<SpoolCleanup>();
        s.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenSchemes.Token, "Credenziale API dell'ente gestore", _ => { })
            .AddPolicyScheme(ApiTokenSchemes.TokenOrSession, "Credenziale API o sessione", _ => { });
        // Without a bearer header the flussi endpoints read the portal's own session (the default scheme, whatever its name).
        s.AddOptions<PolicySchemeOptions>(ApiTokenSchemes.TokenOrSession).Configure<IOptions<AuthenticationOptions>>((o, auth) =>
        {
            o.ForwardDefault = auth.Value.DefaultScheme;
            o.ForwardDefaultSelector = c => ApiTokenSchemes.HasBearer(c) ? ApiTokenSchemes.Token : null;
        });
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMonitoraggioApi();
        endpoints.MapCredenzialiApi();
    }

    public override IEnumerable<Permission> Permissions => MonitoraggioPermissions.All;

    public override IEnumerable<MenuEntry> Navigation =>
    [
        new("Flussi di monitoraggio", "/monitoraggio/flussi", 70, MonitoraggioPermissions.Upload.Name),
    ];

    public override IEnumerable<MenuEntry> AdminMenu =>
        [
            new("Monitoraggio pratiche", "/admin/monitoraggio", 450, MonitoraggioPermissions.Reports.Name, "Monitoraggio"),
            new("Credenziali API degli enti", "/admin/monitoraggio/credenziali", 451, MonitoraggioPermissions.Credentials.Name, "Monitoraggio"),
        ];
}
