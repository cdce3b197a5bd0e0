namespace Portal.Did.Model;

/// <summary>The occupational state recorded in the Situazione Occupazionale source (the CPI archive).</summary>
public enum StatoOccupazionaleCpi
{
    Occupato,
    Disoccupato,
    Inoccupato,
}
