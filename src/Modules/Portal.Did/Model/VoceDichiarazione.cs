using System.Text.Json;

namespace Portal.Did.Model;

/// <summary>One declaration of the DID form (seed 002), with its wording as shown and as printed on the receipt.</summary>
public sealed record VoceDichiarazione(string Codice, string Testo, bool Obbligatoria);

/// <summary>A declaration as sent: its text at the time and whether the person ticked it.</summary>
public sealed record VoceDichiarata(string Codice, string Testo, bool Obbligatoria, bool Dichiarata);

/// <summary>The declarations of seed 002, in the seed's order and wording (the 5 days follow the setting).</summary>
public static class Dichiarazioni
{
    public const string NonAltroCpi = "nonAltroCpi";
    public const string StatoDisoccupazione = "statoDisoccupazione";
    public const string DisponibileLavoro = "disponibileLavoro";
    public const string DisponibileRicerca = "disponibileRicerca";
    public const string ImpegnoAppuntamento = "impegnoAppuntamento";
    public const string ImpegnoColloquio = "impegnoColloquio";
    public const string Consapevole = "consapevole";
    public const string DisabileOccupazione = "disabileOccupazione";
    public const string DisabileSostegno = "disabileSostegno";

    public const string AvvisoInps =
        "La D.I.D. non è sostitutiva della domanda richiedibile all'INPS per ricevere il sussidio di indennità di disoccupazione.";

    public static IReadOnlyList<VoceDichiarazione> Voci(int giorniAppuntamento) =>
    [
        new(NonAltroCpi, "di non aver presentato analoga dichiarazione dello stato di disoccupazione in altri Centri per l'Impiego", true),
        new(StatoDisoccupazione, "di essere in data odierna nello \"stato di disoccupazione\", cioè di essere privo di lavoro o di svolgere attività lavorativa che assicura un reddito annuale non superiore al reddito minimo personale escluso da imposizione (8.000,00 euro per i redditi da lavoro dipendente, 4.800,00 euro per i redditi da lavoro autonomo e 8.000,00 euro in caso di concorso di più tipologie lavorative)", true),
        new(DisponibileLavoro, "di essere immediatamente disponibile allo svolgimento ed alla ricerca di un'attività lavorativa", true),
        new(DisponibileRicerca, "di essere disponibile a concordare le modalità di ricerca attiva del lavoro con il Servizio per l'Impiego competente", true),
        new(ImpegnoAppuntamento, $"di impegnarsi a prendere appuntamento con i Servizi competenti entro {giorniAppuntamento} giorni dalla data della conferma della presente dichiarazione on line, per rendere attivo lo stato di disoccupazione", true),
        new(ImpegnoColloquio, "di impegnarsi a partecipare al \"primo colloquio\" con il Servizio per l'impiego presso cui è iscritto", true),
        new(Consapevole, "di essere consapevole che il diritto al riconoscimento dello stato di disoccupazione è subordinato alla fissazione e alla partecipazione al colloquio di cui ai punti precedenti, pena la decadenza, salvo giustificato motivo riconosciuto dal Servizio per l'impiego stesso, dello stato di disoccupazione", true),
        new(DisabileOccupazione, "di essere disponibile ad una occupazione conforme alle proprie capacità lavorative", false),
        new(DisabileSostegno, "di essere disponibile a concordare con i servizi di inserimento lavorativo, modalità che ne possano prevedere anche misure di sostegno e accompagnamento", false),
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(IReadOnlyList<VoceDichiarata> voci) => JsonSerializer.Serialize(voci, Json);

    public static IReadOnlyList<VoceDichiarata> Read(string json) => JsonSerializer.Deserialize<List<VoceDichiarata>>(json, Json) ?? [];
}
