using Portal.Core.Security;

namespace Portal.Accreditamenti;

public static class AccreditamentiPermissions
{
    public static readonly Permission Request = new("Accreditamenti.Request", "Chiedere l'accreditamento per uno o più Comuni");
    public static readonly Permission Manage = new("Accreditamenti.Manage", "Approvare, respingere, revocare e importare gli accreditamenti dei Comuni");
    public static readonly Permission ManageOperators = new("Accreditamenti.ManageOperators", "Gestire enti gestori e CPI, abilitare e disabilitare operatori e funzionari");
    public static readonly Permission ViewComuneOperators = new("Accreditamenti.ViewComuneOperators", "Vedere gli operatori accreditati per i propri Comuni");

    public static IEnumerable<Permission> All => [Request, Manage, ManageOperators, ViewComuneOperators];
}
