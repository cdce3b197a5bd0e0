using Portal.Anagrafica.Services;

namespace Portal.Anagrafica.Apis;

public sealed record DatiAnagraficiDto(string CodiceFiscale, string Cognome, string Nome, string? Sesso, DateOnly? DataNascita,
    string? LuogoNascitaCodice, string? LuogoNascita);

public sealed record ProfiloDto(Guid PersonaId, bool Compilata, int Versione, DateTime? PrimoSalvataggio, DateTime? UltimoSalvataggio,
    DatiAnagraficiDto DatiAnagrafici, AnagraficaInput Modificabili)
{
    public static ProfiloDto From(Guid personId, AnagraficaView v) => new(personId, v.Compilata, v.Input.Versione, v.FirstSavedUtc, v.LastSavedUtc,
        new DatiAnagraficiDto(v.Fixed.CodiceFiscale, v.Fixed.Cognome, v.Fixed.Nome, v.Fixed.Sesso?.ToString(), v.Fixed.DataNascita,
            v.Fixed.LuogoNascitaCodice, v.Fixed.LuogoNascita),
        v.Input);
}

public sealed record ServizioDto(string Nome, string Indirizzo);

public sealed record AreaPersonaleDto(bool AnagraficaCompilata, DateTime? PrimoSalvataggio, DateTime? UltimoSalvataggio, IReadOnlyList<ServizioDto> Servizi);
