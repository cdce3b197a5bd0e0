namespace Portal.Core.Settings;

/// <summary>
/// The portal's public address (setting Portal:PublicBaseUrl), for links that leave the request: receipts' QR codes,
/// e-mails and messages. Required outside Development (the host refuses to start without it); in Development it
/// falls back to the address the server listens on.
/// </summary>
public interface IPublicAddress
{
    /// <summary>"https://servizi.regione.example.it", without the final slash.</summary>
    string BaseUrl { get; }

    /// <summary>The absolute address of a portal path ("/verifica/ABC" → "https://…/verifica/ABC").</summary>
    string Link(string path) => BaseUrl + (path.StartsWith('/') ? path : "/" + path);
}
