using Portal.Contents.Model;
using static Portal.Contents.Services.Validation.ContentFields;

namespace Portal.Contents.Services.Validation;

/// <summary>A service banner's own fields: gravity (informazione, attenzione, critico) and the period it is shown (Italian time).</summary>
internal static class AvvisoServizioValidation
{
    public static ContentData Validate(ContentInput input, Dictionary<string, string> errors)
    {
        var gravita = string.IsNullOrWhiteSpace(input.Gravita) ? Gravita.Attenzione : input.Gravita.Trim().ToLowerInvariant();
        if (!Gravita.All.Contains(gravita)) errors["Gravita"] = "Scegliere la gravità: informazione, attenzione o critico.";
        var from = RequiredUtc(input.From, "From", "Indicare da quando mostrare l'avviso.", errors);
        var to = RequiredUtc(input.To, "To", "Indicare fino a quando mostrare l'avviso.", errors);
        if (from is not null && to is not null && to <= from) errors["To"] = "La fine deve essere successiva all'inizio.";
        return new ContentData { Gravita = gravita, FromUtc = from, ToUtc = to };
    }
}
