using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
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

    // Contents answers IFinestre (windows, Avvisi, the parameters sogliaIsee and numeroBorse) and publishes the
    // Graduatoria; Workflows runs the "invio-elenco-borse" workflow. Graduatorie references only their abstractions.
    public override IReadOnlyList<string> DependsOn => ["Portal.Core", "Portal.Contents", "Portal.Workflows", "Portal.Documents"];

    public override void ConfigureServices(ModuleContext context)
    {
        context.AddModuleDbContext<GraduatorieDbContext, GraduatorieSqliteDbContext, GraduatoriePostgresDbContext>(GraduatorieDbContext.HistoryTable);
        context.Services.AddScoped<FinestreGraduatorie>();
        context.Services.AddScoped<InvioAccess>();
        context.Services.AddScoped<InvioValidation>();
        context.Services.AddScoped<GraduatorieService>();
        context.Services.AddScoped<InvioQueries>();
        context.Services.AddScoped<ISubmissionSource, InviiSubmissions>();
        context.Services.AddScoped<InvioDownloads>();
        // The "invio-elenco-borse" workflow (recipes/setup.recipe.json) drives the status of each upload.
        context.Services.AddWorkflowSubject<InvioSubject>();
        context.Services.AddWorkflowDefinitionFile(typeof(GraduatorieModule).Assembly, InvioWorkflow.DefinitionFile);
        foreach (var template in InvioNotificationTemplates.All) context.Services.AddSingleton(template);
        context.Services.AddScoped<RegioneService>();
        context.Services.AddScoped<RegioneSolleciti>();
        context.Services.AddScoped<CodiciPseudonimi>();
        context.Services.AddScoped<GraduatoriaRegionaleService>();
        context.Services.AddScoped<Portal.Contents.Contracts.IServiceEntry, GraduatorieServiceEntry>();
        context.Services.AddScoped<Portal.Contents.Contracts.IGraduatoriaRighe, GraduatoriaRighePubbliche>();
        foreach (var template in RegioneNotificationTemplates.All) context.Services.AddSingleton(template);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGraduatorieApi();
        endpoints.MapGraduatorieRegioneApi();
    }

    /// <summary>What this module writes to the activity register, in words.</summary>
    public override IEnumerable<Portal.Core.Audit.AuditAction> AuditActions =>
    [
        new("Graduatorie.AltriComuni", "Elenco per altri Comuni"),
        new("Graduatorie.Annullamento", "Invio annullato"),
        new("Graduatorie.Approvazione", "Graduatoria approvata"),
        new("Graduatorie.Conferma", "Invio confermato"),
        new("Graduatorie.Costruzione", "Graduatoria costruita"),
        new("Graduatorie.FileSegnalato", "File segnalato"),
        new("Graduatorie.Invio", "Elenco inviato"),
        new("Graduatorie.Pubblicazione", "Graduatoria pubblicata"),
        new("Graduatorie.Sollecito", "Sollecito ai Comuni"),
    ];

    public override IEnumerable<MenuEntry> Navigation =>
    [
        new("Invio elenchi borse di studio", "/invio-elenchi", 62, GraduatoriePermissions.Upload.Name),
        new("Codici graduatoria regionale", "/graduatoria-regionale/codici", 65, GraduatoriePermissions.Upload.Name),
    ];

    public override IEnumerable<MenuEntry> AdminMenu =>
        [new("Graduatorie regionali", "/admin/graduatorie", 400, GraduatoriePermissions.ViewAll.Name, "Graduatorie")];

    public override IEnumerable<Permission> Permissions => GraduatoriePermissions.All.Concat(GraduatorieRegionePermissions.All);
}
