namespace Portal.Contents.Contracts;

/// <summary>
/// The declared parameters of one window, already typed. A parameter the editors left out, or wrote so that it does not
/// read as its type, has its declared default (and, when written wrongly, is listed in <see cref="Unreadable"/>).
/// </summary>
public sealed class FinestraParameters(IReadOnlyDictionary<string, object> values, IReadOnlyList<FinestraParameter> unreadable)
{
    public static readonly FinestraParameters None = new(new Dictionary<string, object>(), []);

    /// <summary>Declared parameters present with a value that is not of their type.</summary>
    public IReadOnlyList<FinestraParameter> Unreadable { get; } = unreadable;

    public decimal? Get(DecimalParameter p) => values.TryGetValue(p.Name, out var v) && v is decimal d ? d : p.Default;

    public int? Get(IntegerParameter p) => values.TryGetValue(p.Name, out var v) && v is int i ? i : p.Default;

    public string? Get(TextParameter p) => values.TryGetValue(p.Name, out var v) && v is string s ? s : p.Default;
}
