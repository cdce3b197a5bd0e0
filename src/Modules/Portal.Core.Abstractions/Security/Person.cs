namespace Portal.Core.Security;

/// <summary>A person known to the portal, identified by codice fiscale.</summary>
public sealed class Person
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string CodiceFiscale { get; set; }
    public required string Nome { get; set; }
    public required string Cognome { get; set; }
    public string? Email { get; set; }
    /// <summary>Listed on the development login page ("Accesso di prova").</summary>
    public bool IsDemo { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? LastLoginUtc { get; set; }
    public List<RoleAssignment> Assignments { get; set; } = [];

    public string FullName => $"{Nome} {Cognome}";
}

/// <summary>A role held by a person, optionally limited to a scope (a Comune, a CPI, an ente...).</summary>
public sealed class RoleAssignment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }
    public required string RoleName { get; set; }
    /// <summary>Kind of scope, see <see cref="ScopeTypes"/>; null for an unscoped role.</summary>
    public string? ScopeType { get; set; }
    public string? ScopeValue { get; set; }
    public DateTime GrantedUtc { get; set; }
    public string? GrantedBy { get; set; }
    public DateTime? RevokedUtc { get; set; }
    public string? Reason { get; set; }
}
