using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Security;
using Portal.Graduatorie.Apis;
using Portal.Graduatorie.Data;
using Portal.Graduatorie.Services;
using Portal.Graduatorie.Workflow;
using Portal.Workflows.Engine;

[assembly: PortalModule(typeof(Portal.Graduatorie.GraduatorieModule))]

namespace Portal.Graduatorie;

public sealed class GraduatorieModule : PortalModule
{
    public override string Name => "Portal.Graduatorie";

    // Contents answers IFinestre and holds each Finestra's parametri (sogliaIsee, numeroBorse).
    public override IReadOnlyList<string> DependsOn => ["Portal.Core", "Portal.Contents", "Portal.Workflows"];

    public override void ConfigureServices(ModuleContext context)
    {
        context.AddModuleDbContext<GraduatorieDbContext, GraduatorieSqliteDbContext, GraduatoriePostgresDbContext>(GraduatorieDbContext.HistoryTable);
        context.Services.AddScoped<FinestreGraduatorie>();
        context.Services.AddScoped<GraduatorieService>();
        context.Services.AddScoped<InvioElenchiQueries>();
        // The "invio-elenco-borse" workflow (recipes/setup.recipe.json) drives the status of each upload.
        context.Services.AddWorkflowSubject<InvioSubject>();
        foreach (var template in InvioNotificationTemplates.All) context.Services.AddSingleton(template);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapGraduatorieApi();

    public override IEnumerable<Permission> Permissions => GraduatoriePermissions.All;

    public override IEnumerable<MenuEntry> Navigation =>
    [
        new("Invio elenchi borse di studio", "/invio-elenchi", 62, GraduatoriePermissions.Upload.Name),
    ];
}
