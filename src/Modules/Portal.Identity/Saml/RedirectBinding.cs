using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Portal.Identity.Saml;

/// <summary>HTTP-Redirect binding (SAML bindings §3.4): DEFLATE, base64, URL-encode, signature over the query string.</summary>
public static class RedirectBinding
{
    public static string BuildUrl(string destination, string parameter, string xml, X509Certificate2 certificate, string? relayState = null)
    {
        var query = new StringBuilder();
        query.Append(parameter).Append('=').Append(Uri.EscapeDataString(Deflate(xml)));
        if (!string.IsNullOrEmpty(relayState)) query.Append("&RelayState=").Append(Uri.EscapeDataString(relayState));
        query.Append("&SigAlg=").Append(Uri.EscapeDataString(SamlNames.RsaSha256));
        using var rsa = certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException("The SP certificate has no RSA private key.");
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(query.ToString()), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        query.Append("&Signature=").Append(Uri.EscapeDataString(Convert.ToBase64String(signature)));
        return destination + (destination.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
    }

    public static string Deflate(string xml)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true))
            deflate.Write(Encoding.UTF8.GetBytes(xml));
        return Convert.ToBase64String(output.ToArray());
    }

    public static string Inflate(string base64)
    {
        using var input = new MemoryStream(Convert.FromBase64String(base64));
        using var deflate = new DeflateStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(deflate, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Checks the signature of a message received with this binding: over the raw (still URL-encoded)
    /// "SAMLRequest=..&amp;RelayState=..&amp;SigAlg=.." as sent, with one of the sender's certificates; SHA-256 or stronger.
    /// </summary>
    /// <returns>The decoded message, or null when the query is malformed, unsigned or signed by someone else.</returns>
    public static string? VerifiedMessage(string rawQuery, string parameter, IReadOnlyList<X509Certificate2> certificates)
    {
        var parts = rawQuery.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        string? Raw(string name) => parts.TryGetValue(name, out var v) && v.Count == 1 ? v[0][1] : null;
        var message = Raw(parameter);
        var sigAlg = Raw("SigAlg");
        var signature = Raw("Signature");
        if (message is null || sigAlg is null || signature is null || parts.TryGetValue("RelayState", out var rs) && rs.Count > 1) return null;
        var hash = Uri.UnescapeDataString(sigAlg) switch
        {
            SamlNames.RsaSha256 => HashAlgorithmName.SHA256,
            SamlNames.RsaSha384 => HashAlgorithmName.SHA384,
            SamlNames.RsaSha512 => HashAlgorithmName.SHA512,
            _ => (HashAlgorithmName?)null,
        };
        if (hash is null) return null;
        var signed = parameter + "=" + message + (Raw("RelayState") is { } relay ? "&RelayState=" + relay : "") + "&SigAlg=" + sigAlg;
        byte[] signatureBytes;
        try { signatureBytes = Convert.FromBase64String(Uri.UnescapeDataString(signature)); }
        catch (FormatException) { return null; }
        var data = Encoding.ASCII.GetBytes(signed);
        foreach (var certificate in certificates)
        {
            using var rsa = certificate.GetRSAPublicKey();
            if (rsa is not null && rsa.VerifyData(data, signatureBytes, hash.Value, RSASignaturePadding.Pkcs1))
            {
                try { return Inflate(Uri.UnescapeDataString(message)); }
                catch (Exception e) when (e is FormatException or InvalidDataException) { return null; }
            }
        }
        return null;
    }
}
