using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Bonus.Apis;
using Portal.Bonus.Data;
using Portal.Bonus.Recipes;
using Portal.Bonus.Services;
using Portal.Bonus.Workflow;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Workflows.Engine;

[assembly: PortalModule(typeof(Portal.Bonus.BonusModule))]

namespace Portal.Bonus;

public sealed class BonusModule : PortalModule
{
    public override string Name => "Portal.Bonus";

    // Contents answers IFinestre (the call's Avviso and its windows, the "finestraAperta" guard); Workflows runs the
    // "domanda-bonus" workflow, the protocol and receipt tasks. The occupational condition comes from
    // ICondizioneOccupazionale when a module (Did) registers it, the residence from IAnagraficaReader: both optional.
    public override IReadOnlyList<string> DependsOn => ["Portal.Core", "Portal.Contents", "Portal.Workflows", "Portal.Documents"];

    public override void ConfigureServices(ModuleContext context)
    {
        context.AddModuleDbContext<BonusDbContext, BonusSqliteDbContext, BonusPostgresDbContext>(BonusDbContext.HistoryTable);
        var s = context.Services;
        s.AddScoped<BandiService>();
        s.AddScoped<DomandeService>();
        s.AddScoped<ISubmissionSource, DomandeSubmissions>();
        s.AddScoped<DomandaInvio>();
        s.AddScoped<DomandaInInvio>();
        s.AddScoped<DomandaDownloads>();
        s.AddScoped<IRecipeStep, BandoStep>();
        s.AddScoped<Portal.Contents.Contracts.IServiceEntry, BonusServiceEntry>();
        s.AddScoped<IRecipeStep, DomandeDemoStep>();
        s.AddWorkflowSubject<DomandaSubject>();
        s.AddWorkflowDefinitionFile(typeof(BonusModule).Assembly, DomandaWorkflow.DefinitionFile);
        foreach (var template in BonusNotificationTemplates.All) s.AddSingleton(template);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapBonusApi();

    public override IEnumerable<MenuEntry> Navigation =>
        [new("Bonus PC per la didattica", "/bonus", 70, BonusPermissions.Apply.Name)];

    public override IEnumerable<MenuEntry> AdminMenu =>
        [
            new("Bandi Bonus", "/admin/bonus", 450, BonusPermissions.ManageBandi.Name, "Bonus"),
            new("Richieste di annullamento Bonus", "/admin/bonus/annullamenti", 451, BonusPermissions.Cancel.Name, "Bonus"),
        ];

    public override IEnumerable<Permission> Permissions => BonusPermissions.All;
}
