using System.Text.RegularExpressions;
using Portal.Core.Security;
using Portal.Workflows.Engine;

namespace Portal.Workflows.Definitions;

/// <summary>The guards, tasks, events and subject types the composed modules registered, and the validation of definitions against them.</summary>
public sealed partial class WorkflowCatalog(
    IEnumerable<IWorkflowGuard> guards,
    IEnumerable<IWorkflowTask> tasks,
    IEnumerable<IWorkflowSubjectProvider> subjects,
    IEnumerable<WorkflowEventRegistration> events,
    PermissionRegistry permissions)
{
    public IReadOnlyList<IWorkflowGuard> Guards { get; } = guards.ToList();
    public IReadOnlyList<IWorkflowTask> Tasks { get; } = tasks.ToList();
    public IReadOnlyList<IWorkflowSubjectProvider> Subjects { get; } = subjects.ToList();
    public IReadOnlyList<WorkflowEventRegistration> Events { get; } = events.ToList();

    public IWorkflowGuard? Guard(string name) => Guards.FirstOrDefault(g => g.Name == name);

    public IWorkflowSubjectProvider? Subject(string subjectType) => Subjects.FirstOrDefault(s => s.SubjectType == subjectType);

    /// <summary>The task a definition names: exact names first, then prefixes ("notifica:" for "notifica:x").</summary>
    public (IWorkflowTask Task, string? Argument)? Task(string name)
    {
        var exact = Tasks.FirstOrDefault(t => !t.Name.EndsWith(':') && t.Name == name);
        if (exact is not null) return (exact, null);
        var prefixed = Tasks.FirstOrDefault(t => t.Name.EndsWith(':') && name.StartsWith(t.Name, StringComparison.Ordinal));
        return prefixed is null ? null : (prefixed, name[prefixed.Name.Length..]);
    }

    public bool IsKnownActor(string actor) => actor is Actors.Owner or Actors.System || permissions.Exists(actor);

    /// <summary>Every problem of the definition, in Italian, each naming what is wrong; empty when valid.</summary>
    public IReadOnlyList<string> Validate(WorkflowDefinition d)
    {
        var errors = new List<string>();
        if (!CodePattern().IsMatch(d.Code ?? ""))
            errors.Add($"Il codice del flusso «{d.Code}» non è valido: usare lettere minuscole, cifre e trattini.");
        if (string.IsNullOrWhiteSpace(d.Name)) errors.Add($"Il flusso «{d.Code}» non ha un nome.");
        var subject = Subject(d.SubjectType ?? "");
        if (subject is null) errors.Add($"Il tipo di soggetto «{d.SubjectType}» non è registrato da nessun modulo.");

        if (d.States.Count == 0) errors.Add("Il flusso non ha stati.");
        var states = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in d.States)
        {
            if (string.IsNullOrWhiteSpace(s.Code)) errors.Add("Uno stato non ha il codice.");
            else if (!states.Add(s.Code)) errors.Add($"Lo stato «{s.Code}» è definito due volte.");
            if (string.IsNullOrWhiteSpace(s.Label)) errors.Add($"Lo stato «{s.Code}» non ha un'etichetta.");
        }
        if (!states.Contains(d.InitialState ?? "")) errors.Add($"Lo stato iniziale «{d.InitialState}» non esiste.");

        var transitions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in d.Transitions)
        {
            if (string.IsNullOrWhiteSpace(t.Code)) { errors.Add("Una transizione non ha il codice."); continue; }
            if (!transitions.Add(t.Code)) errors.Add($"La transizione «{t.Code}» è definita due volte.");
            if (string.IsNullOrWhiteSpace(t.Label)) errors.Add($"La transizione «{t.Code}» non ha un'etichetta.");
            if (t.From.Count == 0) errors.Add($"La transizione «{t.Code}» non indica lo stato di partenza.");
            foreach (var from in t.From)
            {
                if (!states.Contains(from)) errors.Add($"La transizione «{t.Code}» parte dallo stato «{from}», che non esiste.");
                else if (d.State(from)!.Terminal) errors.Add($"La transizione «{t.Code}» parte dallo stato finale «{from}».");
            }
            if (!states.Contains(t.To ?? "")) errors.Add($"La transizione «{t.Code}» porta allo stato «{t.To}», che non esiste.");
            if (t.Allowed.Count == 0) errors.Add($"La transizione «{t.Code}» non indica chi può eseguirla.");
            foreach (var who in t.Allowed.Where(w => !IsKnownActor(w)))
                errors.Add($"Il permesso «{who}» indicato in «{t.Code}» non esiste (usare un permesso, «{Actors.Owner}» o «{Actors.System}»).");
            foreach (var g in t.Guards.Where(g => Guard(g) is null))
                errors.Add($"La condizione «{g}» indicata in «{t.Code}» non è registrata da nessun modulo.");
            foreach (var name in t.Tasks)
            {
                var task = Task(name);
                if (task is null) errors.Add($"L'attività «{name}» indicata in «{t.Code}» non è registrata da nessun modulo.");
                else if (task.Value.Task.ValidateArgument(task.Value.Argument) is { } problem) errors.Add($"L'attività «{name}» indicata in «{t.Code}»: {problem}");
            }
            if (t.On is not null)
            {
                if (Events.All(e => e.Name != t.On)) errors.Add($"L'evento «{t.On}» indicato in «{t.Code}» non è registrato da nessun modulo.");
                if (!t.Allowed.Contains(Actors.System)) errors.Add($"La transizione «{t.Code}» scatta con un evento: deve poter essere eseguita da «{Actors.System}».");
            }
        }

        foreach (var timer in d.Timers)
        {
            var where = $"Il timer dello stato «{timer.State}»";
            if (!states.Contains(timer.State ?? "")) errors.Add($"{where} si riferisce a uno stato che non esiste.");
            var t = d.Transition(timer.Transition ?? "");
            if (t is null) errors.Add($"{where} esegue la transizione «{timer.Transition}», che non esiste.");
            else
            {
                if (!t.From.Contains(timer.State ?? "")) errors.Add($"{where} esegue «{t.Code}», che non parte da quello stato.");
                if (!t.Allowed.Contains(Actors.System)) errors.Add($"{where} esegue «{t.Code}», che non può essere eseguita da «{Actors.System}».");
            }
            if (timer.Instant is not null)
            {
                if (timer.Days is not null || timer.Hours is not null) errors.Add($"{where} indica sia una durata sia un istante: sceglierne uno.");
                if (subject is not null && !subject.Instants.Contains(timer.Instant))
                    errors.Add($"{where} usa l'istante «{timer.Instant}», che il soggetto «{d.SubjectType}» non fornisce.");
            }
            else if ((timer.Days ?? 0) < 0 || (timer.Hours ?? 0) < 0 || timer.Duration <= TimeSpan.Zero)
                errors.Add($"{where} deve indicare una durata positiva in giorni e/o ore, oppure un istante.");
        }
        return errors;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,79}$")]
    private static partial Regex CodePattern();
}
