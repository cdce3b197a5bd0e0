using System.Globalization;
using System.Text.RegularExpressions;
using Portal.Workflows.Definitions;

namespace Portal.Workflows.Pages.Admin.Workflows;

/// <summary>The parts of a definition an Amministratore edits without a release: labels, who may fire, notifications, timer durations.</summary>
public sealed class DefinitionEditInput
{
    public int Version { get; set; }
    public string? Name { get; set; }
    public List<string?> States { get; set; } = [];
    public List<TransitionEditInput> Transitions { get; set; } = [];
    public List<TimerEditInput> Timers { get; set; } = [];

    public static DefinitionEditInput From(WorkflowDefinition d, int version) => new()
    {
        Version = version,
        Name = d.Name,
        States = d.States.Select(s => (string?)s.Label).ToList(),
        Transitions = d.Transitions.Select(t => new TransitionEditInput
        {
            Label = t.Label,
            Allowed = string.Join(", ", t.Allowed),
            Notifiche = string.Join(", ", t.Tasks.Where(DefinitionEditor.IsNotification).Select(n => n[DefinitionEditor.NotificationPrefix.Length..])),
        }).ToList(),
        Timers = d.Timers.Select(t => new TimerEditInput
        {
            Days = t.Days?.ToString(CultureInfo.InvariantCulture),
            Hours = t.Hours?.ToString(CultureInfo.InvariantCulture),
        }).ToList(),
    };
}

public sealed class TransitionEditInput
{
    public string? Label { get; set; }
    /// <summary>Comma-separated: permissions, "proprietario", "sistema".</summary>
    public string? Allowed { get; set; }
    /// <summary>Comma-separated template codes, each becoming a "notifica:&lt;code&gt;" task.</summary>
    public string? Notifiche { get; set; }
}

public sealed class TimerEditInput
{
    // Text, not int: a wrong entry gets an Italian message rather than the model binder's English one.
    public string? Days { get; set; }
    public string? Hours { get; set; }
}

/// <summary>Applies an edit to a definition, collecting an Italian message per wrong field.</summary>
public static partial class DefinitionEditor
{
    public const string NotificationPrefix = "notifica:";

    public static bool IsNotification(string task) => task.StartsWith(NotificationPrefix, StringComparison.Ordinal);

    public static WorkflowDefinition Apply(WorkflowDefinition d, DefinitionEditInput input, WorkflowCatalog catalog, Dictionary<string, string> errors)
    {
        var name = Required(input.Name, "Input.Name", "il nome del flusso", 200, errors);
        var states = d.States.Select((s, i) => s with
        {
            Label = Required(input.States.ElementAtOrDefault(i), $"Input.States[{i}]", "l'etichetta dello stato", 120, errors),
        }).ToList();
        var transitions = d.Transitions.Select((t, i) =>
        {
            var edit = input.Transitions.ElementAtOrDefault(i) ?? new TransitionEditInput();
            var key = $"Input.Transitions[{i}]";
            var label = Required(edit.Label, key + ".Label", "l'etichetta della transizione", 120, errors);
            var allowed = Split(edit.Allowed);
            var unknown = allowed.Where(a => !catalog.IsKnownActor(a)).ToList();
            var needsSystem = t.On is not null || d.Timers.Any(x => x.Transition == t.Code);
            if (allowed.Count == 0) errors[key + ".Allowed"] = "Indicare chi può eseguire la transizione.";
            else if (unknown.Count > 0)
                errors[key + ".Allowed"] = $"«{unknown[0]}» non è un permesso esistente: indicare permessi, «{Actors.Owner}» o «{Actors.System}», separati da virgole.";
            else if (needsSystem && !allowed.Contains(Actors.System))
                errors[key + ".Allowed"] = $"Questa transizione scatta da una scadenza o da un evento: deve restare eseguibile da «{Actors.System}».";
            var templates = Split(edit.Notifiche);
            var badTemplate = templates.FirstOrDefault(x => !TemplatePattern().IsMatch(x));
            if (badTemplate is not null)
                errors[key + ".Notifiche"] = $"«{badTemplate}» non è un codice di modello valido: usare lettere minuscole, cifre e trattini, separati da virgole.";
            return t with
            {
                Label = label,
                Allowed = allowed,
                Tasks = [.. t.Tasks.Where(x => !IsNotification(x)), .. templates.Select(x => NotificationPrefix + x)],
            };
        }).ToList();
        var timers = d.Timers.Select((t, i) =>
        {
            if (!t.IsDuration) return t;
            var edit = input.Timers.ElementAtOrDefault(i) ?? new TimerEditInput();
            var key = $"Input.Timers[{i}]";
            var days = Number(edit.Days, key + ".Days", "I giorni", 3650, errors);
            var hours = Number(edit.Hours, key + ".Hours", "Le ore", 23, errors);
            if (!errors.ContainsKey(key + ".Days") && !errors.ContainsKey(key + ".Hours") && (days ?? 0) + (hours ?? 0) == 0)
                errors[key + ".Days"] = "Indicare una durata maggiore di zero (giorni e/o ore).";
            return t with { Days = days is 0 ? null : days, Hours = hours is 0 ? null : hours };
        }).ToList();
        return d with { Name = name, States = states, Transitions = transitions, Timers = timers };
    }

    private static string Required(string? value, string key, string what, int max, Dictionary<string, string> errors)
    {
        var v = value?.Trim() ?? "";
        if (v.Length == 0) errors[key] = $"Indicare {what}.";
        else if (v.Length > max) errors[key] = $"Al massimo {max} caratteri.";
        return v;
    }

    private static int? Number(string? value, string key, string what, int max, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > max)
        {
            errors[key] = $"{what} devono essere un numero intero da 0 a {max}.";
            return null;
        }
        return n;
    }

    private static List<string> Split(string? value) =>
        (value ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,79}$")]
    private static partial Regex TemplatePattern();
}
