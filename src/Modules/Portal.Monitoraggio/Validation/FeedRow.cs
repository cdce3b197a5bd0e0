namespace Portal.Monitoraggio.Validation;

/// <summary>
/// A valid line of a feed as the validator has just read it, without a string per field: the field's UTF-8 bytes
/// (<see cref="Utf8"/>, for the database's binary COPY) and text (<see cref="Text"/>), and the parsed values, amounts
/// in euro cents. One instance is reused for every line: it is valid only while the callback that receives it runs;
/// <see cref="ToRecord"/> makes a lasting copy.
/// </summary>
public sealed class FeedRow
{
    internal const int FieldCount = 15;
    internal byte[] LineBytes = [];
    internal char[] LineChars = [];
    internal readonly int[] ByteStart = new int[FieldCount + 1];
    internal readonly int[] CharStart = new int[FieldCount + 1];

    public int Line { get; internal set; }
    public DateOnly DataRiferimento { get; internal set; }
    public DateOnly DataDomanda { get; internal set; }
    public long ImportoRichiesto { get; internal set; }
    /// <summary>The state's code (one of <see cref="FeedFormat.Stati"/>, the same string instance for every line).</summary>
    public string Stato { get; internal set; } = "";
    public DateOnly? DataDelibera { get; internal set; }
    public long? ImportoDeliberato { get; internal set; }
    public DateOnly? DataErogazione { get; internal set; }
    public long? ImportoErogato { get; internal set; }
    /// <summary>The sigla della provincia of COMUNE_ISTAT (from the validator's table of Comuni).</summary>
    public string SiglaProvincia { get; internal set; } = "";
    internal byte[] SiglaProvinciaUtf8 { get; set; } = [];
    /// <summary>The portal already holds a practice with this ID_PRATICA's hash (<see cref="FeedContext.HeldRanks"/>).</summary>
    public bool Held { get; internal set; }

    /// <summary>The UTF-8 bytes of field <paramref name="i"/> (0-based, in the layout's order).</summary>
    public ReadOnlySpan<byte> Utf8(int i) => LineBytes.AsSpan(ByteStart[i], ByteStart[i + 1] - ByteStart[i] - 1);

    public ReadOnlySpan<char> Text(int i) => LineChars.AsSpan(CharStart[i], CharStart[i + 1] - CharStart[i] - 1);

    private string Str(int i) => new(Text(i));

    public FeedRecord ToRecord() => new(Line, Str(0), DataRiferimento, Str(2), Str(3), Str(4), Str(5), Str(6), DataDomanda, ImportoRichiesto, Stato,
        DataDelibera, ImportoDeliberato, DataErogazione, ImportoErogato, Text(14).Length == 0 ? null : Str(14));
}
