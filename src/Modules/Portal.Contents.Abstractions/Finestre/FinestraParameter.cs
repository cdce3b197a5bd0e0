namespace Portal.Contents.Contracts;

public enum FinestraParameterType
{
    /// <summary>An amount or a threshold, written the Italian way ("15.748,78") or with a point ("15748.78").</summary>
    Decimal,
    /// <summary>A whole number not below zero ("20").</summary>
    Integer,
    Text,
}

/// <summary>A parameter a service declares for its windows: name (the key editors write), type, Italian label.</summary>
public abstract record FinestraParameter(string Name, string Label)
{
    public abstract FinestraParameterType Type { get; }
}

public sealed record DecimalParameter(string Name, string Label, decimal? Default = null) : FinestraParameter(Name, Label)
{
    public override FinestraParameterType Type => FinestraParameterType.Decimal;
}

public sealed record IntegerParameter(string Name, string Label, int? Default = null) : FinestraParameter(Name, Label)
{
    public override FinestraParameterType Type => FinestraParameterType.Integer;
}

public sealed record TextParameter(string Name, string Label, string? Default = null) : FinestraParameter(Name, Label)
{
    public override FinestraParameterType Type => FinestraParameterType.Text;
}
