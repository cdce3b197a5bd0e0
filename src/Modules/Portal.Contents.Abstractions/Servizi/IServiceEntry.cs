namespace Portal.Contents.Contracts;

/// <summary>
/// A service that takes applications (or uploads) in the windows of the Avvisi that open it, and where a person starts
/// one. Each service module implements it (one small class); the avviso page shows the service's button while a window
/// is open and links the service's page, so Portal.Contents knows no module.
/// </summary>
public interface IServiceEntry
{
    /// <summary>The code editors write as the Avviso's "Servizio" (compared case-insensitively).</summary>
    string ServiceCode { get; }

    /// <summary>The service's own page (e.g. "/bonus"), linked from the Avviso.</summary>
    string ServiceUrl { get; }

    /// <summary>What the service's page is, for the link ("Il servizio Bonus PC per la didattica").</summary>
    string ServiceName { get; }

    /// <summary>
    /// Where a person starts an application for this open window of the Avviso, with the button's text; null when the
    /// service takes nothing for it (e.g. no call of the service is tied to this Avviso).
    /// </summary>
    Task<ServiceStart?> StartAsync(AvvisoInfo avviso, FinestraInfo finestra, CancellationToken ct = default);
}

/// <param name="Label">The button's text, e.g. "Presenta domanda".</param>
/// <param name="Url">A page of the service (a GET: the person confirms there).</param>
/// <param name="Who">Who the button is for, when not every visitor (e.g. "per gli operatori dei Comuni").</param>
public sealed record ServiceStart(string Label, string Url, string? Who = null);
