namespace Portal.Core.Labels;

/// <summary>
/// The Italian words for the codes the portal stores: register actions, permissions and roles, as the modules declare
/// them. Pages show these, never the codes.
/// </summary>
public interface ILabels
{
    /// <summary>"CambioRuolo" → "Cambio di ruolo"; a code no module declares reads as words ("bonus.bando.ricetta" → "Bonus: bando ricetta").</summary>
    string Action(string code);

    /// <summary>"Workflows.Manage" → its description; an unknown name is returned as it is.</summary>
    string Permission(string name);

    /// <summary>"OperatoreCpi" → "Operatore del Centro per l'Impiego" (the role's name in the database).</summary>
    Task<string> RoleAsync(string? role, CancellationToken ct = default);

    /// <summary>A free text (an entry's details, a subject) with every whole code it quotes replaced by its words.</summary>
    Task<string?> DescribeAsync(string? text, CancellationToken ct = default);
}
