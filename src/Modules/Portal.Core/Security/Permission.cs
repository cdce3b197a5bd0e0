namespace Portal.Core.Security;

/// <summary>A permission a module declares; grants to roles are data (recipe, admin).</summary>
public sealed record Permission(string Name, string Description);

public static class CorePermissions
{
    public static readonly Permission AccessAdmin = new("Core.AccessAdmin", "Accedere all'area di amministrazione");
    public static readonly Permission ManageUsers = new("Core.ManageUsers", "Gestire utenti e ruoli");
    public static readonly Permission ManageSettings = new("Core.ManageSettings", "Modificare le impostazioni del portale");
    public static readonly Permission RunRecipes = new("Core.RunRecipes", "Eseguire le ricette di configurazione e importare i Comuni");
    public static readonly Permission ViewAudit = new("Core.ViewAudit", "Consultare il registro delle attività");

    public static IEnumerable<Permission> All => [AccessAdmin, ManageUsers, ManageSettings, RunRecipes, ViewAudit];
}
