namespace Portal.Graduatorie.Model;

/// <summary>
/// The upload's status: a mirror of its workflow instance's state, written only by InvioSubject inside each firing.
/// Stored as text (no migration for a new value). <see cref="Caricato"/> is the instance's starting state, the one an
/// upload is inserted with before its first firing (in the same unit of work, so never seen committed).
/// </summary>
public enum StatoInvio
{
    Respinto,
    InAttesaDiConferma,
    Valido,
    Sostituito,
    Annullato,
    Caricato,
}
