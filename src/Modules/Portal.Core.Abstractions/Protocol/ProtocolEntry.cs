namespace Portal.Core.Protocol;

/// <summary>One registration in the protocol register: unique and gapless per AOO and year.</summary>
public sealed class ProtocolEntry
{
    public long Id { get; set; }
    public required string Aoo { get; set; }
    public int Year { get; set; }
    public long Number { get; set; }
    public DateTime RegisteredUtc { get; set; }
    /// <summary>What was registered, e.g. "Graduatorie.Invio"; with <see cref="SubjectId"/> it makes registration idempotent.</summary>
    public required string SubjectType { get; set; }
    public required string SubjectId { get; set; }
    public string? Description { get; set; }

    /// <summary>"{AOO}-{anno}-{numero a 7 cifre}", e.g. ARM-2026-0000042.</summary>
    public string Segnatura => Format(Aoo, Year, Number);

    public static string Format(string aoo, int year, long number) => $"{aoo}-{year}-{number:D7}";
}

/// <summary>The counter row of a register (one per AOO and year); locked while a number is taken.</summary>
public sealed class ProtocolCounter
{
    public required string Aoo { get; set; }
    public int Year { get; set; }
    public long LastNumber { get; set; }
}
