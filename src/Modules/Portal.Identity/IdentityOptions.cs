namespace Portal.Identity;

/// <summary>Settings under <c>Portal:Identity</c>.</summary>
public sealed class IdentityOptions
{
    public const string Section = "Portal:Identity";

    public List<IdentityProviderOptions> Providers { get; set; } = [];
    public ServiceProviderOptions ServiceProvider { get; set; } = new();

    /// <summary>Tolerance on IssueInstant, NotBefore and NotOnOrAfter.</summary>
    public int ClockSkewSeconds { get; set; } = 90;

    /// <summary>How long a pending AuthnRequest can be answered.</summary>
    public int RequestLifetimeMinutes { get; set; } = 15;

    /// <summary>Refresh period of metadata read from a URL.</summary>
    public int MetadataRefreshMinutes { get; set; } = 60;

    /// <summary>Largest SAMLResponse accepted (decoded bytes).</summary>
    public int MaxResponseBytes { get; set; } = 256 * 1024;
}

public sealed class IdentityProviderOptions
{
    public string Key { get; set; } = "";
    public string DisplayName { get; set; } = "";
    /// <summary>spid, cie or cohesion.</summary>
    public string Kind { get; set; } = IdpKinds.Spid;
    /// <summary>Path of the metadata file, or an http(s) URL.</summary>
    public string Metadata { get; set; } = "";
}

public static class IdpKinds
{
    public const string Spid = "spid";
    public const string Cie = "cie";
    public const string Cohesion = "cohesion";
}

public sealed class ServiceProviderOptions
{
    public string EntityId { get; set; } = "";
    /// <summary>Public base URL of the portal, e.g. https://servizi.regione.it (no trailing slash).</summary>
    public string BaseUrl { get; set; } = "";
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
    public string? CertificatePemPath { get; set; }
    public string? PrivateKeyPemPath { get; set; }
    public string OrganizationName { get; set; } = "Regione";
    public string OrganizationDisplayName { get; set; } = "Portale dei servizi";
    public string OrganizationUrl { get; set; } = "https://www.regione.it";
    public string? IpaCode { get; set; }
    public string ContactEmail { get; set; } = "assistenza@regione.it";
    public string? ContactPhone { get; set; }

    public bool HasConfiguredCertificate =>
        !string.IsNullOrWhiteSpace(CertificatePath) || !string.IsNullOrWhiteSpace(CertificatePemPath);

    public string Base => BaseUrl.TrimEnd('/');
    public string AcsUrl => Base + "/saml2/acs";
    public string SloUrl => Base + "/saml2/slo";
    public string MetadataUrl => Base + "/saml2/metadata";
    public string ResolvedEntityId => string.IsNullOrWhiteSpace(EntityId) ? MetadataUrl : EntityId;
}
