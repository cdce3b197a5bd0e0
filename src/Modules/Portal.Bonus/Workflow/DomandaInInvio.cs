using Portal.Contents.Contracts;

namespace Portal.Bonus.Workflow;

/// <summary>
/// Per request: the application <see cref="Services.DomandaInvio"/> is sending, as the sending makes it (sent instant,
/// window, household flag), with its call and window. The workflow describes the subject inside the sending transaction;
/// with this it needs no round trip for what the sending has just read (the click-day hot path).
/// </summary>
public sealed class DomandaInInvio
{
    internal (Domanda Domanda, Bando Bando, FinestraInfo? Finestra)? Current { get; set; }
}
