using System.Xml;

namespace Portal.Identity.Saml;

/// <summary>Parses untrusted XML: no DTD, no external entities, bounded size, whitespace preserved for signatures.</summary>
public static class SafeXml
{
    public static XmlDocument Load(string xml, int maxChars)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxChars,
            MaxCharactersFromEntities = 0,
            IgnoreComments = false,
            IgnoreProcessingInstructions = true,
        };
        var doc = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        doc.Load(reader);
        return doc;
    }
}
