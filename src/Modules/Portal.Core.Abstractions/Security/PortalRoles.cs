namespace Portal.Core.Security;

/// <summary>The roles of overview.md. They are data (seeded by the setup recipe); these are their names.</summary>
public static class PortalRoles
{
    public const string Cittadino = "Cittadino";
    public const string OperatoreComune = "OperatoreComune";
    public const string OperatoreCpi = "OperatoreCpi";
    public const string OperatoreEnte = "OperatoreEnte";
    public const string Funzionario = "Funzionario";
    public const string Editor = "Editor";
    public const string Amministratore = "Amministratore";
}
