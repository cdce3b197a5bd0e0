using Portal.Bonus.Services;
using Portal.Bonus.Workflow;
using Portal.Contents.Contracts;
using Portal.Core.Time;

namespace Portal.Bonus.Apis;

public sealed record FinestraDto(Guid Id, string Nome, DateTime Apertura, DateTime Chiusura, string Stato, string Periodo)
{
    public static FinestraDto From(FinestraInfo f, DateTime nowUtc) =>
        new(f.Id, f.Nome, f.OpensAtUtc, f.ClosesAtUtc, FinestraInfo.Label(FinestraInfo.StateAt(f.OpensAtUtc, f.ClosesAtUtc, nowUtc)),
            $"dal {RomeTime.Format(f.OpensAtUtc)} al {RomeTime.Format(f.ClosesAtUtc)}");
}

public sealed record AvvisoDto(Guid Id, string Titolo, string? Url);

public sealed record BandoDto(Guid Id, string Codice, string Titolo, int Versione, AvvisoDto? Avviso, IReadOnlyList<FinestraDto> Finestre,
    BandoRegole Regole, DateTime AggiornatoIl, string? AggiornatoDa)
{
    public static BandoDto From(BandoConFinestre b, DateTime nowUtc) =>
        new(b.Bando.Id, b.Bando.Codice, b.Bando.Titolo, b.Bando.Versione,
            b.Avviso is null ? null : new AvvisoDto(b.Avviso.Id, b.Avviso.Title, b.Avviso.Url),
            b.Finestre.Select(f => FinestraDto.From(f, nowUtc)).ToList(), b.Bando.Regole, b.Bando.UpdatedUtc, b.Bando.UpdatedBy);
}

public sealed record BandoVersioneDto(int Versione, string Titolo, Guid? AvvisoId, string? Motivo, DateTime CreataIl, string? CreataDa, BandoRegole Regole)
{
    public static BandoVersioneDto From(BandoVersione v) => new(v.Versione, v.Titolo, v.AvvisoId, v.Motivo, v.CreatedUtc, v.CreatedBy, v.Regole);
}

/// <param name="Versione">The version the editor started from (optimistic concurrency).</param>
public sealed record BandoUpdateRequest(string? Titolo, Guid? AvvisoId, BandoRegole? Regole, string? Motivo, int Versione);

public sealed record NuovaDomandaRequest(Guid BandoId);

public sealed record MotivoRequest(string? Motivo);

public sealed record SezioneDto(string Codice, string Titolo, bool Salvata, string Stato);

public sealed record ComponenteDto(string CodiceFiscale, string Nome, string Cognome, string Relazione);

public sealed record FiglioDto(string CodiceFiscale, string Nome, string Cognome, string Livello, string Istituto);

public sealed record AllegatoDto(string Nome, long Dimensione, string Sha256, DateTime? CaricatoIl);

public sealed record DomandaSintesiDto(Guid Id, Guid BandoId, string Stato, string StatoTesto, DateTime CreataIl, DateTime? InviataIl)
{
    public static DomandaSintesiDto From(Domanda d) => new(d.Id, d.BandoId, d.Stato.ToString(), DomandaWorkflow.Label(d.Stato), d.CreatedUtc, d.InviataUtc);
}

public sealed record DomandaDto(
    Guid Id, Guid BandoId, int BandoVersione, string Stato, string StatoTesto, DateTime CreataIl, DateTime AggiornataIl,
    IReadOnlyList<SezioneDto> Sezioni,
    string CodiceFiscale, string Nome, string Cognome, string? ComuneResidenzaIstat, string? Email, string? Telefono,
    string? Ruolo, DateOnly? DataIngressoFiglio, bool ConviveConFigli,
    IReadOnlyList<ComponenteDto> Componenti, IReadOnlyList<FiglioDto> Figli,
    decimal? IseeValore, string? IseeTipo, string? IseeProtocolloDsu, DateOnly? IseeDataRilascio, AllegatoDto? AttestazioneIsee,
    string? Condizione, string? CondizioneFonte, string? Dispositivo, decimal? ImportoRichiesto, IReadOnlyList<string> Dichiarazioni,
    DateTime? InviataIl, Guid? FinestraId, string? Protocollo, DateTime? ProtocolloIl, bool RicevutaDisponibile, string? AvvisoNucleo,
    DateTime? AnnullamentoRichiestoIl, DateTime? AnnullataIl, string? AnnullamentoMotivo)
{
    public static DomandaDto From(Domanda d, string? protocollo = null, DateTime? protocolloIl = null, bool ricevuta = false) => new(
        d.Id, d.BandoId, d.BandoVersione, d.Stato.ToString(), DomandaWorkflow.Label(d.Stato), d.CreatedUtc, d.UpdatedUtc,
        DomandaLabels.Sezioni.Select(s => new SezioneDto(s.Codice, s.Titolo, d.Salvata(s.Sezione), d.Salvata(s.Sezione) ? "Salvata" : "Da compilare")).ToList(),
        d.CodiceFiscale, d.Nome, d.Cognome, d.ComuneResidenzaIstat, d.Email, d.Telefono,
        d.Ruolo?.ToString(), d.DataIngressoFiglio, d.ConviveConFigli,
        d.Componenti.Select(c => new ComponenteDto(c.CodiceFiscale, c.Nome, c.Cognome, c.Relazione.ToString())).ToList(),
        d.Figli.Select(f => new FiglioDto(f.CodiceFiscale, f.Nome, f.Cognome, f.Livello.ToString(), f.Istituto)).ToList(),
        d.IseeValore, d.IseeTipo is { } t ? DomandaLabels.Isee(t) : null, d.IseeProtocolloDsu, d.IseeDataRilascio,
        d.IseeFileName is null ? null : new AllegatoDto(d.IseeFileName, d.IseeFileLength ?? 0, d.IseeFileSha256 ?? "", d.IseeCaricatoUtc),
        d.Condizione?.ToString(), d.CondizioneFonte, d.Dispositivo, d.ImportoRichiesto, d.DichiarazioniAccettate.ToList(),
        d.InviataUtc, d.FinestraId, protocollo, protocolloIl, ricevuta,
        d.NucleoGiaRichiedente ? DomandaInvio.AvvisoNucleoTesto : null,
        d.AnnullamentoRichiestoUtc, d.AnnullataUtc, d.AnnullamentoMotivo);
}

/// <param name="Protocollo">Null right after sending: the number follows in confirmation order within seconds.</param>
public sealed record InvioDto(Guid Id, string Stato, string StatoTesto, DateTime InviataIl, string InviataIlTesto, bool GiaInviata,
    string? Protocollo, string? AvvisoNucleo);

public sealed record DomandaIstruttoriaDto(Guid Id, Guid BandoId, string CodiceFiscale, string Nome, string Cognome, string Stato,
    DateTime? InviataIl, bool NucleoGiaRichiedente, string? NucleoSegnalazione, DateTime? AnnullamentoRichiestoIl, string? AnnullamentoMotivoRichiesta)
{
    public static DomandaIstruttoriaDto From(Domanda d) => new(d.Id, d.BandoId, d.CodiceFiscale, d.Nome, d.Cognome, d.Stato.ToString(),
        d.InviataUtc, d.NucleoGiaRichiedente, d.NucleoSegnalazione, d.AnnullamentoRichiestoUtc, d.AnnullamentoMotivoRichiesta);
}
