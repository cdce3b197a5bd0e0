namespace Portal.EndToEnd;

/// <summary>A test user of the SimpleSAMLphp IdP (scripts/lib/simplesamlphp.sh, authsources.php).</summary>
public sealed record IdpUser(string Username, string CodiceFiscale, string FullName)
{
    /// <summary>SSP_TEST_PASSWORD in scripts/lib/simplesamlphp.sh.</summary>
    public const string Password = "Prova.2026";

    public static readonly IdpUser MarioRossi = new("mario.rossi", "RSSMRA80A01H501U", "Mario Rossi");
    /// <summary>Cittadino and OperatoreComune of Ancona and Falconara in the demo recipe.</summary>
    public static readonly IdpUser LauraBianchi = new("laura.bianchi", "BNCLRA75C55A271Q", "Laura Bianchi");
    /// <summary>Not in the demo recipe: her first login creates her.</summary>
    public static readonly IdpUser ChiaraFerri = new("chiara.ferri", "FRRCHR92L54A271X", "Chiara Ferri");
}

/// <summary>
/// The SimpleSAMLphp IdP that scripts/test.sh starts before the end-to-end tests (by hand:
/// <c>eval "$(scripts/lib/simplesamlphp.sh start)"</c>). The portal trusts it as the Cohesion IdP and
/// as one SPID provider; the portal's SP metadata is dropped into the IdP's SP folder after the start.
/// </summary>
public sealed class SimpleSamlIdp
{
    public const string CohesionKey = "cohesion";
    public const string SpidKey = "spid-prova";
    public const string SpidDisplayName = "SPID di prova (SimpleSAMLphp)";

    public Uri BaseUrl { get; }
    public string MetadataUrl { get; }
    public string SpDirectory { get; }
    private string? _registeredFile;

    private SimpleSamlIdp(Uri baseUrl, string metadataUrl, string spDirectory)
    {
        BaseUrl = baseUrl;
        MetadataUrl = metadataUrl;
        SpDirectory = spDirectory;
    }

    /// <summary>The running IdP described by the PORTAL_SAML_IDP_* variables, or why there is none.</summary>
    public static SimpleSamlIdp? FromEnvironment(out string? missing)
    {
        var url = Environment.GetEnvironmentVariable("PORTAL_SAML_IDP_URL");
        var metadata = Environment.GetEnvironmentVariable("PORTAL_SAML_IDP_METADATA");
        var spDir = Environment.GetEnvironmentVariable("PORTAL_SAML_IDP_SP_DIR");
        if (string.IsNullOrEmpty(url) || string.IsNullOrEmpty(metadata) || string.IsNullOrEmpty(spDir) || !Directory.Exists(spDir))
        {
            missing = "IdP SimpleSAMLphp non avviato (PORTAL_SAML_IDP_URL, PORTAL_SAML_IDP_METADATA, PORTAL_SAML_IDP_SP_DIR): " +
                "scripts/test.sh lo avvia; a mano eseguire 'eval \"$(scripts/lib/simplesamlphp.sh start)\"' nella stessa shell di dotnet test.";
            return null;
        }
        missing = null;
        return new SimpleSamlIdp(new Uri(url), metadata, spDir);
    }

    /// <summary>Portal:Identity settings for a portal at <paramref name="portalBase"/>.</summary>
    public Dictionary<string, string?> PortalSettings(Uri portalBase) => new()
    {
        ["Portal:Identity:ServiceProvider:BaseUrl"] = portalBase.GetLeftPart(UriPartial.Authority),
        ["Portal:Identity:Providers:0:Key"] = CohesionKey,
        ["Portal:Identity:Providers:0:DisplayName"] = "Cohesion (SimpleSAMLphp)",
        ["Portal:Identity:Providers:0:Kind"] = "cohesion",
        ["Portal:Identity:Providers:0:Metadata"] = MetadataUrl,
        ["Portal:Identity:Providers:1:Key"] = SpidKey,
        ["Portal:Identity:Providers:1:DisplayName"] = SpidDisplayName,
        ["Portal:Identity:Providers:1:Kind"] = "spid",
        ["Portal:Identity:Providers:1:Metadata"] = MetadataUrl,
    };

    /// <summary>Gives the IdP the portal's SP metadata (entityID, ACS, SLO, certificate) as the portal serves it.</summary>
    public async Task RegisterAsync(Uri portalBase)
    {
        using var http = new HttpClient { BaseAddress = portalBase, Timeout = TimeSpan.FromSeconds(30) };
        var xml = await http.GetStringAsync("/saml2/metadata");
        _registeredFile = Path.Combine(SpDirectory, $"portale-{portalBase.Port}.xml");
        await File.WriteAllTextAsync(_registeredFile, xml);
    }

    public void Unregister()
    {
        if (_registeredFile is not null) File.Delete(_registeredFile);
        _registeredFile = null;
    }

    public bool Serves(string url) => url.StartsWith(BaseUrl.GetLeftPart(UriPartial.Authority) + "/", StringComparison.Ordinal);
}
