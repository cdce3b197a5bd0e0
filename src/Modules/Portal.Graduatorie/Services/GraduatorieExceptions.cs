namespace Portal.Graduatorie.Services;

/// <summary>The Finestra, the Comune or the upload does not exist (or is not a Graduatorie window).</summary>
public sealed class GraduatorieNotFoundException(string message) : Exception(message);

/// <summary>The caller does not hold the Comune in scope (nor may see every Comune).</summary>
public sealed class GraduatorieForbiddenException(string message) : Exception(message);

/// <summary>The request cannot be honoured in the current state: window not open, upload no longer pending.</summary>
public sealed class GraduatorieConflictException(string message) : Exception(message);

/// <summary>A request field is missing or wrong; Field names it for the problem details.</summary>
public sealed class GraduatorieInputException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
