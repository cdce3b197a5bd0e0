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

/// <summary>Kinds of scope a role assignment can be limited to.</summary>
public static class ScopeTypes
{
    public const string Comune = "Comune";
    public const string Cpi = "Cpi";
    public const string Ente = "Ente";
    public const string Servizio = "Servizio";
}
