using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace Portal.Identity.Saml;

/// <summary>
/// Verifies the enveloped signature of one element with the IdP's metadata certificates only: strong algorithms,
/// one Reference whose URI is exactly the signed element's own ID, only the enveloped and exc-c14n transforms.
/// </summary>
public static class SignatureVerifier
{
    private static readonly HashSet<string> SignatureMethods = [SamlNames.RsaSha256, SamlNames.RsaSha384, SamlNames.RsaSha512];
    private static readonly HashSet<string> DigestMethods = [SamlNames.Sha256, SamlNames.Sha384, SamlNames.Sha512];
    private static readonly HashSet<string> Transforms = [SamlNames.Enveloped, SamlNames.ExcC14n];

    public static void Verify(XmlElement signed, XmlElement signature, IReadOnlyList<X509Certificate2> certificates, string what)
    {
        if (signature.ParentNode != signed) throw new SamlRejectedException($"Firma di {what} non figlia dell'elemento firmato.");
        var id = signed.GetAttribute("ID");
        if (string.IsNullOrEmpty(id)) throw new SamlRejectedException($"{what} firmato senza ID.");
        var xml = new SignedXml(signed.OwnerDocument);
        try { xml.LoadXml(signature); }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or XmlException)
        { throw new SamlRejectedException($"Firma di {what} malformata: {e.Message}"); }
        var info = xml.SignedInfo!;
        if (!SignatureMethods.Contains(info.SignatureMethod ?? ""))
            throw new SamlRejectedException($"Algoritmo di firma di {what} non ammesso: {info.SignatureMethod}.");
        if (info.CanonicalizationMethod != SamlNames.ExcC14n)
            throw new SamlRejectedException($"Canonicalizzazione di {what} non ammessa: {info.CanonicalizationMethod}.");
        if (info.References.Count != 1 || info.References[0] is not Reference reference)
            throw new SamlRejectedException($"La firma di {what} deve avere un solo Reference.");
        if (reference.Uri != "#" + id)
            throw new SamlRejectedException($"Il Reference della firma di {what} ({reference.Uri}) non punta all'elemento consumato (#{id}).");
        if (!DigestMethods.Contains(reference.DigestMethod ?? ""))
            throw new SamlRejectedException($"Algoritmo di digest di {what} non ammesso: {reference.DigestMethod}.");
        foreach (Transform t in reference.TransformChain)
            if (!Transforms.Contains(t.Algorithm ?? ""))
                throw new SamlRejectedException($"Trasformazione non ammessa nella firma di {what}: {t.Algorithm}.");
        foreach (var certificate in certificates)
        {
            using var key = certificate.GetRSAPublicKey();
            if (key is null) continue;
            try
            {
                if (xml.CheckSignature(key)) return;
            }
            catch (System.Security.Cryptography.CryptographicException e)
            {
                throw new SamlRejectedException($"Verifica della firma di {what} non riuscita: {e.Message}");
            }
        }
        throw new SamlRejectedException($"Firma di {what} non valida con i certificati dei metadati dell'IdP.");
    }
}
