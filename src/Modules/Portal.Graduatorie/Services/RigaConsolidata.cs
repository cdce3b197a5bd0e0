namespace Portal.Graduatorie.Services;

/// <summary>A row of a valid list with the Comune that sent it.</summary>
public sealed record RigaConsolidata(string ComuneIstat, string ComuneNome, Invio Invio, InvioRiga Riga);
