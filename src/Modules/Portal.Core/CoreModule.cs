using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Apis;
using Portal.Core.Audit;
using Portal.Core.Comuni;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Files;
using Portal.Core.Modules;
using Portal.Core.Outbox;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Core.Settings;

[assembly: PortalModule(typeof(Portal.Core.CoreModule))]

namespace Portal.Core;

public sealed class CoreModule : PortalModule
{
    public override string Name => "Portal.Core";

    public override void ConfigureServices(ModuleContext context)
    {
        context.AddModuleDbContext<CoreDbContext, CoreSqliteDbContext, CorePostgresDbContext>(CoreDbContext.HistoryTable);
        var s = context.Services;
        s.AddScoped<IPermissionService, PermissionService>();
        s.AddScoped<IPeople, People>();
        s.AddScoped<IRoleAssignments, RoleAssignments>();
        s.AddScoped<IPortalSession, PortalSession>();
        s.AddScoped<ISiteSettings, SiteSettings>();
        s.AddScoped<IModuleSettings, ModuleSettings>();
        s.AddSingleton<IPublicAddress, PublicAddress>();
        s.AddScoped<IFileStore, FileStore>();
        s.Configure<OutboxOptions>(context.Configuration.GetSection(OutboxOptions.Section));
        s.AddScoped<IOutbox, DatabaseOutbox>();
        s.AddSingleton<OutboxProcessor>();
        s.AddHostedService<OutboxDispatcher>();
        s.AddScoped(sp => new ComuniImporter(sp.GetRequiredService<CoreDbContext>()));
        s.AddScoped(sp => new RegionComuni(sp.GetRequiredService<CoreDbContext>(), sp.GetRequiredService<ISiteSettings>()));
        s.AddScoped<ILookups, Lookups>();
        s.AddScoped(sp => new RecipeRunner(sp.GetServices<IRecipeStep>(), sp.GetRequiredService<CoreDbContext>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RecipeRunner>>(), sp.GetRequiredService<ModuleCatalog>()));
        s.AddScoped<IRecipeStep, SettingsStep>();
        s.AddScoped<IRecipeStep, RolesStep>();
        s.AddScoped<IRecipeStep, LookupsStep>();
        s.AddScoped<IRecipeStep, ComuniStep>();
        s.AddScoped<IRecipeStep, PeopleStep>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapCoreApi();

    /// <summary>What this module writes to the activity register, in words.</summary>
    public override IEnumerable<Portal.Core.Audit.AuditAction> AuditActions =>
    [
        new("Accesso", "Accesso al portale"),
        new("CambioRuolo", "Cambio di ruolo"),
        new("Comuni.Importati", "Elenco dei Comuni importato"),
        new("Impostazioni.Modificate", "Impostazioni modificate"),
        new("Ricetta.Eseguita", "Ricetta eseguita"),
        new("Sessioni.Terminate", "Sessioni terminate"),
        new("Uscita", "Uscita dal portale"),
    ];

    public override IEnumerable<Permission> Permissions => CorePermissions.All;

    public override IEnumerable<MenuEntry> AdminMenu =>
    [
        new("Impostazioni", "/admin/impostazioni", 810, CorePermissions.ManageSettings.Name, "Sistema"),
        new("Ricette e Comuni", "/admin/ricette", 820, CorePermissions.RunRecipes.Name, "Sistema"),
    ];
}
