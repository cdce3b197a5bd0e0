using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Did.Apis;
using Portal.Did.Data;
using Portal.Did.Recipes;
using Portal.Did.Services;
using Portal.Did.Workflows;
using Portal.Workflows.Engine;

[assembly: PortalModule(typeof(Portal.Did.DidModule))]

namespace Portal.Did;

/// <summary>D.I.D. On Line (seed 002): the person's declaration of immediate availability and the CPI operator's side.</summary>
public sealed class DidModule : PortalModule
{
    public override string Name => "Portal.Did";

    // Anagrafica answers IAnagraficaStatus/IAnagraficaReader (entry rule, residence → CPI), Accreditamenti ICentriImpiego
    // (the CPI register), Workflows runs the "did" workflow.
    public override IReadOnlyList<string> DependsOn => ["Portal.Core", "Portal.Anagrafica", "Portal.Accreditamenti", "Portal.Workflows"];

    public override void ConfigureServices(ModuleContext context)
    {
        context.AddModuleDbContext<DidDbContext, DidSqliteDbContext, DidPostgresDbContext>(DidDbContext.HistoryTable);
        var s = context.Services;
        s.Configure<DidOptions>(context.Configuration.GetSection(DidOptions.Section));
        s.AddScoped<CpiDirectory>();
        s.AddScoped<DidService>();
        s.AddScoped<ISubmissionSource, DidSubmissions>();
        s.AddScoped<CpiService>();
        s.AddScoped<DidDetails>();
        s.AddScoped<DidNotifier>();
        s.AddScoped<DidReceiptIssuer>();
        s.AddScoped<SituazioneImport>();
        s.AddScoped<SituazioneService>();
        s.AddScoped<ICondizioneOccupazionale, CondizioneOccupazionale>();
        s.AddScoped<IOutboxHandler, DidReceiptHandler>();
        s.AddScoped<IRecipeStep, CpiComuniStep>();
        s.AddScoped<IRecipeStep, DidDemoStep>();
        s.AddWorkflowSubject<DidSubject>();
        s.AddWorkflowDefinitionFile(typeof(DidModule).Assembly, DidWorkflow.DefinitionFile);
        foreach (var template in DidNotificationTemplates.All) s.AddSingleton(template);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapDidApi();

    /// <summary>What this module writes to the activity register, in words.</summary>
    public override IEnumerable<Portal.Core.Audit.AuditAction> AuditActions =>
    [
        new("did.colloquio", "D.I.D.: colloquio fissato"),
        new("did.giustificato-motivo", "D.I.D.: giustificato motivo"),
        new("did.esito", "D.I.D.: esito registrato"),
        new("did.esportazione", "D.I.D.: esportazione"),
        new("did.inviata", "D.I.D. inviata"),
        new("did.situazione", "D.I.D.: situazione occupazionale consultata"),
        new("did.situazioni-importate", "D.I.D.: situazioni occupazionali importate"),
        // What the entries are about (their subject), in words.
        new("Did.Dichiarazione", "D.I.D."),
        new("Did.Cpi", "D.I.D. dei Centri per l'Impiego"),
    ];

    public override IEnumerable<Permission> Permissions => DidPermissions.All;

    public override IEnumerable<MenuEntry> Navigation =>
    [
        new("D.I.D. On Line", "/did", 70, DidPermissions.Send.Name),
        new("D.I.D. del Centro per l'Impiego", "/cpi/did", 71, DidPermissions.Cpi.Name),
        new("Situazione occupazionale (CPI)", "/cpi/situazioni", 72, DidPermissions.Cpi.Name),
    ];
}
