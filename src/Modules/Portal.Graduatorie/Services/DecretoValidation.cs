using System.Globalization;
using Portal.Core.Errors;
using Portal.Core.Time;

namespace Portal.Graduatorie.Services;

/// <summary>The approval decree of a Graduatoria: a number (at most 50 characters) and a date between the window's closing and today.</summary>
public static class DecretoValidation
{
    /// <returns>The trimmed number and the date; a <see cref="PortalException"/> (Invalid) naming decretoNumero / decretoData otherwise.</returns>
    public static (string Numero, DateOnly Data) Validate(string? decretoNumero, string? decretoData, DateTime nowUtc, DateTime closesAtUtc)
    {
        var errors = new Dictionary<string, string>();
        var numero = decretoNumero?.Trim();
        if (string.IsNullOrEmpty(numero)) errors["decretoNumero"] = "Indicare il numero del decreto di approvazione.";
        else if (numero.Length > 50) errors["decretoNumero"] = "Il numero del decreto può avere al massimo 50 caratteri.";
        var today = DateOnly.FromDateTime(RomeTime.ToRome(nowUtc));
        var closed = DateOnly.FromDateTime(RomeTime.ToRome(closesAtUtc));
        DateOnly data = default;
        if (string.IsNullOrWhiteSpace(decretoData)) errors["decretoData"] = "Indicare la data del decreto.";
        else if (!DateOnly.TryParseExact(decretoData.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out data))
            errors["decretoData"] = $"«{decretoData}» non è una data valida: usare il formato gg/mm/aaaa.";
        else if (data > today) errors["decretoData"] = "La data del decreto non può essere futura.";
        else if (data < closed) errors["decretoData"] = $"La data del decreto non può precedere la chiusura della finestra ({closed:dd/MM/yyyy}).";
        if (errors.Count > 0) throw PortalException.Invalid(errors);
        return (numero!, data);
    }
}
