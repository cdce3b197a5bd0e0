using Portal.Core.Files;
using Portal.Core.Time;

namespace Portal.Bonus.Services;

/// <summary>Checks a Bando's rules before they are saved; the messages name the field, in Italian.</summary>
public static class BandoValidation
{
    public static readonly IReadOnlyList<string> Indicatori = ["isee", "numeroFigli", "numeroFigliStudenti", "condizioneOccupazionale"];
    public static readonly IReadOnlyList<string> TipiIsee = ["ordinario", "corrente"];
    public static readonly IReadOnlyList<FileKind> Formati = [FileTypeSniffer.Pdf, FileTypeSniffer.Tiff, FileTypeSniffer.Jpeg, FileTypeSniffer.Png];
    public const long DimensioneMassimaAmmessa = 20L * 1024 * 1024;

    public static Dictionary<string, string> Validate(string? codice, string? titolo, BandoRegole? r)
    {
        var e = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(codice) || codice.Length > 40 || !codice.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            e["codice"] = "Il codice è obbligatorio: lettere, cifre, «_» o «-», al massimo 40 caratteri (es. BONUS_DDI_2021).";
        if (string.IsNullOrWhiteSpace(titolo) || titolo.Length > 300) e["titolo"] = "Il titolo è obbligatorio (al massimo 300 caratteri).";
        if (r is null)
        {
            e["regole"] = "Le regole del bando sono obbligatorie.";
            return e;
        }
        // A list sent as null, or with a null item, is named here; the checks below read every item.
        if (!Complete(r, e)) return e;
        if (r.Dotazione <= 0) e["regole.dotazione"] = "La dotazione finanziaria deve essere maggiore di zero.";
        if (r.Fonti.Count == 0) e["regole.fonti"] = "Indicare almeno una fonte di finanziamento.";
        else if (r.Fonti.Sum(f => f.Percentuale) != 100m)
            e["regole.fonti"] = $"Le quote delle fonti di finanziamento devono sommare al 100 % (ora {r.Fonti.Sum(f => f.Percentuale).ToString("0.##", RomeTime.Italian)} %).";
        for (var i = 0; i < r.Fonti.Count; i++)
            if (string.IsNullOrWhiteSpace(r.Fonti[i].Codice) || string.IsNullOrWhiteSpace(r.Fonti[i].Descrizione) || r.Fonti[i].Percentuale <= 0)
                e[$"regole.fonti[{i}]"] = "Ogni fonte ha un codice, una descrizione e una quota maggiore di zero.";
        if (r.Importi.Count == 0) e["regole.importi"] = "Indicare almeno un tipo di dispositivo con il suo importo.";
        if (r.Importi.Select(x => x.Codice).Distinct(StringComparer.OrdinalIgnoreCase).Count() != r.Importi.Count)
            e["regole.importi"] = "Ogni tipo di dispositivo compare una sola volta.";
        for (var i = 0; i < r.Importi.Count; i++)
            if (string.IsNullOrWhiteSpace(r.Importi[i].Codice) || string.IsNullOrWhiteSpace(r.Importi[i].Descrizione) || r.Importi[i].Importo <= 0 || r.Importi[i].Importo > r.Dotazione)
                e[$"regole.importi[{i}]"] = "Ogni dispositivo ha un codice, una descrizione e un importo maggiore di zero e non superiore alla dotazione.";
        if (r.IseeMassimo < 0) e["regole.iseeMassimo"] = "Il limite ISEE non può essere negativo.";
        if (r.TipiIseeAmmessi.Count == 0 || r.TipiIseeAmmessi.Any(t => !TipiIsee.Contains(t)))
            e["regole.tipiIseeAmmessi"] = "Indicare i tipi di ISEE ammessi tra «ordinario» e «corrente».";
        if (r.LivelliStudioAmmessi.Count == 0 || r.LivelliStudioAmmessi.Any(l => !Enum.TryParse<LivelloStudio>(l, true, out _)))
            e["regole.livelliStudioAmmessi"] = $"Indicare i livelli di studio ammessi tra: {string.Join(", ", Enum.GetNames<LivelloStudio>())}.";
        if (r.MinimoFigliStudenti < 1) e["regole.minimoFigliStudenti"] = "Serve almeno un figlio studente.";
        if (r.Criteri.Count > 0)
        {
            if (r.Criteri.Sum(c => c.Peso) != 100m)
                e["regole.criteri"] = $"I pesi dei criteri devono sommare a 100 (ora {r.Criteri.Sum(c => c.Peso).ToString("0.##", RomeTime.Italian)}).";
            for (var i = 0; i < r.Criteri.Count; i++)
            {
                var c = r.Criteri[i];
                if (!Indicatori.Contains(c.Indicatore)) e[$"regole.criteri[{i}].indicatore"] = $"Indicatore sconosciuto: usare uno tra {string.Join(", ", Indicatori)}.";
                if (c.Peso <= 0) e[$"regole.criteri[{i}].peso"] = "Il peso deve essere maggiore di zero.";
                if (c.Fasce.Count == 0 || c.Fasce.Any(f => f.Punti < 0 || (f.Valore is null && f.Da is null && f.A is null) || (f.Da is { } da && f.A is { } a && da > a)))
                    e[$"regole.criteri[{i}].fasce"] = "Ogni criterio ha almeno una fascia: un intervallo (da ≤ a) o un valore, con punti non negativi.";
            }
        }
        if (r.Normalizzazione is not (NormalizzazioneCodici.MassimoGriglia or NormalizzazioneCodici.MassimoOttenuto))
            e["regole.normalizzazione"] = "La normalizzazione è «massimoGriglia» (punti divisi per il massimo della griglia) o «massimoOttenuto».";
        if (r.SogliaPunteggio is < 0 or > 100) e["regole.sogliaPunteggio"] = "La soglia di punteggio è tra 0 e 100.";
        if (!r.Allegati.Any(a => a.Codice == "isee")) e["regole.allegati"] = "Manca l'allegato «isee» (attestazione ISEE).";
        for (var i = 0; i < r.Allegati.Count; i++)
        {
            var a = r.Allegati[i];
            if (a.Formati.Count == 0 || a.Formati.Any(f => Formati.All(k => k.Code != f)))
                e[$"regole.allegati[{i}].formati"] = $"Formati ammessi: {string.Join(", ", Formati.Select(f => f.Code))}.";
            if (a.DimensioneMassima is <= 0 or > DimensioneMassimaAmmessa)
                e[$"regole.allegati[{i}].dimensioneMassima"] = "La dimensione massima è tra 1 byte e 20 MB.";
        }
        if (r.Dichiarazioni.Count == 0) e["regole.dichiarazioni"] = "Indicare almeno una dichiarazione (DPR 445/2000).";
        if (r.Dichiarazioni.Select(d => d.Codice).Distinct(StringComparer.Ordinal).Count() != r.Dichiarazioni.Count
            || r.Dichiarazioni.Any(d => string.IsNullOrWhiteSpace(d.Codice) || d.Codice.Contains(',') || string.IsNullOrWhiteSpace(d.Testo)))
            e["regole.dichiarazioni"] = "Ogni dichiarazione ha un codice (unico, senza virgole) e un testo.";
        if (r.GiorniIntegrazione < 0 || r.GiorniSaldo < 0 || r.GiorniGraduatoria < 0)
            e["regole.giorni"] = "I termini in giorni non possono essere negativi.";
        return e;
    }

    private static bool Complete(BandoRegole r, Dictionary<string, string> e)
    {
        var ok = Items(r.Fonti, "regole.fonti", "l'elenco delle fonti di finanziamento", "la fonte di finanziamento", e)
            & Items(r.Importi, "regole.importi", "l'elenco dei tipi di dispositivo con il loro importo", "il tipo di dispositivo", e)
            & Items(r.TipiIseeAmmessi, "regole.tipiIseeAmmessi", "l'elenco dei tipi di ISEE ammessi", "il tipo di ISEE", e)
            & Items(r.LivelliStudioAmmessi, "regole.livelliStudioAmmessi", "l'elenco dei livelli di studio ammessi", "il livello di studio", e)
            & Items(r.Criteri, "regole.criteri", "l'elenco dei criteri di punteggio (vuoto se il bando non ne ha)", "il criterio", e)
            & Items(r.Allegati, "regole.allegati", "l'elenco degli allegati richiesti", "l'allegato", e)
            & Items(r.Dichiarazioni, "regole.dichiarazioni", "l'elenco delle dichiarazioni", "la dichiarazione", e);
        for (var i = 0; i < (r.Criteri?.Count ?? 0); i++)
            if (r.Criteri![i] is { } c)
                ok &= Items(c.Fasce, $"regole.criteri[{i}].fasce", "l'elenco delle fasce del criterio", "la fascia", e);
        for (var i = 0; i < (r.Allegati?.Count ?? 0); i++)
            if (r.Allegati![i] is { } a)
                ok &= Items(a.Formati, $"regole.allegati[{i}].formati", "l'elenco dei formati ammessi per l'allegato", "il formato", e);
        return ok;
    }

    /// <summary>A list present (possibly empty, when the rule allows it) and without null items; false and the field errors otherwise.</summary>
    private static bool Items<T>(List<T>? list, string key, string what, string item, Dictionary<string, string> e)
    {
        if (list is null)
        {
            e[key] = $"Campo obbligatorio: indicare {what}.";
            return false;
        }
        var ok = true;
        for (var i = 0; i < list.Count; i++)
            if (list[i] is null)
            {
                e[$"{key}[{i}]"] = $"Campo obbligatorio: manca {item} n. {i + 1} (l'elemento è null): completarlo o toglierlo dall'elenco.";
                ok = false;
            }
        return ok;
    }

    public static FilePolicy PolicyOf(AllegatoRichiesto a) =>
        new(Formati.Where(k => a.Formati.Contains(k.Code)).ToList(), a.DimensioneMassima);
}
