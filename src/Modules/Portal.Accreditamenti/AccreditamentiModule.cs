using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Accreditamenti.Apis;
using Portal.Accreditamenti.Data;
using Portal.Accreditamenti.Recipes;
using Portal.Accreditamenti.Services;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Security;

[assembly: PortalModule(typeof(Portal.Accreditamenti.AccreditamentiModule))]

namespace Portal.Accreditamenti;

/// <summary>Accreditation of Comune operators and enablement of ente/CPI operators and Funzionari (seeds 000, 003).</summary>
public sealed class AccreditamentiModule : PortalModule
{
    public override string Name => "Portal.Accreditamenti";

    public override IReadOnlyList<string> DependsOn => ["Portal.Core"];

    public override void ConfigureServices(ModuleContext context)
    {
        context.AddModuleDbContext<AccreditamentiDbContext, AccreditamentiSqliteDbContext, AccreditamentiPostgresDbContext>(AccreditamentiDbContext.HistoryTable);
        var s = context.Services;
        s.AddScoped<Notifier>();
        s.AddScoped<AccreditationService>();
        s.AddScoped<OperatorImport>();
        s.AddScoped<RegistryService>();
        s.AddScoped<EnablementService>();
        s.AddScoped<ComuneOperators>();
        s.AddScoped<IntranetNetworks>();
        s.AddScoped<ICentriImpiego, CentriImpiego>();
        s.AddScoped<IEntiGestori, EntiGestori>();
        s.AddScoped<IRecipeStep, AccreditamentiStep>();
        foreach (var template in NotificationTemplates.All) s.AddSingleton(template);
    }

    public override void ConfigurePipeline(IApplicationBuilder app) => app.Use(FunzionarioNetworkRestriction.InvokeAsync);

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAccreditamentiApi();
        endpoints.MapAccreditamentiAdminApi();
        endpoints.MapEnablementApi();
    }

    /// <summary>What this module writes to the activity register, in words.</summary>
    public override IEnumerable<Portal.Core.Audit.AuditAction> AuditActions =>
    [
        new("Cpi.Creato", "Centro per l'Impiego creato"),
        new("Cpi.Modificato", "Centro per l'Impiego modificato"),
        new("EnteGestore.Creato", "Ente gestore creato"),
        new("EnteGestore.Modificato", "Ente gestore modificato"),
        new("Abilitazione.Concessa", "Abilitazione concessa"),
        new("Abilitazione.Revocata", "Abilitazione revocata"),
        new("Accreditamento.Approvato", "Accreditamento approvato"),
        new("Accreditamento.Importazione", "Operatori dei Comuni importati"),
        new("Accreditamento.Respinto", "Accreditamento respinto"),
        new("Accreditamento.Revocato", "Accreditamento revocato"),
        new("Accreditamento.Richiesto", "Accreditamento richiesto"),
        new("Intranet.Reti", "Reti della intranet per i funzionari modificate"),
    ];

    public override IEnumerable<Permission> Permissions => AccreditamentiPermissions.All;

    public override IEnumerable<MenuEntry> AdminMenu =>
    [
        new("Accreditamenti dei Comuni", "/admin/accreditamenti", 600, AccreditamentiPermissions.Manage.Name, "Operatori"),
        new("Importa operatori dei Comuni", "/admin/accreditamenti/importa", 610, AccreditamentiPermissions.Manage.Name, "Operatori"),
        new("Abilitazioni operatori e funzionari", "/admin/abilitazioni", 620, AccreditamentiPermissions.ManageOperators.Name, "Operatori"),
        new("Enti gestori", "/admin/enti", 630, AccreditamentiPermissions.ManageOperators.Name, "Operatori"),
        new("Centri per l'Impiego", "/admin/cpi", 640, AccreditamentiPermissions.ManageOperators.Name, "Operatori"),
        new("Reti della intranet per i funzionari", "/admin/intranet", 815, CorePermissions.ManageSettings.Name, "Sistema"),
    ];

    public override IEnumerable<MenuEntry> Navigation =>
    [
        // Every citizen may ask (a municipal employee signs in as a citizen first): the entry says whom it is for.
        new("Accreditamento operatori dei Comuni", "/accreditamenti", 60, AccreditamentiPermissions.Request.Name),
        new("Operatori del Comune", "/operatori-comune", 61, AccreditamentiPermissions.ViewComuneOperators.Name),
    ];
}
