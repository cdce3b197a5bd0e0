using System.Globalization;
using Portal.Contents.Services;
using Portal.Core.Contracts;
using Portal.Graduatorie.Validation;

namespace Portal.Graduatorie.Services;

/// <summary>An Avviso of the Graduatorie service with its published windows (newest first).</summary>
public sealed record AvvisoGraduatorie(Guid Id, string Title, string? Slug, IReadOnlyList<FinestraInfo> Finestre);

/// <summary>A Finestra of an Avviso whose service is "Graduatorie", with the parameters the validator needs.</summary>
public sealed record FinestraGraduatoria(FinestraInfo Info, string AvvisoTitle, decimal SogliaIsee, int? NumeroBorse);

/// <summary>Reads the window (open/closed from IFinestre) and its "parametri" (sogliaIsee, numeroBorse) from the published content.</summary>
public sealed class FinestreGraduatorie(IFinestre finestre, ContentQueries contents)
{
    public const string Servizio = "Graduatorie";

    public async Task<FinestraGraduatoria> GetAsync(Guid finestraId, CancellationToken ct)
    {
        var info = await finestre.GetAsync(finestraId, ct);
        var avviso = info is null ? null : await contents.GetPublishedAsync(info.AvvisoId, ct);
        if (info is null || avviso is null || !string.Equals(avviso.Data.Servizio, Servizio, StringComparison.OrdinalIgnoreCase))
            throw new GraduatorieNotFoundException("La finestra indicata non esiste o non riguarda l'invio delle graduatorie.");
        var parametri = (await contents.GetPublishedAsync(finestraId, ct))?.Data.Parametri ?? [];
        var soglia = parametri.TryGetValue("sogliaIsee", out var s) && TryItalianDecimal(s, out var d) && d > 0 ? d : ValidationSettings.DefaultSogliaIsee;
        int? borse = parametri.TryGetValue("numeroBorse", out var n) && int.TryParse(n.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : null;
        return new FinestraGraduatoria(info, avviso.Version.Title, soglia, borse);
    }

    /// <summary>The published Avvisi of the Graduatorie service and their windows, for the operator's and the Funzionario's lists.</summary>
    public async Task<IReadOnlyList<AvvisoGraduatorie>> AvvisiAsync(CancellationToken ct)
    {
        var result = new List<AvvisoGraduatorie>();
        foreach (var avviso in await contents.ListPublishedAsync(Portal.Contents.Model.ContentTypes.Avviso, ct: ct))
        {
            if (!string.Equals(avviso.Data.Servizio, Servizio, StringComparison.OrdinalIgnoreCase)) continue;
            var windows = await finestre.ForAvvisoAsync(avviso.Item.Id, ct);
            result.Add(new AvvisoGraduatorie(avviso.Item.Id, avviso.Version.Title, avviso.Item.Slug, windows.OrderByDescending(f => f.OpensAtUtc).ToList()));
        }
        return result;
    }

    /// <summary>"15748,78", "15.748,78" or "15748.78".</summary>
    internal static bool TryItalianDecimal(string text, out decimal value)
    {
        var t = text.Trim().Replace(" ", "").Replace("€", "");
        if (t.Contains(',')) t = t.Replace(".", "").Replace(',', '.');
        return decimal.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}
