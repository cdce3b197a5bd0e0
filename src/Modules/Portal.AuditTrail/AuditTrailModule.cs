using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.AuditTrail.Apis;
using Portal.AuditTrail.Data;
using Portal.AuditTrail.Services;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Security;

[assembly: PortalModule(typeof(Portal.AuditTrail.AuditTrailModule))]

namespace Portal.AuditTrail;

/// <summary>
/// The audit trail (as Orchard's AuditTrail): what every module records through <see cref="IAuditTrail"/>, in the
/// same unit of work as the change, and the administrators' view, search and Excel export of it.
/// </summary>
public sealed class AuditTrailModule : PortalModule
{
    public override string Name => "Portal.AuditTrail";

    public override IReadOnlyList<string> DependsOn => ["Portal.Core"];

    public override void ConfigureServices(ModuleContext context)
    {
        context.AddModuleDbContext<AuditTrailDbContext, AuditTrailSqliteDbContext, AuditTrailPostgresDbContext>(AuditTrailDbContext.HistoryTable);
        var s = context.Services;
        s.AddScoped<IAuditTrail, Services.AuditTrail>();
        s.AddScoped<AuditQuery>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapRegistroAttivitaApi();

    /// <summary>What this module writes to the activity register, in words.</summary>
    public override IEnumerable<Portal.Core.Audit.AuditAction> AuditActions =>
    [
        new("Registro.Esportato", "Registro delle attività esportato"),
    ];

    public override IEnumerable<MenuEntry> AdminMenu =>
    [
        new("Registro delle attività", "/admin/registro", 830, CorePermissions.ViewAudit.Name, "Sistema"),
    ];
}
