namespace Portal.Core.Settings;

/// <summary>The portal's settings as the pages use them. Stored per site in the database.</summary>
public sealed record SiteSettingsValues
{
    public string PortalName { get; init; } = "Portale dei servizi";
    public string RegionName { get; init; } = "Regione Marche";
    /// <summary>Under the portal's name in the header, e.g. "Servizi on line per cittadini, enti e operatori".</summary>
    public string PortalTagline { get; init; } = "Servizi on line";
    /// <summary>The administration's own site, linked from the header; empty: not linked.</summary>
    public string RegionWebsite { get; init; } = "";
    /// <summary>The administration's address for the footer; empty: not shown.</summary>
    public string RegionAddress { get; init; } = "";
    /// <summary>The administration's partita IVA (or codice fiscale) for the footer; empty: not shown.</summary>
    public string RegionVatNumber { get; init; } = "";
    /// <summary>Address of the coat of arms or logo in the header; empty: the theme's neutral emblem.</summary>
    public string LogoUrl { get; init; } = "";
    public string HelpDeskEmail { get; init; } = "assistenza@example.invalid";
    public string HelpDeskPhone { get; init; } = "";
    public string HelpDeskHours { get; init; } = "";
    public string AooCode { get; init; } = "AOO";
    /// <summary>Province sigle of the region, e.g. AN, AP, FM, MC, PU.</summary>
    public IReadOnlyList<string> RegionProvinces { get; init; } = [];
}

public interface ISiteSettings
{
    Task<SiteSettingsValues> GetAsync(CancellationToken ct = default);
    Task SaveAsync(SiteSettingsValues values, string? by, CancellationToken ct = default);
}
