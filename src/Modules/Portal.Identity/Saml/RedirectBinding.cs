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
}
