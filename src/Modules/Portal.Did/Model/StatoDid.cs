namespace Portal.Did.Model;

/// <summary>The state of a DID, mirrored from its "did" workflow instance (the instance owns it).</summary>
public enum StatoDid
{
    Inviata,
    ColloquioFissato,
    Confermata,
    Decaduta,
    Revocata,
}
