using Portal.Graduatorie.Validation;

namespace Portal.Graduatorie.Model;

/// <summary>A validator finding kept with the upload (errors and warnings).</summary>
public sealed class InvioSegnalazione
{
    public long Id { get; set; }
    public Guid InvioId { get; set; }
    public required string Code { get; set; }
    public IssueSeverity Severity { get; set; }
    public int? Row { get; set; }
    public string? Column { get; set; }
    public string? Value { get; set; }
    public required string Message { get; set; }

    public static InvioSegnalazione From(Guid invioId, ValidationIssue i) => new()
    {
        InvioId = invioId, Code = i.Code, Severity = i.Severity, Row = i.Row, Column = i.Column,
        Value = i.Value is { Length: > 500 } v ? v[..500] : i.Value, Message = i.Message.Length > 1000 ? i.Message[..1000] : i.Message,
    };
}
