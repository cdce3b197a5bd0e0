using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Settings;

internal sealed class SiteSettings(CoreDbContext db, TimeProvider clock) : ISiteSettings
{
    private SiteSettingsValues? _cached;

    public const string PortalName = "PortalName";
    public const string RegionName = "RegionName";
    public const string PortalTagline = "PortalTagline";
    public const string RegionWebsite = "RegionWebsite";
    public const string RegionAddress = "RegionAddress";
    public const string RegionVatNumber = "RegionVatNumber";
    public const string LogoUrl = "LogoUrl";
    public const string HelpDeskEmail = "HelpDeskEmail";
    public const string HelpDeskPhone = "HelpDeskPhone";
    public const string HelpDeskHours = "HelpDeskHours";
    public const string AooCode = "AooCode";
    public const string RegionProvinces = "RegionProvinces";

    public async Task<SiteSettingsValues> GetAsync(CancellationToken ct = default)
    {
        if (_cached is not null) return _cached;
        var all = await db.Settings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        var d = new SiteSettingsValues();
        _cached = new SiteSettingsValues
        {
            PortalName = all.GetValueOrDefault(PortalName) ?? d.PortalName,
            RegionName = all.GetValueOrDefault(RegionName) ?? d.RegionName,
            PortalTagline = all.GetValueOrDefault(PortalTagline) ?? d.PortalTagline,
            RegionWebsite = all.GetValueOrDefault(RegionWebsite) ?? d.RegionWebsite,
            RegionAddress = all.GetValueOrDefault(RegionAddress) ?? d.RegionAddress,
            RegionVatNumber = all.GetValueOrDefault(RegionVatNumber) ?? d.RegionVatNumber,
            LogoUrl = all.GetValueOrDefault(LogoUrl) ?? d.LogoUrl,
            HelpDeskEmail = all.GetValueOrDefault(HelpDeskEmail) ?? d.HelpDeskEmail,
            HelpDeskPhone = all.GetValueOrDefault(HelpDeskPhone) ?? d.HelpDeskPhone,
            HelpDeskHours = all.GetValueOrDefault(HelpDeskHours) ?? d.HelpDeskHours,
            AooCode = all.GetValueOrDefault(AooCode) ?? d.AooCode,
            RegionProvinces = (all.GetValueOrDefault(RegionProvinces) ?? "")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => s.ToUpperInvariant()).ToList(),
        };
        return _cached;
    }

    public async Task SaveAsync(SiteSettingsValues v, string? by, CancellationToken ct = default)
    {
        var values = new Dictionary<string, string>
        {
            [PortalName] = v.PortalName,
            [RegionName] = v.RegionName,
            [PortalTagline] = v.PortalTagline,
            [RegionWebsite] = v.RegionWebsite,
            [RegionAddress] = v.RegionAddress,
            [RegionVatNumber] = v.RegionVatNumber,
            [LogoUrl] = v.LogoUrl,
            [HelpDeskEmail] = v.HelpDeskEmail,
            [HelpDeskPhone] = v.HelpDeskPhone,
            [HelpDeskHours] = v.HelpDeskHours,
            [AooCode] = v.AooCode,
            [RegionProvinces] = string.Join(',', v.RegionProvinces),
        };
        await SetManyAsync(values, by, ct);
        _cached = null;
    }

    internal async Task SetManyAsync(IReadOnlyDictionary<string, string> values, string? by, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (key, value) in values) await SettingUpsert.RunAsync(db, key, value, by, now, ct);
        _cached = null;
    }
}
