namespace Portal.Workflows.Model;

/// <summary>
/// The subject of the demo workflow "richiesta-di-prova": a request a citizen sends, so the engine (protocol,
/// receipt, notifications, timers, guards) can be seen working before the service modules arrive.
/// </summary>
public sealed class RichiestaDiProva
{
    public const string SubjectType = "Workflows.RichiestaDiProva";

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }
    public required string Oggetto { get; set; }
    /// <summary>The applicant accepted the privacy notice (the demo's guarded transition needs it).</summary>
    public bool ConsensoPrivacy { get; set; }
    public DateTime CreatedUtc { get; set; }
}
