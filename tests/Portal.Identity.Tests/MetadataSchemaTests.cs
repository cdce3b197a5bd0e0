using System.Xml;
using System.Xml.Schema;

namespace Portal.Identity.Tests;

/// <summary>/saml2/metadata against the OASIS SAML 2.0 metadata schema (with XML-DSig, XML-Enc and xml.xsd).</summary>
public class MetadataSchemaTests(SamlPortal portal) : IClassFixture<SamlPortal>
{
    /// <summary>Where Debian's simplesamlphp package (in scripts/test.sh's APT_PACKAGES) installs the OASIS and W3C XSDs.</summary>
    public const string SchemaDir = "/usr/share/simplesamlphp/schemas";

    /// <summary>Every schema the metadata schema imports, dependencies first.</summary>
    private static readonly string[] SchemaFiles =
        ["xml.xsd", "xmldsig-core-schema.xsd", "xenc-schema.xsd", "saml-schema-assertion-2.0.xsd", "saml-schema-metadata-2.0.xsd"];

    private const string SpidExtensions = "https://spid.gov.it/saml-extensions";

    private static readonly Lazy<XmlSchemaSet> Schemas = new(LoadSchemas);

    [Fact]
    public async Task The_sp_metadata_is_valid_against_the_OASIS_SAML_2_0_metadata_schema()
    {
        var xml = await portal.Client().GetStringAsync("/saml2/metadata");
        var problems = Validate(xml);
        Assert.True(problems.Count == 0, "Metadati SP non validi per saml-schema-metadata-2.0.xsd:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task The_spid_extensions_the_schema_leaves_unchecked_are_where_the_spid_rules_want_them()
    {
        var doc = new XmlDocument { XmlResolver = null };
        doc.LoadXml(await portal.Client().GetStringAsync("/saml2/metadata"));
        var ns = new XmlNamespaceManager(doc.NameTable);
        ns.AddNamespace("md", "urn:oasis:names:tc:SAML:2.0:metadata");
        ns.AddNamespace("spid", SpidExtensions);
        // Every SPID element sits in the Extensions of the ContactPerson of type "other", and only there.
        var all = doc.SelectNodes("//spid:*", ns)!.Cast<XmlElement>().ToList();
        var placed = doc.SelectNodes("/md:EntityDescriptor/md:ContactPerson[@contactType='other']/md:Extensions/spid:*", ns)!.Cast<XmlElement>().ToList();
        Assert.NotEmpty(all);
        Assert.Equal(all, placed);
        // A public administration's SP: spid:Public, empty.
        var isPublic = Assert.Single(placed, e => e.LocalName == "Public");
        Assert.Equal("", isPublic.InnerXml);
        Assert.All(placed, e => Assert.Contains(e.LocalName, new[] { "Public", "IPACode", "VATNumber", "FiscalCode" }));
    }

    [Theory]
    [InlineData("index", "AssertionConsumerService without its required index")]
    [InlineData("protocolSupportEnumeration", "SPSSODescriptor without protocolSupportEnumeration")]
    [InlineData("order", "KeyDescriptor moved after AssertionConsumerService")]
    public async Task The_schema_check_refuses_metadata_that_breaks_the_schema(string breakage, string what)
    {
        var doc = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        doc.LoadXml(await portal.Client().GetStringAsync("/saml2/metadata"));
        var ns = new XmlNamespaceManager(doc.NameTable);
        ns.AddNamespace("md", "urn:oasis:names:tc:SAML:2.0:metadata");
        var sso = (XmlElement)doc.SelectSingleNode("/md:EntityDescriptor/md:SPSSODescriptor", ns)!;
        var acs = (XmlElement)sso.SelectSingleNode("md:AssertionConsumerService", ns)!;
        switch (breakage)
        {
            case "index": acs.RemoveAttribute("index"); break;
            case "protocolSupportEnumeration": sso.RemoveAttribute("protocolSupportEnumeration"); break;
            default:
                var key = sso.SelectSingleNode("md:KeyDescriptor", ns)!;
                sso.InsertAfter(sso.RemoveChild(key), acs);
                break;
        }
        Assert.True(Validate(doc.OuterXml).Count > 0, $"Lo schema non ha rifiutato: {what}");
    }

    private static List<string> Validate(string xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Schemas.Value,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
        };
        // Warnings too: "no schema information for element X" would mean part of the document went unchecked.
        // The one exception: SPID's own elements inside md:Extensions (processContents="lax" in the OASIS
        // schema), whose XSD no Debian package ships; MetadataTests checks them.
        settings.ValidationEventHandler += (sender, e) =>
        {
            if (e.Severity == XmlSeverityType.Warning && sender is XmlReader { NamespaceURI: SpidExtensions }) return;
            problems.Add($"{e.Severity} riga {e.Exception?.LineNumber}, colonna {e.Exception?.LinePosition}: {e.Message}");
        };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read()) { }
        return problems;
    }

    private static XmlSchemaSet LoadSchemas()
    {
        var missing = SchemaFiles.Where(f => !File.Exists(Path.Combine(SchemaDir, f))).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException(
                $"Schemi XSD SAML 2.0 mancanti in {SchemaDir} ({string.Join(", ", missing)}): installare il pacchetto Debian " +
                "'simplesamlphp' (apt-get install --no-install-recommends simplesamlphp; scripts/test.sh lo fa).");
        // No resolver anywhere: imports are satisfied by the schemas added here, and the W3C schemas'
        // external DTD (XMLSchema.dtd on www.w3.org) is never fetched; their internal subsets are enough.
        var set = new XmlSchemaSet { XmlResolver = null };
        var readerSettings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = null };
        foreach (var file in SchemaFiles)
        {
            using var reader = XmlReader.Create(Path.Combine(SchemaDir, file), readerSettings);
            set.Add(null, reader);
        }
        set.Compile();
        return set;
    }
}
