using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Workflows.Data;
using Portal.Workflows.Definitions;

namespace Portal.Workflows.Tests;

public class DefinitionTests(WorkflowPortal portal) : IClassFixture<WorkflowPortal>
{
    [Fact]
    public async Task A_definition_naming_unknown_things_is_refused_with_a_message_naming_each_one()
    {
        var good = TestWorkflows.Pratica(TestWorkflows.Code("ignoti"));
        var bad = good with
        {
            Transitions =
            [
                good.Transitions[0] with { To = "spedita", Guards = ["finestraMagica"], Tasks = ["stampaPergamena", "notifica:"] },
                good.Transitions[1] with { Allowed = ["Bonus.Inesistente"] },
                good.Transitions[2],
                good.Transitions[3] with { On = "Cometa.Avvistata" },
            ],
            Timers = [new() { State = "inviata", Transition = "annulla", Days = 5 }, new() { State = "inviata", Transition = "scade", Instant = "luna" }],
        };

        var e = await Assert.ThrowsAsync<DefinitionException>(() => portal.SaveAsync(bad));

        Assert.Contains(e.Errors, m => m.Contains("«spedita», che non esiste", StringComparison.Ordinal));
        Assert.Contains(e.Errors, m => m.Contains("La condizione «finestraMagica»", StringComparison.Ordinal));
        Assert.Contains(e.Errors, m => m.Contains("L'attività «stampaPergamena»", StringComparison.Ordinal));
        Assert.Contains(e.Errors, m => m.Contains("L'attività «notifica:»", StringComparison.Ordinal) && m.Contains("modello", StringComparison.Ordinal));
        Assert.Contains(e.Errors, m => m.Contains("Il permesso «Bonus.Inesistente»", StringComparison.Ordinal));
        Assert.Contains(e.Errors, m => m.Contains("L'evento «Cometa.Avvistata»", StringComparison.Ordinal));
        Assert.Contains(e.Errors, m => m.Contains("«annulla», che non esiste", StringComparison.Ordinal));
        Assert.Contains(e.Errors, m => m.Contains("l'istante «luna»", StringComparison.Ordinal));
        // Nothing was stored.
        Assert.False(await portal.InScopeAsync(sp => sp.GetRequiredService<WorkflowsDbContext>().Definitions.AnyAsync(d => d.Code == bad.Code)));
    }

    [Fact]
    public async Task An_unknown_subject_type_or_initial_state_is_refused()
    {
        var definition = TestWorkflows.Pratica(TestWorkflows.Code("soggetto")) with { SubjectType = "Nessuno.Tipo", InitialState = "limbo" };
        var e = await Assert.ThrowsAsync<DefinitionException>(() => portal.SaveAsync(definition));
        Assert.Contains(e.Errors, m => m.Contains("«Nessuno.Tipo» non è registrato", StringComparison.Ordinal));
        Assert.Contains(e.Errors, m => m.Contains("Lo stato iniziale «limbo» non esiste", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Saving_a_changed_definition_adds_a_version_that_new_instances_use_while_running_ones_keep_theirs()
    {
        var code = TestWorkflows.Code("versioni");
        var first = await portal.StartAsync(TestWorkflows.Pratica(code, timerDays: 10));
        Assert.Equal(1, first.DefinitionVersion);

        var same = await portal.SaveAsync(TestWorkflows.Pratica(code, timerDays: 10));
        Assert.False(same.Created);
        var changed = await portal.SaveAsync(TestWorkflows.Pratica(code, timerDays: 15));
        Assert.True(changed.Created);
        Assert.Equal(2, changed.Stored.Version);
        Assert.Contains("dopo 10 giorni → dopo 15 giorni", changed.Stored.Changes, StringComparison.Ordinal);

        var second = await portal.StartAsync(TestWorkflows.Pratica(code, timerDays: 15));
        Assert.Equal(2, second.DefinitionVersion);
        var running = await portal.InScopeAsync(sp => sp.GetRequiredService<Engine.IWorkflowEngine>().GetAsync(first.Id));
        Assert.Equal(1, running!.DefinitionVersion);
    }
}
