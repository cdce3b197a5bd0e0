using Portal.Accreditamenti.Model;
using Portal.Accreditamenti.Services;

namespace Portal.Accreditamenti.Apis;

public sealed record NewRequestDto(IReadOnlyList<string>? Comuni, string? Note);

public sealed record ReasonDto(string? Motivo);

public sealed record RequestDto(
    Guid Id, string CodiceFiscale, string Comune, string? NomeComune, string? Note, string Stato, string Origine,
    DateTime RichiestaIl, DateTime? DecisaIl, string? DecisaDa, string? Motivo, DateTime? RevocataIl, string? RevocataDa, string? MotivoRevoca)
{
    public static RequestDto From(AccreditationRequest r, IReadOnlyDictionary<string, string> names) => new(
        r.Id, r.CodiceFiscale, r.ComuneIstat, names.GetValueOrDefault(r.ComuneIstat), r.Note, AccreditationRequest.StateLabel(r.State), r.Origin,
        r.CreatedUtc, r.DecidedUtc, r.DecidedBy, r.DecisionReason, r.RevokedUtc, r.RevokedBy, r.RevokeReason);
}

public sealed record EnteDto(string Codice, string Denominazione, string CodiceFiscale, string? Email, bool Attivo);

public sealed record CpiDto(string Codice, string Nome, string Provincia, bool Attivo);

public sealed record EnablementDto(
    Guid Id, string Nome, string Cognome, string CodiceFiscale, string? Email, string Ruolo, string? Ambito,
    DateTime AbilitatoIl, string? AbilitatoDa, string? RichiestoDa, string? Motivo, bool Attiva,
    DateTime? DisabilitatoIl, string? DisabilitatoDa, string? MotivoDisabilitazione)
{
    public static EnablementDto From(EnablementRow r) => new(r.AssignmentId, r.Nome, r.Cognome, r.CodiceFiscale, r.Email, r.Ruolo, r.Ambito,
        r.AbilitatoIl, r.AbilitatoDa, r.RichiestoDa, r.Motivo, r.Attiva, r.DisabilitatoIl, r.DisabilitatoDa, r.MotivoDisabilitazione);
}
