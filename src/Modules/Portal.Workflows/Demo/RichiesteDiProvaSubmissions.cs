using Portal.Core.Contracts;

namespace Portal.Workflows.Demo;

/// <summary>The demo requests in "Le mie pratiche".</summary>
internal sealed class RichiesteDiProvaSubmissions(RichiesteDiProvaService service) : ISubmissionSource
{
    public async Task<IReadOnlyList<Submission>> OfPersonAsync(Guid personId, CancellationToken ct = default) =>
        (await service.OfPersonAsync(personId, ct)).Select(r => new Submission(
            "Richiesta di prova", r.Richiesta.Oggetto, r.Instance?.StateLabel ?? "In preparazione",
            r.Richiesta.CreatedUtc, r.Instance?.UpdatedUtc, r.Receipt?.Segnatura, "/richieste-di-prova",
            r.Receipt is { } receipt ? $"/api/v1/ricevute/{receipt.Code}" : null)).ToList();
}
