using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Protocol;
using Portal.Core.Receipts;
using Portal.Protocol.Apis;
using Portal.Protocol.Data;
using Portal.Protocol.Services;

[assembly: PortalModule(typeof(Portal.Protocol.ProtocolModule))]

namespace Portal.Protocol;

/// <summary>
/// The protocol register (gapless numbers per AOO and year, in confirmation order through the outbox), the PDF receipts
/// with their verification code and QR code, and the public verification page /verifica.
/// </summary>
public sealed class ProtocolModule : PortalModule
{
    public override string Name => "Portal.Protocol";

    public override IReadOnlyList<string> DependsOn => ["Portal.Core", "Portal.Documents"];

    public override void ConfigureServices(ModuleContext context)
    {
        context.AddModuleDbContext<ProtocolDbContext, ProtocolSqliteDbContext, ProtocolPostgresDbContext>(ProtocolDbContext.HistoryTable);
        var s = context.Services;
        s.AddScoped<IProtocolRegister, DatabaseProtocolRegister>();
        s.AddScoped<IProtocolQueue, ProtocolQueue>();
        s.AddScoped<IOutboxHandler, ProtocolOutboxHandler>();
        s.AddScoped<IReceipts, ReceiptService>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapRicevuteApi();
}
