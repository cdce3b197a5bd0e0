namespace Portal.Contents.Contracts;

/// <summary>Where a window stands at an instant: before its opening, open, or closed.</summary>
public enum FinestraState
{
    Futura,
    Aperta,
    Chiusa,
}
