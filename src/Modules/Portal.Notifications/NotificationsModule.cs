using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Notifications.Apis;
using Portal.Notifications.Data;
using Portal.Notifications.Messages;
using Portal.Notifications.Recipes;
using Portal.Notifications.Sending;
using Portal.Notifications.Templates;

[assembly: PortalModule(typeof(Portal.Notifications.NotificationsModule))]

namespace Portal.Notifications;

public sealed class NotificationsModule : PortalModule
{
    public override string Name => "Portal.Notifications";

    public override IReadOnlyList<string> DependsOn => ["Portal.Core"];

    public override void ConfigureServices(ModuleContext context)
    {
        context.AddModuleDbContext<NotificationsDbContext, NotificationsSqliteDbContext, NotificationsPostgresDbContext>(NotificationsDbContext.HistoryTable);
        var s = context.Services;
        s.Configure<NotificationsOptions>(context.Configuration.GetSection(NotificationsOptions.Section));
        s.AddSingleton(DefaultTemplates.Generic);
        s.AddScoped<TemplateStore>();
        s.AddScoped<INotifications, NotificationService>();
        s.AddScoped<MailComposer>();
        s.AddSingleton<IMailTransport>(MailTransport.Create);
        s.AddScoped<IOutboxHandler, NotificationOutboxHandler>();
        s.AddScoped<MessageQueries>();
        s.AddScoped<MailLogQuery>();
        s.AddScoped<IRecipeStep, TemplatesStep>();
        s.AddHostedService<TemplateDefaultsSync>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapMessaggiApi();

    /// <summary>What this module writes to the activity register, in words.</summary>
    public override IEnumerable<Portal.Core.Audit.AuditAction> AuditActions =>
    [
        new("Notifiche.ModelloModificato", "Modello di notifica modificato"),
    ];

    public override IEnumerable<Permission> Permissions => NotificationsPermissions.All;

    public override IEnumerable<MenuEntry> AdminMenu =>
    [
        new("Modelli delle notifiche", "/admin/notifiche/modelli", 700, NotificationsPermissions.ManageTemplates.Name, "Notifiche"),
        new("E-mail inviate", "/admin/notifiche/posta", 710, NotificationsPermissions.ManageTemplates.Name, "Notifiche"),
    ];

    public override IEnumerable<MenuEntry> Navigation =>
    [
        new("Messaggi", "/area-personale/messaggi", 90, SignedIn: true),
    ];
}
