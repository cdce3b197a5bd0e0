namespace Portal.Graduatorie.Model;

public enum StatoGraduatoria
{
    /// <summary>Built and rebuildable.</summary>
    Bozza,
    /// <summary>Approved with a decree: frozen.</summary>
    Approvata,
    /// <summary>Published as Graduatoria content.</summary>
    Pubblicata,
}
