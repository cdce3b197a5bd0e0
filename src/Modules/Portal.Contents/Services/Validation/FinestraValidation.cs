using Portal.Contents.Model;
using Portal.Core.Text;
using static Portal.Contents.Services.Validation.ContentFields;

namespace Portal.Contents.Services.Validation;

/// <summary>A Finestra's own fields: opening before closing (Italian time), an optional budget in euro, the parameters.</summary>
internal static class FinestraValidation
{
    public static ContentData Validate(ContentInput input, Dictionary<string, string> errors)
    {
        var opens = RequiredUtc(input.OpensAt, "OpensAt", "Indicare data e ora di apertura.", errors);
        var closes = RequiredUtc(input.ClosesAt, "ClosesAt", "Indicare data e ora di chiusura.", errors);
        if (opens is not null && closes is not null && closes <= opens)
            errors["ClosesAt"] = "La chiusura deve essere successiva all'apertura.";
        decimal? budget = null;
        if (!string.IsNullOrWhiteSpace(input.Budget))
        {
            if (ItalianNumbers.TryParseEuro(input.Budget, out var b) && b >= 0) budget = b;
            else errors["Budget"] = $"Importo «{input.Budget}» non valido: scrivere ad esempio 1.234,56.";
        }
        var parametri = FinestraParametri.Parse(input.Parametri, errors);
        return new ContentData { OpensAtUtc = opens, ClosesAtUtc = closes, Budget = budget, Parametri = parametri };
    }
}
