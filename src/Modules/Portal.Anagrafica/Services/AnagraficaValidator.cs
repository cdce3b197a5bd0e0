using System.Globalization;
using System.Text.RegularExpressions;
using Portal.Core.Time;
using Portal.Core.Validation;

namespace Portal.Anagrafica.Services;

/// <summary>Checks an <see cref="AnagraficaInput"/>; every message is Italian and keyed by the input's property name.</summary>
public sealed partial class AnagraficaValidator(AnagraficaLookups lookups, TimeProvider clock)
{
    public async Task<(ValidAnagrafica? Value, Dictionary<string, string> Errors)> ValidateAsync(AnagraficaInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var residenza = await AddressAsync(errors, "Residenza", "della residenza", input.ResidenzaVia, input.ResidenzaCivico, input.ResidenzaCap, input.ResidenzaComune, ct);
        var domicilio = input.DomicilioUgualeResidenza
            ? residenza
            : await AddressAsync(errors, "Domicilio", "del domicilio", input.DomicilioVia, input.DomicilioCivico, input.DomicilioCap, input.DomicilioComune, ct);

        var telefono = Phone(errors, nameof(AnagraficaInput.Telefono), input.Telefono, "telefono");
        var cellulare = Phone(errors, nameof(AnagraficaInput.Cellulare), input.Cellulare, "cellulare");
        var email = Trim(input.Email);
        if (email is null) errors[nameof(AnagraficaInput.Email)] = "Indicare l'indirizzo email.";
        else if (!EmailAddress.IsValid(email)) errors[nameof(AnagraficaInput.Email)] = "L'indirizzo email non è valido (esempio: nome@dominio.it).";
        var pec = Trim(input.Pec);
        if (pec is not null && !EmailAddress.IsValid(pec)) errors[nameof(AnagraficaInput.Pec)] = "L'indirizzo PEC non è valido (esempio: nome@pec.it).";

        var statoCivile = Coded(errors, nameof(AnagraficaInput.StatoCivile), input.StatoCivile, await lookups.TableAsync(AnagraficaLookups.StatoCivile, ct), "lo stato civile", required: false);
        var titoloStudio = Coded(errors, nameof(AnagraficaInput.TitoloStudio), input.TitoloStudio, await lookups.TableAsync(AnagraficaLookups.TitoloStudio, ct), "il titolo di studio", required: false);
        var cittadinanze = await lookups.CittadinanzeAsync(ct);
        var cittadinanza = Coded(errors, nameof(AnagraficaInput.Cittadinanza), input.Cittadinanza,
            cittadinanze.Select(c => new CodedValue(c.Code, c.Description)).ToList(), "la cittadinanza", required: true);

        string? permitType = null, permitNumber = null;
        DateOnly? permitExpiry = null;
        var needsPermit = cittadinanza is not null && cittadinanze.Any(c => c.Code == cittadinanza && !c.Ue);
        if (needsPermit)
        {
            permitType = Coded(errors, nameof(AnagraficaInput.TitoloSoggiornoTipo), input.TitoloSoggiornoTipo,
                await lookups.TableAsync(AnagraficaLookups.TitoloSoggiorno, ct), "il tipo di titolo di soggiorno", required: true,
                missing: "Per i cittadini non comunitari indicare il tipo di titolo di soggiorno.");
            permitNumber = Trim(input.TitoloSoggiornoNumero);
            if (permitNumber is null) errors[nameof(AnagraficaInput.TitoloSoggiornoNumero)] = "Per i cittadini non comunitari indicare il numero del titolo di soggiorno.";
            else if (permitNumber.Length > 30 || !PermitNumberPattern().IsMatch(permitNumber))
                errors[nameof(AnagraficaInput.TitoloSoggiornoNumero)] = "Il numero del titolo di soggiorno può contenere solo lettere e cifre (massimo 30).";
            permitExpiry = Expiry(errors, input.TitoloSoggiornoScadenza);
        }

        if (errors.Count > 0) return (null, errors);
        return (new ValidAnagrafica(residenza!, input.DomicilioUgualeResidenza, domicilio!, telefono, cellulare, email!, pec,
            statoCivile, cittadinanza!, permitType, permitNumber, permitExpiry, titoloStudio), errors);
    }

    private async Task<AddressValue?> AddressAsync(Dictionary<string, string> errors, string prefix, string of,
        string? via, string? civico, string? cap, string? comune, CancellationToken ct)
    {
        var start = errors.Count;
        via = Trim(via);
        civico = Trim(civico);
        cap = Trim(cap);
        if (via is null) errors[prefix + "Via"] = $"Indicare l'indirizzo {of}.";
        else if (via.Length > 200) errors[prefix + "Via"] = "L'indirizzo può avere al massimo 200 caratteri.";
        if (civico is null) errors[prefix + "Civico"] = $"Indicare il numero civico {of}.";
        else if (civico.Length > 20 || !CivicoPattern().IsMatch(civico)) errors[prefix + "Civico"] = "Il numero civico non è valido (esempi: 12, 12/A, 12 bis, SNC).";
        var istat = await ComuneAsync(errors, prefix + "Comune", comune, of, ct);
        if (cap is null) errors[prefix + "Cap"] = $"Indicare il CAP {of}.";
        else if (!CapPattern().IsMatch(cap)) errors[prefix + "Cap"] = "Il CAP deve essere di 5 cifre.";
        else if (istat is not null && await lookups.CapOfComuneAsync(istat, ct) is string known && !CapMatches(cap, known))
        {
            var name = await lookups.ComuneNameAsync(istat, ct);
            errors[prefix + "Cap"] = $"Il CAP {cap} non corrisponde al Comune di {name} (CAP {known}).";
        }
        return errors.Count > start ? null : new AddressValue(via, civico, cap, istat);
    }

    private async Task<string?> ComuneAsync(Dictionary<string, string> errors, string key, string? text, string of, CancellationToken ct)
    {
        text = Trim(text);
        if (text is null)
        {
            errors[key] = $"Scegliere il Comune {of}.";
            return null;
        }
        var code = LeadingCode(text);
        if (code is not null && IstatPattern().IsMatch(code))
        {
            if (await lookups.ComuneExistsAsync(code, ct)) return code;
            errors[key] = $"Il codice ISTAT {code} non corrisponde a nessun Comune.";
            return null;
        }
        if (NameAndProvince().Match(text) is { Success: true } named)
        {
            if (await lookups.ComuneNamedInAsync(named.Groups[1].Value.Trim(), named.Groups[2].Value, ct) is { } found) return found;
            errors[key] = $"Comune «{text}» non trovato: scriverne una parte e scegliere dall'elenco.";
            return null;
        }
        var matches = await lookups.ComuniNamedAsync(text, ct);
        if (matches.Count == 1) return matches[0];
        errors[key] = matches.Count == 0
            ? $"Comune «{text}» non trovato: scriverne una parte e scegliere dall'elenco."
            : $"Più Comuni si chiamano «{text}»: sceglierne uno dall'elenco (nome e provincia).";
        return null;
    }

    private static string? Coded(Dictionary<string, string> errors, string key, string? text, IReadOnlyList<CodedValue> values,
        string what, bool required, string? missing = null)
    {
        text = Trim(text);
        if (text is null)
        {
            if (required) errors[key] = missing ?? $"Indicare {what}.";
            return null;
        }
        var code = LeadingCode(text) ?? text;
        var match = values.FirstOrDefault(v => string.Equals(v.Code, code, StringComparison.OrdinalIgnoreCase))
            ?? values.FirstOrDefault(v => string.Equals(v.Description, text, StringComparison.OrdinalIgnoreCase));
        if (match is not null) return match.Code;
        errors[key] = $"Valore «{text}» non presente in elenco: scegliere {what} tra le voci proposte.";
        return null;
    }

    private static string? Phone(Dictionary<string, string> errors, string key, string? text, string what)
    {
        text = Trim(text);
        if (text is null) return null;
        var compact = text.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        if (!PhonePattern().IsMatch(compact))
        {
            errors[key] = $"Il numero di {what} non è valido: solo cifre (da 6 a 15), eventualmente con il prefisso internazionale (+39).";
            return null;
        }
        return compact;
    }

    private DateOnly? Expiry(Dictionary<string, string> errors, string? text)
    {
        const string key = nameof(AnagraficaInput.TitoloSoggiornoScadenza);
        text = Trim(text);
        if (text is null)
        {
            errors[key] = "Per i cittadini non comunitari indicare la data di scadenza del titolo di soggiorno.";
            return null;
        }
        if (!DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors[key] = "La data di scadenza non è valida (formato gg/mm/aaaa).";
            return null;
        }
        var today = DateOnly.FromDateTime(RomeTime.ToRome(clock.GetUtcNow().UtcDateTime));
        if (date < today)
        {
            errors[key] = $"Il titolo di soggiorno è scaduto il {date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}: indicare quello in corso di validità o la ricevuta di rinnovo.";
            return null;
        }
        return date;
    }

    /// <summary>"60121-60131", "60015" or "61121,61122".</summary>
    internal static bool CapMatches(string cap, string known)
    {
        var n = int.Parse(cap, CultureInfo.InvariantCulture);
        foreach (var part in known.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split('-', 2);
            if (!int.TryParse(range[0], CultureInfo.InvariantCulture, out var from)) continue;
            var to = range.Length == 2 && int.TryParse(range[1], CultureInfo.InvariantCulture, out var t) ? t : from;
            if (n >= from && n <= to) return true;
        }
        return false;
    }

    /// <summary>The code of a search-select text "CODE - DESCRIPTION"; null when the text has no separator.</summary>
    internal static string? LeadingCode(string text)
    {
        var i = text.IndexOf(" - ", StringComparison.Ordinal);
        if (i > 0) return text[..i].Trim();
        return IstatPattern().IsMatch(text) ? text : null;
    }

    internal static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    // [0-9], not \d: \d matches any Unicode digit (Arabic-Indic, fullwidth...), which int.Parse and the registers refuse.
    [GeneratedRegex(@"^[0-9]{5}$")] private static partial Regex CapPattern();
    [GeneratedRegex(@"^[0-9]{6}$")] private static partial Regex IstatPattern();
    /// <summary>"Ancona (AN)": the name and the sigla della provincia, as the list shows them.</summary>
    [GeneratedRegex(@"^(.+)\(([A-Za-z]{2})\)$")] private static partial Regex NameAndProvince();
    [GeneratedRegex(@"^\+?[0-9]{6,15}$")] private static partial Regex PhonePattern();
    [GeneratedRegex(@"^([0-9]{1,5}(\s?[/]?\s?[A-Za-z0-9]{1,4})?(\s?bis|\s?ter)?|SNC|snc)$")] private static partial Regex CivicoPattern();
    [GeneratedRegex(@"^[A-Za-z0-9]+$")] private static partial Regex PermitNumberPattern();
}
