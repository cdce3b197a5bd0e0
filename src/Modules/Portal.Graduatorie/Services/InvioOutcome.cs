using Portal.Graduatorie.Data;
using Portal.Graduatorie.Validation;

namespace Portal.Graduatorie.Services;

/// <summary>An upload as stored after its first firing, with the validator's findings.</summary>
public sealed record InvioOutcome(Invio Invio, IReadOnlyList<ValidationIssue> Issues);
