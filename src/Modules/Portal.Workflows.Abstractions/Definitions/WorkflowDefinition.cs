using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Workflows.Definitions;

/// <summary>
/// A workflow definition as stored and shipped (JSON). Example:
/// <code>
/// { "code": "esempio", "name": "Richiesta di esempio", "subjectType": "Workflows.Richiesta", "initialState": "bozza",
///   "states": [ { "code": "bozza", "label": "Bozza" }, { "code": "chiusa", "label": "Chiusa", "terminal": true } ],
///   "transitions": [ { "code": "chiudi", "label": "Chiudi", "from": ["bozza"], "to": "chiusa",
///                      "allowed": ["proprietario", "Workflows.Manage", "sistema"], "guards": [], "tasks": ["notifica:richiesta-chiusa"],
///                      "on": "Finestra.Chiusa" } ],
///   "timers": [ { "state": "bozza", "transition": "chiudi", "days": 10 },
///               { "state": "bozza", "transition": "chiudi", "instant": "chiusuraFinestra" } ] }
/// </code>
/// </summary>
public sealed record WorkflowDefinition
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string SubjectType { get; init; } = "";
    public string InitialState { get; init; } = "";
    public List<StateDefinition> States { get; init; } = [];
    public List<TransitionDefinition> Transitions { get; init; } = [];
    public List<TimerDefinition> Timers { get; init; } = [];

    public StateDefinition? State(string code) => States.Find(s => s.Code == code);

    public TransitionDefinition? Transition(string code) => Transitions.Find(t => t.Code == code);

    public string StateLabel(string? code) => code is null ? "" : State(code)?.Label ?? code;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

public sealed record StateDefinition
{
    public string Code { get; init; } = "";
    public string Label { get; init; } = "";
    public bool Terminal { get; init; }
}

public sealed record TransitionDefinition
{
    public string Code { get; init; } = "";
    public string Label { get; init; } = "";
    public List<string> From { get; init; } = [];
    public string To { get; init; } = "";
    /// <summary>Who may fire: permission names, <see cref="Actors.Owner"/> and/or <see cref="Actors.System"/>.</summary>
    public List<string> Allowed { get; init; } = [];
    public List<string> Guards { get; init; } = [];
    public List<string> Tasks { get; init; } = [];
    /// <summary>An event (registered by a module) that fires this transition as "sistema".</summary>
    public string? On { get; init; }
}

/// <summary>Either a duration in the state (<see cref="Days"/>/<see cref="Hours"/>) or an instant the subject provides.</summary>
public sealed record TimerDefinition
{
    public string State { get; init; } = "";
    public string Transition { get; init; } = "";
    public int? Days { get; init; }
    public int? Hours { get; init; }
    public string? Instant { get; init; }

    [JsonIgnore]
    public bool IsDuration => Instant is null;

    public TimeSpan Duration => TimeSpan.FromDays(Days ?? 0) + TimeSpan.FromHours(Hours ?? 0);

    public string Describe() => Instant is not null ? $"all'istante «{Instant}» del soggetto" : DescribeDuration(Days ?? 0, Hours ?? 0);

    public static string DescribeDuration(int days, int hours)
    {
        var parts = new List<string>();
        if (days != 0) parts.Add(days == 1 ? "1 giorno" : $"{days} giorni");
        if (hours != 0) parts.Add(hours == 1 ? "1 ora" : $"{hours} ore");
        return "dopo " + (parts.Count == 0 ? "0 ore" : string.Join(" e ", parts));
    }
}

/// <summary>The special actors a transition may name besides permissions.</summary>
public static class Actors
{
    /// <summary>The owner of the subject (the person who started it, e.g. the citizen).</summary>
    public const string Owner = "proprietario";

    /// <summary>The engine itself: timers and events.</summary>
    public const string System = "sistema";
}
