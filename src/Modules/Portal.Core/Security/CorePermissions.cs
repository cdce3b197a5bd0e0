namespace Portal.Core.Security;

/// <summary>The permissions Portal.Core declares.</summary>
public static class CorePermissions
{
    public static readonly Permission AccessAdmin = new("Core.AccessAdmin", "Accedere all'area di amministrazione");
    public static readonly Permission ManageUsers = new("Core.ManageUsers", "Gestire utenti e ruoli");
    public static readonly Permission ManageSettings = new("Core.ManageSettings", "Modificare le impostazioni del portale");
    public static readonly Permission RunRecipes = new("Core.RunRecipes", "Eseguire le ricette di configurazione e importare i Comuni");
    public static readonly Permission ViewAudit = new("Core.ViewAudit", "Consultare il registro delle attività");

    public static IEnumerable<Permission> All => [AccessAdmin, ManageUsers, ManageSettings, RunRecipes, ViewAudit];
}
