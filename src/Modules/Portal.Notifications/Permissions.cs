using Portal.Core.Security;

namespace Portal.Notifications;

public static class NotificationsPermissions
{
    public static readonly Permission ManageTemplates = new("Notifications.ManageTemplates",
        "Modificare i modelli delle notifiche e consultare il registro delle e-mail inviate");

    public static IEnumerable<Permission> All => [ManageTemplates];
}
