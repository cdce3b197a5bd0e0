using Portal.Contents.Contracts;
using Portal.Core.Errors;
using Portal.Graduatorie.Validation;

namespace Portal.Graduatorie.Services;

/// <summary>
/// The windows of the Graduatorie service, read through Contents' <see cref="IFinestre"/>: the service's code (what
/// editors write as the Avviso's "Servizio") and the parameters it declares for its windows, typed.
/// </summary>
public sealed class FinestreGraduatorie(IFinestre finestre)
{
    public const string ServiceCode = "Graduatorie";

    /// <summary>The ISEE threshold of the window's students (W-checks of the validator); the validator's default when absent.</summary>
    public static readonly DecimalParameter SogliaIsee = new("sogliaIsee", "Soglia ISEE (euro)", ValidationSettings.DefaultSogliaIsee);

    /// <summary>How many students get a grant; needed to build the regional Graduatoria.</summary>
    public static readonly IntegerParameter NumeroBorse = new("numeroBorse", "Numero di borse di studio");

    public static readonly ServiceDeclaration Servizio = new(ServiceCode, [SogliaIsee, NumeroBorse]);

    public async Task<FinestraGraduatoria> GetAsync(Guid finestraId, CancellationToken ct)
    {
        var f = await finestre.OfServiceAsync(finestraId, Servizio, ct)
            ?? throw PortalException.NotFound("La finestra indicata non esiste o non riguarda l'invio delle graduatorie.");
        var soglia = f.Parameters.Get(SogliaIsee) is decimal s && s > 0 ? s : ValidationSettings.DefaultSogliaIsee;
        return new FinestraGraduatoria(f.Info, f.Avviso, soglia, f.Parameters.Get(NumeroBorse));
    }

    /// <summary>The published Avvisi of the Graduatorie service and their windows, for the operator's and the Funzionario's lists.</summary>
    public async Task<IReadOnlyList<AvvisoGraduatorie>> AvvisiAsync(CancellationToken ct)
    {
        var result = new List<AvvisoGraduatorie>();
        foreach (var avviso in await finestre.AvvisiOfServiceAsync(ServiceCode, ct))
        {
            var windows = await finestre.ForAvvisoAsync(avviso.Id, ct);
            result.Add(new AvvisoGraduatorie(avviso.Id, avviso.Title, avviso.Slug, windows.OrderByDescending(f => f.OpensAtUtc).ToList()));
        }
        return result;
    }
}

/// <summary>A window of an Avviso of the Graduatorie service, with the parameters the validator and the ranking need.</summary>
public sealed record FinestraGraduatoria(FinestraInfo Info, AvvisoInfo Avviso, decimal SogliaIsee, int? NumeroBorse)
{
    public string AvvisoTitle => Avviso.Title;
}
