namespace Portal.DevIdp;

/// <summary>Settings under <c>Portal:DevIdp</c>: the test identity provider the portal hosts for itself in Development.</summary>
public sealed class DevIdpOptions
{
    public const string Section = "Portal:DevIdp";

    /// <summary>Serves the test IdP; only honoured when the environment is Development.</summary>
    public bool Enabled { get; set; }

    /// <summary>Public address of the IdP's endpoints; default <c>Portal:Identity:ServiceProvider:BaseUrl</c>, else the request's.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Where the IdP reads the service provider's metadata; default the SP's <c>{BaseUrl}/saml2/metadata</c>.</summary>
    public string? SpMetadataUrl { get; set; }

    /// <summary>How long a received AuthnRequest can be answered, and how long the assertion is valid.</summary>
    public int RequestLifetimeMinutes { get; set; } = 15;
    public int AssertionLifetimeMinutes { get; set; } = 5;
}
