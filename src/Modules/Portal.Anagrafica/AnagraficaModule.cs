using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portal.Anagrafica.Apis;
using Portal.Anagrafica.Data;
using Portal.Anagrafica.Recipes;
using Portal.Anagrafica.Services;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Security;

[assembly: PortalModule(typeof(Portal.Anagrafica.AnagraficaModule))]

namespace Portal.Anagrafica;

public sealed class AnagraficaModule : PortalModule
{
    public override string Name => "Portal.Anagrafica";

    public override IReadOnlyList<string> DependsOn => ["Portal.Core"];

    public override void ConfigureServices(ModuleContext context)
    {
        context.AddModuleDbContext<AnagraficaDbContext, AnagraficaSqliteDbContext, AnagraficaPostgresDbContext>(AnagraficaDbContext.HistoryTable);
        var s = context.Services;
        s.AddScoped<AnagraficaLookups>();
        s.AddScoped<AnagraficaValidator>();
        s.AddScoped<AnagraficaService>();
        s.AddScoped<RegistryImporter>();
        s.TryAddScoped<IRegistrySource, TableRegistrySource>();
        s.AddScoped<IAnagraficaStatus, AnagraficaStatus>();
        s.AddScoped<IAnagraficaProvisioning, AnagraficaProvisioning>();
        s.AddScoped<IAnagraficaReader, AnagraficaReader>();
        s.AddScoped<IRecipeStep, StatiEsteriStep>();
        s.AddScoped<IRecipeStep, RegistroWelfareStep>();
        s.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, FirstAccessRedirect>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapAnagraficaApi();

    /// <summary>What this module writes to the activity register, in words.</summary>
    public override IEnumerable<Portal.Core.Audit.AuditAction> AuditActions =>
    [
        new("AnagraficaPrimoSalvataggio", "Anagrafica salvata la prima volta"),
        new("AnagraficaSalvata", "Anagrafica modificata"),
        new("AccessoDatiPersonali", "Consultazione di dati personali"),
        new("RegistroWelfareImportato", "Indice regionale del welfare importato"),
    ];

    public override IEnumerable<Permission> Permissions => AnagraficaPermissions.All;

    public override IEnumerable<MenuEntry> AdminMenu =>
    [
        new("Indice regionale del welfare", "/admin/anagrafica/registro", 300, AnagraficaPermissions.ImportRegistry.Name, "Anagrafica"),
    ];

    public override IEnumerable<MenuEntry> Navigation =>
    [
        new("Area personale", "/area-personale", 80, SignedIn: true),
    ];
}
