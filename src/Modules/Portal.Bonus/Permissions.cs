using Portal.Core.Security;

namespace Portal.Bonus;

/// <summary>The Bonus module's permissions; the grants per role are in recipes/setup.recipe.json.</summary>
public static class BonusPermissions
{
    public static readonly Permission Apply = new("Bonus.Apply", "Presentare e seguire le proprie domande di contributo Bonus");
    public static readonly Permission ViewAll = new("Bonus.ViewAll", "Consultare tutte le domande di contributo Bonus");
    public static readonly Permission Cancel = new("Bonus.Cancel", "Annullare una domanda su richiesta del richiedente");
    public static readonly Permission ManageBandi = new("Bonus.ManageBandi", "Configurare i bandi Bonus: regole, importi, criteri, allegati, dichiarazioni");

    public static IEnumerable<Permission> All => [Apply, ViewAll, Cancel, ManageBandi];
}
