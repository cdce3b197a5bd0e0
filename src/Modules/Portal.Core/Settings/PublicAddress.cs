using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Portal.Core.Settings;

internal sealed class PublicAddress(IConfiguration configuration, IServiceProvider services) : IPublicAddress
{
    public const string Setting = "Portal:PublicBaseUrl";

    public string BaseUrl =>
        configuration[Setting] is { Length: > 0 } configured ? configured.TrimEnd('/') : ListeningAddress() ?? "http://localhost:5000";

    /// <summary>Development only (elsewhere the setting is required): where Kestrel really listens, e.g. http://127.0.0.1:5123.</summary>
    private string? ListeningAddress()
    {
        var addresses = (services.GetService(typeof(IServer)) as IServer)?.Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault(a => a.StartsWith("https://", StringComparison.Ordinal)) ?? addresses?.FirstOrDefault();
        return first?.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal).TrimEnd('/');
    }

    /// <summary>Outside Development links would point nowhere: the host refuses to start, saying what to set.</summary>
    public static void Require(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsProduction() && !environment.IsStaging()) return;
        var value = configuration[Setting];
        if (string.IsNullOrWhiteSpace(value))
            throw new InvalidOperationException(
                $"Manca l'indirizzo pubblico del portale: impostare {Setting} (variabile d'ambiente Portal__PublicBaseUrl), ad esempio " +
                "https://servizi.regione.example.it. Serve ai collegamenti delle ricevute, delle e-mail e dei messaggi; in ambiente " +
                $"{environment.EnvironmentName} è obbligatorio.");
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new InvalidOperationException($"{Setting} non è un indirizzo web valido: «{value}» (atteso ad esempio https://servizi.regione.example.it).");
    }
}
