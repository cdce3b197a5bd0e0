namespace Portal.Workflows.Definitions;

/// <summary>
/// A definition that cannot be used, with one Italian message per problem. Not a request error: the engine turns it into a
/// refused <see cref="Engine.WorkflowResult"/> (<see cref="Engine.WorkflowFailure.Definition"/>), the recipe step into a
/// RecipeException and the definition editor into its page message; Workflows has no API that could return it.
/// </summary>
public sealed class DefinitionException(IReadOnlyList<string> errors)
    : Exception("Definizione del flusso non valida: " + string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
