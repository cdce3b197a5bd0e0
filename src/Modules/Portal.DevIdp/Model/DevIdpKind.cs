namespace Portal.DevIdp.Model;

/// <summary>One test IdP entity per kind of login the portal offers.</summary>
public sealed record DevIdpKind(string Key, string DisplayName, string Description)
{
    public static readonly IReadOnlyList<DevIdpKind> All =
    [
        new("spid", "SPID di prova", "gestore SPID di prova"),
        new("cie", "CIE di prova", "Carta d'Identità Elettronica di prova"),
        new("cohesion", "Cohesion di prova", "credenziali Cohesion di prova"),
    ];

    public static DevIdpKind? Find(string? key) => All.FirstOrDefault(k => string.Equals(k.Key, key, StringComparison.Ordinal));

    public string MetadataPath => $"/dev-idp/{Key}/metadata";
    public string SsoPath => $"/dev-idp/{Key}/sso";
    public string LoginPagePath => $"/dev-idp/{Key}/accesso";
}
