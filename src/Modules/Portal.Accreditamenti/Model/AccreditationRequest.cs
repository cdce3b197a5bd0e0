namespace Portal.Accreditamenti.Model;

public enum RequestState
{
    InAttesa,
    Approvata,
    Respinta,
    Revocata,
}

/// <summary>How an accreditation came to be: asked by the person, loaded by the bulk import (seed 000), or found already granted.</summary>
public static class RequestOrigins
{
    public const string Richiesta = "Richiesta";
    public const string Importazione = "Importazione";
    /// <summary>An OperatoreComune role granted before this module kept records (e.g. by a recipe), adopted so it can be revoked.</summary>
    public const string Preesistente = "Preesistente";
}

/// <summary>
/// A person's request to act as "Comune (per inserimento graduatorie Borse di studio)" for one Comune.
/// Approval creates the scoped OperatoreComune role assignment in Core; revocation ends it.
/// </summary>
public sealed class AccreditationRequest
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }
    public required string CodiceFiscale { get; set; }
    public required string ComuneIstat { get; set; }
    public string? Note { get; set; }
    public RequestState State { get; set; }
    public string Origin { get; set; } = RequestOrigins.Richiesta;
    public DateTime CreatedUtc { get; set; }
    public DateTime? DecidedUtc { get; set; }
    public string? DecidedBy { get; set; }
    /// <summary>Reason of the approval (optional) or of the rejection (mandatory).</summary>
    public string? DecisionReason { get; set; }
    /// <summary>The Core role assignment created on approval.</summary>
    public Guid? AssignmentId { get; set; }
    public DateTime? RevokedUtc { get; set; }
    public string? RevokedBy { get; set; }
    public string? RevokeReason { get; set; }

    public static string StateLabel(RequestState state) => state switch
    {
        RequestState.InAttesa => "In attesa",
        RequestState.Approvata => "Approvata",
        RequestState.Respinta => "Respinta",
        RequestState.Revocata => "Revocata",
        _ => state.ToString(),
    };
}
