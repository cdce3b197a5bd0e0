namespace Portal.Accreditamenti.Model;

/// <summary>
/// Why and on whose request an OperatoreEnte, OperatoreCpi or Funzionario role was granted and later
/// withdrawn (seed 003). The role itself is Core's <c>RoleAssignment</c> (<see cref="AssignmentId"/>).
/// </summary>
public sealed class OperatorEnablement
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AssignmentId { get; set; }
    public Guid PersonId { get; set; }
    public required string CodiceFiscale { get; set; }
    public required string RoleName { get; set; }
    public string? ScopeType { get; set; }
    public string? ScopeValue { get; set; }
    /// <summary>Who asked: the ente, the CPI, the official's manager.</summary>
    public required string RequestedBy { get; set; }
    public DateTime EnabledUtc { get; set; }
    public required string EnabledBy { get; set; }
    public required string EnableReason { get; set; }
    public DateTime? DisabledUtc { get; set; }
    public string? DisabledBy { get; set; }
    public string? DisableReason { get; set; }
}
