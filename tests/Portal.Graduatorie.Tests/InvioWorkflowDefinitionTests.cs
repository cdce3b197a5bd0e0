using System.Reflection;
using System.Text.Json;
using Portal.Graduatorie.Workflow;
using Portal.Workflows.Definitions;

namespace Portal.Graduatorie.Tests;

/// <summary>
/// The shipped file Workflows/invio-elenco-borse.json decides the workflow's codes; <see cref="InvioWorkflow"/> only names them
/// for the C# code. Every constant must be a state/transition of the file and every state/transition of the file must have its
/// constant, so renaming one side alone fails here.
/// </summary>
public class InvioWorkflowDefinitionTests
{
    private static readonly ShippedWorkflowDefinition Shipped = new(typeof(GraduatorieModule).Assembly, InvioWorkflow.DefinitionFile);

    private static WorkflowDefinition Definition() =>
        JsonSerializer.Deserialize<WorkflowDefinition>(Shipped.ReadJson(), WorkflowDefinition.Json)!;

    private static SortedSet<string> Constants(Type type) =>
        new(type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!), StringComparer.Ordinal);

    [Fact]
    public void The_module_ships_the_definition_its_code_names()
    {
        var definition = Definition();
        Assert.Equal(InvioWorkflow.DefinitionCode, definition.Code);
        Assert.Equal(InvioWorkflow.States.Caricato, definition.InitialState);
    }

    [Fact]
    public void Every_state_constant_is_a_state_of_the_shipped_file_and_every_state_has_its_constant()
    {
        var inFile = new SortedSet<string>(Definition().States.Select(s => s.Code), StringComparer.Ordinal);
        Assert.Equal(inFile, Constants(typeof(InvioWorkflow.States)));
    }

    [Fact]
    public void Every_transition_constant_is_a_transition_of_the_shipped_file_and_every_transition_has_its_constant()
    {
        var inFile = new SortedSet<string>(Definition().Transitions.Select(t => t.Code), StringComparer.Ordinal);
        Assert.Equal(inFile, Constants(typeof(InvioWorkflow.Transitions)));
    }

    [Fact]
    public void Every_workflow_state_but_the_first_maps_to_the_invio_status()
    {
        foreach (var state in Definition().States.Where(s => s.Code != InvioWorkflow.States.Caricato))
            Assert.True(InvioWorkflow.StatoOf(state.Code) is not null, $"Lo stato «{state.Code}» non ha uno StatoInvio.");
    }
}
