using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Portal.DevIdp.Model;

namespace Portal.DevIdp.Services;

/// <summary>The IdP's entity IDs and endpoint URLs, on the portal's own address.</summary>
public sealed class DevIdpAddresses(IOptions<DevIdpOptions> options, IConfiguration configuration)
{
    private const string SpBaseUrlKey = "Portal:Identity:ServiceProvider:BaseUrl";

    public string Base(HttpRequest? request)
    {
        var configured = options.Value.BaseUrl is { Length: > 0 } b ? b : configuration[SpBaseUrlKey];
        if (!string.IsNullOrWhiteSpace(configured)) return configured.TrimEnd('/');
        if (request is null) throw new InvalidOperationException($"L'IdP di prova richiede {SpBaseUrlKey} o Portal:DevIdp:BaseUrl.");
        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    public string EntityId(DevIdpKind kind, HttpRequest? request) => Base(request) + kind.MetadataPath;

    public string SsoUrl(DevIdpKind kind, HttpRequest? request) => Base(request) + kind.SsoPath;

    public Uri SpMetadataUrl(HttpRequest? request)
    {
        var text = options.Value.SpMetadataUrl is { Length: > 0 } u ? u : Base(request) + "/saml2/metadata";
        return new Uri(text, UriKind.Absolute);
    }
}
