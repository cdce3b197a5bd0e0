namespace Portal.Identity.Saml;

public static class SamlNames
{
    public const string Protocol = "urn:oasis:names:tc:SAML:2.0:protocol";
    public const string Assertion = "urn:oasis:names:tc:SAML:2.0:assertion";
    public const string Metadata = "urn:oasis:names:tc:SAML:2.0:metadata";
    public const string DSig = "http://www.w3.org/2000/09/xmldsig#";
    public const string EntityFormat = "urn:oasis:names:tc:SAML:2.0:nameid-format:entity";
    public const string TransientFormat = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";
    public const string Bearer = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
    public const string HttpPost = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    public const string HttpRedirect = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    public const string Success = "urn:oasis:names:tc:SAML:2.0:status:Success";
    public const string BasicAttrFormat = "urn:oasis:names:tc:SAML:2.0:attrname-format:basic";

    public const string RsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public const string RsaSha384 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384";
    public const string RsaSha512 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512";
    public const string Sha256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    public const string Sha384 = "http://www.w3.org/2001/04/xmldsig-more#sha384";
    public const string Sha512 = "http://www.w3.org/2001/04/xmlenc#sha512";
    public const string ExcC14n = "http://www.w3.org/2001/10/xml-exc-c14n#";
    public const string Enveloped = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

    public static string SpidLevel(int level) => $"https://www.spid.gov.it/SpidL{level}";

    /// <summary>The SPID level of an AuthnContextClassRef, or null when it is not one of the three SPID values.</summary>
    public static int? LevelOf(string? classRef) => classRef switch
    {
        "https://www.spid.gov.it/SpidL1" => 1,
        "https://www.spid.gov.it/SpidL2" => 2,
        "https://www.spid.gov.it/SpidL3" => 3,
        _ => null,
    };

    /// <summary>The attributes the SP asks for (AttributeConsumingService index 0).</summary>
    public static readonly IReadOnlyList<string> RequestedAttributes =
        ["fiscalNumber", "name", "familyName", "dateOfBirth", "placeOfBirth", "email", "mobilePhone"];
}
