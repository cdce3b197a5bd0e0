namespace Portal.Core.Security;

/// <summary>Kinds of scope a role assignment can be limited to.</summary>
public static class ScopeTypes
{
    public const string Comune = "Comune";
    public const string Cpi = "Cpi";
    public const string Ente = "Ente";
    public const string Servizio = "Servizio";
}
