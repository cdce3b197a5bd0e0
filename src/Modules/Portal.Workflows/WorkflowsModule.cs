using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Workflows.Data;
using Portal.Workflows.Definitions;
using Portal.Workflows.Demo;
using Portal.Workflows.Engine;
using Portal.Workflows.Recipes;
using Portal.Workflows.Tasks;
using Portal.Workflows.Timers;

[assembly: PortalModule(typeof(Portal.Workflows.WorkflowsModule))]

namespace Portal.Workflows;

public sealed class WorkflowsModule : PortalModule
{
    public override string Name => "Portal.Workflows";

    public override IReadOnlyList<string> DependsOn => ["Portal.Core"];

    public override void ConfigureServices(ModuleContext context)
    {
        context.AddModuleDbContext<WorkflowsDbContext, WorkflowsSqliteDbContext, WorkflowsPostgresDbContext>(WorkflowsDbContext.HistoryTable);
        var s = context.Services;
        s.Configure<WorkflowsOptions>(context.Configuration.GetSection(WorkflowsOptions.Section));
        s.AddScoped<WorkflowCatalog>();
        s.AddScoped<DefinitionStore>();
        s.AddScoped<Services.WorkflowAdminQueries>();
        s.AddScoped<IWorkflowEngine, WorkflowEngine>();
        s.AddSingleton<DefinitionCache>();
        s.AddSingleton<WorkflowTimerRunner>();
        s.AddHostedService<WorkflowTimerService>();
        s.AddScoped<IRecipeStep, WorkflowsStep>();

        s.AddWorkflowTask<ProtocolTask>();
        s.AddWorkflowTask<ReceiptTask>();
        s.AddWorkflowTask<NotificationTask>();
        s.AddScoped<IOutboxHandler, ReceiptHandler>();
        s.AddScoped<IOutboxHandler, NotificationHandler>();

        // The demo workflow (Workflows/richiesta-di-prova.json, applied by recipes/demo.recipe.json) and its subject.
        s.AddWorkflowDefinitionFile(typeof(WorkflowsModule).Assembly, RichiesteDiProvaService.DefinitionFile);
        s.AddWorkflowSubject<RichiestaDiProvaSubject>();
        s.AddWorkflowGuard<ConsensoPrivacyGuard>();
        s.AddScoped<IRecipeStep, RichiesteDiProvaStep>();
        s.AddScoped<RichiesteDiProvaService>();
        s.AddScoped<ISubmissionSource, RichiesteDiProvaSubmissions>();
        foreach (var template in DemoTemplates.All) s.AddSingleton(template);
    }

    /// <summary>What this module writes to the activity register, in words.</summary>
    public override IEnumerable<Portal.Core.Audit.AuditAction> AuditActions =>
    [
        new("Workflows.DefinizioneSalvata", "Definizione del flusso salvata"),
    ];

    public override IEnumerable<Permission> Permissions => WorkflowsPermissions.All;

    /// <summary>The demo workflow ("richieste di prova", with its receipt) for every signed-in person.</summary>
    public override IEnumerable<MenuEntry> Navigation => [new("Richieste di prova", "/richieste-di-prova", 90, Group: MenuEntry.Services, SignedIn: true)];

    public override IEnumerable<MenuEntry> AdminMenu =>
    [
        new("Flussi di lavoro", "/admin/flussi", 700, WorkflowsPermissions.Manage.Name, "Sistema"),
    ];
}
