using Portal.Contents.Contracts;

namespace Portal.Graduatorie.Services;

/// <summary>The Graduatorie service on the avviso page: the Comuni's operators send the list of the open window.</summary>
internal sealed class GraduatorieServiceEntry : IServiceEntry
{
    public string ServiceCode => FinestreGraduatorie.ServiceCode;
    public string ServiceUrl => "/invio-elenchi";
    public string ServiceName => "Invio elenchi borse di studio";

    public Task<ServiceStart?> StartAsync(AvvisoInfo avviso, FinestraInfo finestra, CancellationToken ct = default) =>
        Task.FromResult<ServiceStart?>(new ServiceStart("Invia l'elenco del Comune", $"/invio-elenchi/{finestra.Id}", "per gli operatori dei Comuni"));
}
