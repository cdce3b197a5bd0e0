using System.Text.Json;
using Portal.Monitoraggio.Services;
using Portal.Monitoraggio.Validation;

namespace Portal.Monitoraggio.Apis;

public sealed record FlussoDto(
    Guid Id, string Ente, string File, string Sha256, long Dimensione, string Stato, string StatoDescrizione, string Canale, string Operatore,
    DateTime RicevutoUtc, DateTime? CompletatoUtc, int RigheElaborate, bool LetturaCompleta, int Errori, int Avvisi, string? DataRiferimento,
    string? Esito, IReadOnlyDictionary<string, int>? ConteggiPerRegola, string? Protocollo, string? Ricevuta, string Url, string ErroriUrl)
{
    public static FlussoDto From(Flusso f, FlussoRicevuta? r = null) => new(
        f.Id, f.EnteCode, f.FileName, f.Sha256, f.Length, f.Stato.ToString(), FlussoLabels.Stato(f.Stato), f.Canale, f.OperatorName,
        f.CreatedUtc, f.CompletedUtc, f.Righe, f.LetturaCompleta, f.Errori, f.Avvisi, f.DataRiferimento is { } d ? FeedValues.Date(d) : null,
        f.Esito, f.ConteggiRegole is null ? null : JsonSerializer.Deserialize<Dictionary<string, int>>(f.ConteggiRegole, JsonSerializerOptions.Web),
        r?.Segnatura, r?.ReceiptCode is not null ? FlussoQueries.ReceiptUrl(f.Id) : null,
        $"/api/v1/monitoraggio/flussi/{f.Id}", $"/api/v1/monitoraggio/flussi/{f.Id}/errori");
}

public sealed record ReportRowDto(string Chiave, int Pratiche, decimal Richiesto, decimal Deliberato, decimal Erogato)
{
    public static ReportRowDto From(ReportRow r) => new(r.Chiave, r.Pratiche, r.Richiesto / 100m, r.Deliberato / 100m, r.Erogato / 100m);
}

public sealed record ProgressPointDto(string DataRiferimento, int Pratiche, decimal Richiesto, decimal Deliberato, decimal Erogato)
{
    public static ProgressPointDto From(ProgressPoint p) => new(p.DataRiferimento.ToString("yyyy-MM-dd"), p.Pratiche, p.Richiesto / 100m, p.Deliberato / 100m, p.Erogato / 100m);
}

public sealed record TempiDto(double? GiorniMediDomandaDelibera, double? GiorniMediDomandaErogazione);

public sealed record EnteStatoDto(string Codice, string Denominazione, string? UltimoFlusso, int? Giorni, bool InRitardo);

public sealed record FormatoCampoDto(int Posizione, string Nome, string Contenuto, string Regola, string Esempio);

public sealed record FormatoRegolaDto(string Codice, string? Campo, string Descrizione, bool Avviso);

public sealed record FormatoDto(int Versione, string Intestazione, IReadOnlyList<FormatoCampoDto> Campi, IReadOnlyList<FormatoRegolaDto> Regole, IReadOnlyList<string> Stati);

public sealed record CredenzialeDto(Guid Id, string Ente, string Etichetta, string Prefisso, string CreataDa, DateTime CreataUtc,
    DateTime? UltimoUsoUtc, DateTime? RevocataUtc, string? RevocataDa, bool Attiva)
{
    public static CredenzialeDto From(CredenzialeApi c) =>
        new(c.Id, c.EnteCode, c.Etichetta, c.Prefisso, c.CreatedBy, c.CreatedUtc, c.LastUsedUtc, c.RevokedUtc, c.RevokedBy, c.Attiva);
}

/// <summary>The answer to an issue: the token is in this answer only; the portal keeps its hash.</summary>
public sealed record CredenzialeRilasciataDto(CredenzialeDto Credenziale, string Token, string Avvertenza);

public sealed record NuovaCredenzialeRequest(string? Ente, string? Etichetta);
