using Portal.Core.Time;
using Portal.Did.Services;
using Portal.Did.Workflows;
using Portal.Workflows.Engine;

namespace Portal.Did.Apis;

public sealed record DidSummaryDto(Guid Id, DateTime InviataIl, string InviataIlTesto, string? Protocollo, string Stato, string StatoDescrizione,
    DateTime ScadenzaAppuntamento, string ScadenzaAppuntamentoTesto, DateTime? Colloquio, string? LuogoColloquio, bool RicevutaDisponibile, bool Dimostrativa)
{
    public static DidSummaryDto From(DidListItem d) => new(d.Id, d.InviataUtc, RomeTime.Format(d.InviataUtc), d.Protocollo, Code(d.Stato), d.StatoLabel,
        d.ScadenzaAppuntamentoUtc, RomeTime.Format(d.ScadenzaAppuntamentoUtc), d.AppuntamentoUtc, d.AppuntamentoLuogo, d.Ricevuta, d.Dimostrativa);

    public static string Code(StatoDid s) => s switch
    {
        StatoDid.ColloquioFissato => "colloquio-fissato",
        _ => s.ToString().ToLowerInvariant(),
    };
}

public sealed record CpiDidDto(Guid Id, string CodiceFiscale, string Cognome, string Nome, string Cpi, DateTime InviataIl, string? Protocollo,
    string Stato, string StatoDescrizione, DateTime ScadenzaAppuntamento, string ScadenzaAppuntamentoTesto, bool ScadenzaVicina, DateTime? Colloquio, string? LuogoColloquio)
{
    public static CpiDidDto From(DidListItem d, DateTime now) => new(d.Id, d.CodiceFiscale, d.Cognome, d.Nome, d.CpiCode, d.InviataUtc, d.Protocollo,
        DidSummaryDto.Code(d.Stato), d.StatoLabel, d.ScadenzaAppuntamentoUtc, RomeTime.Format(d.ScadenzaAppuntamentoUtc),
        d.Stato == StatoDid.Inviata && d.ScadenzaAppuntamentoUtc - now < TimeSpan.FromDays(2), d.AppuntamentoUtc, d.AppuntamentoLuogo);
}

public sealed record CpiPageDto(IReadOnlyList<CpiDidDto> Dichiarazioni, int Totale, int Pagina, int Pagine);

public sealed record VoceDto(string Codice, string Testo, bool Obbligatoria, bool Dichiarata);

public sealed record PassaggioDto(DateTime Il, string Descrizione, string? Da, string A, string Chi, string? Nota)
{
    public static PassaggioDto From(WorkflowHistoryView h) => new(h.Utc, h.Describe(), h.FromLabel, h.ToLabel, h.ActorName, h.Comment);
}

public sealed record DidDetailDto(DidSummaryDto Dichiarazione, string Cpi, IReadOnlyList<VoceDto> Dichiarazioni, string? GiustificatoMotivo,
    IReadOnlyList<PassaggioDto> Storia, string Avvertenza);

public sealed record SituazioneDto(string Stato, string Descrizione, DateOnly? Dal, string Fonte, string? Cpi, string? CpiNome, string? ComuneResidenza,
    bool PuoInviareDid, string? MotivoNonInviabile, IReadOnlyList<DidSummaryDto> Dichiarazioni)
{
    public static SituazioneDto From(SituazioneView s) => new(s.Stato, s.StatoLabel, s.Dal, s.Fonte, s.CpiCode, s.CpiNome,
        s.ComuneNome is null ? s.ComuneIstat : $"{s.ComuneNome} ({s.ComuneIstat})", s.PuoInviare, s.MotivoNonInviabile,
        s.Dichiarazioni.Select(DidSummaryDto.From).ToList());
}

public sealed record ColloquioRequest(string? DataOra, string? Luogo);

public sealed record EsitoRequest(string? Esito, string? Nota);

public sealed record GiustificatoMotivoRequest(string? Motivo, string? DataOra, string? Luogo);

public sealed record ImportDto(int Righe);

public sealed record SituazioneRequest(string? Cognome, string? Nome, string? Stato, string? Dal);

public sealed record SituazioneRowDto(string CodiceFiscale, string Cognome, string Nome, string Stato, DateOnly? Dal, string? Cpi, string? Fonte)
{
    public static SituazioneRowDto From(SituazioneOccupazionale s) =>
        new(s.CodiceFiscale, s.Cognome, s.Nome, s.Stato.ToString().ToLowerInvariant(), s.Dal, s.CpiCode, s.Note);
}
