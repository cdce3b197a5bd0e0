using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Contents.Apis;
using Portal.Contents.Data;
using Portal.Contents.Recipes;
using Portal.Contents.Workflows;
using Portal.Contents.Services;
using Portal.Contents.Services.Validation;
using Portal.Contents.Contracts;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Workflows.Engine;

[assembly: PortalModule(typeof(Portal.Contents.ContentsModule))]

namespace Portal.Contents;

public sealed class ContentsModule : PortalModule
{
    public override string Name => "Portal.Contents";

    public override IReadOnlyList<string> DependsOn => ["Portal.Core"];

    public override void ConfigureServices(ModuleContext context)
    {
        context.AddModuleDbContext<ContentsDbContext, ContentsSqliteDbContext, ContentsPostgresDbContext>(ContentsDbContext.HistoryTable);
        var s = context.Services;
        s.Configure<ContentsOptions>(context.Configuration.GetSection(ContentsOptions.Section));
        s.AddScoped<ContentValidation>();
        s.AddScoped<ContentService>();
        s.AddScoped<ContentScheduleRunner>();
        s.AddScoped<ContentQueries>();
        s.AddSingleton<MarkdownRenderer>();
        s.AddScoped<IFinestre, FinestreService>();
        s.AddScoped<IContentPublisher, ContentPublisher>();
        // The windows are content: the engine's "finestraAperta" guard is answered here.
        s.AddWorkflowGuard<FinestraApertaGuard>();
        s.AddScoped<IServiceBannerSource, ServiceBannerSource>();
        s.AddScoped<IRecipeStep, ContentStep>();
        s.AddHostedService<ContentScheduler>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapContentsApi();
        endpoints.MapAttachmentDownload();
        endpoints.MapGraduatoriaDownload();
    }

    /// <summary>What this module writes to the activity register, in words.</summary>
    public override IEnumerable<Portal.Core.Audit.AuditAction> AuditActions =>
    [
        new("Contenuto.Creato", "Contenuto creato"),
        new("Contenuto.Programmato", "Pubblicazione programmata"),
        new("Contenuto.Pubblicato", "Contenuto pubblicato"),
        new("Contenuto.Ripristinato", "Versione ripristinata"),
        new("Contenuto.Ritirato", "Contenuto ritirato"),
        new("Contenuto.Salvato", "Contenuto salvato"),
    ];

    public override IEnumerable<Permission> Permissions => ContentsPermissions.All;

    public override IEnumerable<MenuEntry> AdminMenu =>
    [
        new("Contenuti", "/admin/contenuti", 100, ContentsPermissions.Edit.Name, "Contenuti"),
        new("Nuovo avviso", "/admin/contenuti/modifica?tipo=Avviso", 110, ContentsPermissions.Edit.Name, "Contenuti"),
    ];

    public override IEnumerable<MenuEntry> Navigation =>
    [
        new("Avvisi", "/avvisi", 10),
        new("Graduatorie", "/graduatorie", 20),
        new("Come accedere", "/pagine/come-accedere", 30),
        new("Assistenza", "/pagine/assistenza", 40),
    ];
}
