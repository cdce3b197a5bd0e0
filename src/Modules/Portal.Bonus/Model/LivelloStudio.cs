namespace Portal.Bonus.Model;

/// <summary>School level of a student child (art. 2).</summary>
public enum LivelloStudio
{
    /// <summary>Scuola primaria e secondaria di primo grado.</summary>
    PrimoCiclo,
    /// <summary>Scuola secondaria di secondo grado.</summary>
    SecondoCiclo,
    /// <summary>Istruzione e formazione professionale regionale.</summary>
    IeFP,
    Universita,
    Afam,
    Its,
    Ifts,
}
