using System.Text.Json;

namespace Portal.Bonus.Services;

/// <summary>The JSON bodies of the sections (PUT /api/v1/bonus/domande/{id}/sezioni/{sezione}), as the form posts them too.</summary>
public sealed record RichiedenteInput(string? Ruolo, DateOnly? DataIngressoFiglio, bool? ConviveConFigli, string? Email, string? Telefono);

public sealed record ComponenteInput(string? CodiceFiscale, string? Nome, string? Cognome, string? Relazione);

public sealed record NucleoInput(List<ComponenteInput>? Componenti);

public sealed record FiglioInput(string? CodiceFiscale, string? Nome, string? Cognome, string? Livello, string? Istituto);

public sealed record FigliInput(List<FiglioInput>? Figli);

/// <param name="Valore">A number or Italian text ("12.345,67").</param>
public sealed record IseeInput(JsonElement? Valore, string? Tipo, string? ProtocolloDsu, DateOnly? DataRilascio);

public sealed record OccupazioneInput(string? Condizione);

public sealed record DispositivoInput(string? Dispositivo);

public sealed record DichiarazioniInput(List<string>? Accettate);
