namespace Portal.Bonus.Model;

/// <summary>A household member's relation to the applicant.</summary>
public enum RelazioneNucleo
{
    Coniuge,
    Figlio,
    Altro,
}
