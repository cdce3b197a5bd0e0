namespace Portal.Workflows.Definitions;

/// <summary>Describes in Italian what changed between two versions of a definition (shown in the version history).</summary>
public static class DefinitionChanges
{
    public static IReadOnlyList<string> Between(WorkflowDefinition? before, WorkflowDefinition after)
    {
        if (before is null) return ["Prima versione."];
        var changes = new List<string>();
        if (before.Name != after.Name) changes.Add($"Nome: «{before.Name}» → «{after.Name}».");
        if (before.SubjectType != after.SubjectType) changes.Add($"Tipo di soggetto: «{before.SubjectType}» → «{after.SubjectType}».");
        if (before.InitialState != after.InitialState) changes.Add($"Stato iniziale: «{before.InitialState}» → «{after.InitialState}».");

        foreach (var s in after.States)
        {
            var old = before.State(s.Code);
            if (old is null) changes.Add($"Nuovo stato «{s.Code}» ({s.Label}).");
            else
            {
                if (old.Label != s.Label) changes.Add($"Stato «{s.Code}»: etichetta «{old.Label}» → «{s.Label}».");
                if (old.Terminal != s.Terminal) changes.Add($"Stato «{s.Code}»: {(s.Terminal ? "ora finale" : "non più finale")}.");
            }
        }
        changes.AddRange(before.States.Where(s => after.State(s.Code) is null).Select(s => $"Stato «{s.Code}» rimosso."));

        foreach (var t in after.Transitions)
        {
            var old = before.Transition(t.Code);
            if (old is null) { changes.Add($"Nuova transizione «{t.Code}» ({t.Label})."); continue; }
            if (old.Label != t.Label) changes.Add($"Transizione «{t.Code}»: etichetta «{old.Label}» → «{t.Label}».");
            if (!old.From.SequenceEqual(t.From) || old.To != t.To)
                changes.Add($"Transizione «{t.Code}»: da {string.Join(", ", old.From)} a {old.To} → da {string.Join(", ", t.From)} a {t.To}.");
            if (!old.Allowed.SequenceEqual(t.Allowed))
                changes.Add($"Transizione «{t.Code}»: chi può eseguirla «{string.Join(", ", old.Allowed)}» → «{string.Join(", ", t.Allowed)}».");
            if (!old.Guards.SequenceEqual(t.Guards))
                changes.Add($"Transizione «{t.Code}»: condizioni «{string.Join(", ", old.Guards)}» → «{string.Join(", ", t.Guards)}».");
            if (!old.Tasks.SequenceEqual(t.Tasks))
                changes.Add($"Transizione «{t.Code}»: attività «{string.Join(", ", old.Tasks)}» → «{string.Join(", ", t.Tasks)}».");
            if (old.On != t.On) changes.Add($"Transizione «{t.Code}»: evento «{old.On}» → «{t.On}».");
        }
        changes.AddRange(before.Transitions.Where(t => after.Transition(t.Code) is null).Select(t => $"Transizione «{t.Code}» rimossa."));

        var oldTimers = before.Timers.ToList();
        foreach (var timer in after.Timers)
        {
            var match = oldTimers.FirstOrDefault(o => o.State == timer.State && o.Transition == timer.Transition);
            if (match is null) { changes.Add($"Nuovo timer nello stato «{timer.State}»: «{timer.Transition}» {timer.Describe()}."); continue; }
            oldTimers.Remove(match);
            if (match.Describe() != timer.Describe())
                changes.Add($"Timer dello stato «{timer.State}» («{timer.Transition}»): {match.Describe()} → {timer.Describe()}.");
        }
        changes.AddRange(oldTimers.Select(o => $"Timer dello stato «{o.State}» («{o.Transition}») rimosso."));
        return changes;
    }
}
