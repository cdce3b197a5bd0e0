using System.Globalization;
using Portal.Core.Validation;
using Portal.Graduatorie.Validation.Xlsx;
using static Portal.Graduatorie.Validation.ElencoTemplate;

namespace Portal.Graduatorie.Validation;

/// <summary>
/// Checks an uploaded "Elenco" workbook against graduatorie.md: file rules F01–F04 stop at the first
/// failure; row rules R01–R09 and warnings W01–W04 are all reported, each naming row, column and value.
/// Whatever the file holds, the outcome is a result: a hostile or broken workbook is an F01 or F04 finding.
/// </summary>
public static class ElencoValidator
{
    private static readonly CultureInfo Italian = CultureInfo.GetCultureInfo("it-IT");

    public static async Task<ValidationResult> ValidateAsync(Stream file, ValidationSettings settings, CancellationToken ct = default)
    {
        var result = new ValidationResult();
        if (file.Length > ValidationSettings.MaxFileBytes)
        {
            result.Issues.Add(ValidationIssue.File("F04",
                $"Il file supera la dimensione massima di 10 MB ({file.Length / (1024.0 * 1024):0.0} MB): dividere l'elenco o rimuovere formattazioni e immagini."));
            return result;
        }
        using var workbook = XlsxWorkbook.TryOpen(file, out var refusal);
        if (workbook is null) return Refused(result, refusal!);
        try
        {
            if (!CheckTemplate(workbook, result) || !CheckRows(workbook, settings, result)) return result;
        }
        catch (XlsxRefusedException e)
        {
            // A broken or hostile sheet, or one past the reading limits: the whole file is refused, as at opening.
            return Refused(result, e.Refusal);
        }
        if (result.Rows.Count == 0)
        {
            result.Issues.Add(ValidationIssue.File("F03", "Il file non contiene righe di dati: compilare il foglio \"Elenco\" a partire dalla riga 2."));
            return result;
        }
        CheckDuplicates(result);
        await CheckOtherComuniAsync(result, settings, ct);
        result.Issues.Sort((a, b) => (a.Row ?? 0).CompareTo(b.Row ?? 0));
        return result;
    }

    private static ValidationResult Refused(ValidationResult result, XlsxRefusal refusal)
    {
        result.Issues.Clear();
        result.Rows.Clear();
        result.Issues.Add(ValidationIssue.File(refusal.Code, refusal.Message));
        return result;
    }

    /// <summary>R01–R08 and W01, W03, W04 on every data row; false (with F04) past the data-row limit.</summary>
    private static bool CheckRows(XlsxWorkbook workbook, ValidationSettings settings, ValidationResult result)
    {
        var sheet = workbook.FindSheet(DataSheet)!;
        foreach (var row in workbook.ReadRows(sheet, Headers.Count).Where(r => r.Number > 1 && !r.IsBlank))
        {
            if (result.Rows.Count == ValidationSettings.MaxDataRows)
            {
                Refused(result, new XlsxRefusal("F04",
                    $"Il file contiene più di {ValidationSettings.MaxDataRows.ToString("N0", Italian)} righe di dati: il limite è superato."));
                return false;
            }
            result.Rows.Add(CheckRow(row, workbook, settings, result.Issues));
        }
        return true;
    }

    private static bool CheckTemplate(XlsxWorkbook workbook, ValidationResult result)
    {
        const string outdated = "Il file non corrisponde al modello aggiornato: scaricare il modello dalla sezione 1";
        var sheet = workbook.FindSheet(DataSheet);
        if (sheet is null)
        {
            result.Issues.Add(ValidationIssue.File("F02", $"{outdated} (manca il foglio \"{DataSheet}\")."));
            return false;
        }
        if (workbook.FindSheet(VersionSheet) is { } versionSheet)
        {
            var version = workbook.ReadRows(versionSheet, 2).FirstOrDefault(r => !r.IsBlank) is { } first
                ? CellParsing.Text(first[0].IsBlank ? first[1] : first[0]) : "";
            result.TemplateVersion = version;
            if (!string.Equals(version, ElencoTemplate.Version, StringComparison.OrdinalIgnoreCase))
            {
                result.Issues.Add(ValidationIssue.File("F02",
                    $"{outdated} (il file è stato compilato sul modello \"{version}\", quello in vigore è \"{ElencoTemplate.Version}\")."));
                return false;
            }
        }
        // Read a few columns beyond the template's, to notice added columns.
        var header = workbook.ReadRows(sheet, Headers.Count + 5).FirstOrDefault(r => r.Number == 1);
        for (var i = 0; i < Headers.Count + 5; i++)
        {
            var found = header is null ? "" : CellParsing.Text(header[i]);
            var expected = i < Headers.Count ? Headers[i] : "";
            if (!string.Equals(found, expected, StringComparison.OrdinalIgnoreCase))
            {
                var where = $"colonna {ColumnLetter(i)} della riga 1";
                var detail = expected.Length == 0 ? $"{where}: intestazione in più «{found}»"
                    : found.Length == 0 ? $"{where}: manca l'intestazione «{expected}»"
                    : $"{where}: trovato «{found}» invece di «{expected}»";
                result.Issues.Add(ValidationIssue.File("F02", $"{outdated} ({detail})."));
                return false;
            }
        }
        return true;
    }

    private static ElencoRow CheckRow(XRow row, XlsxWorkbook workbook, ValidationSettings settings, List<ValidationIssue> issues)
    {
        var n = row.Number;
        void Error(string code, int column, string message) =>
            issues.Add(new ValidationIssue(code, IssueSeverity.Error, n, Headers[column], row[column].Display, $"Riga {n}, colonna {Headers[column]}: {message}"));
        void Warning(string code, int column, string message) =>
            issues.Add(new ValidationIssue(code, IssueSeverity.Warning, n, Headers[column], row[column].Display, $"Riga {n}, colonna {Headers[column]}: {message}"));

        for (var c = 0; c < Headers.Count; c++)
            if (IsRequired(c) && row[c].IsBlank) Error("R01", c, "il dato è obbligatorio.");

        var cfStudente = CellParsing.Code(row[CfStudente]);
        if (!row[CfStudente].IsBlank && !CodiceFiscale.IsValid(cfStudente))
            Error("R02", CfStudente, $"«{row[CfStudente].Display}» non è un codice fiscale valido.");
        var cfRichiedente = CellParsing.Code(row[CfRichiedente]);
        if (!row[CfRichiedente].IsBlank && !CodiceFiscale.IsValid(cfRichiedente))
            Error("R03", CfRichiedente, $"«{row[CfRichiedente].Display}» non è un codice fiscale valido.");

        var birth = CellParsing.Date(row[DataNascitaStudente], workbook.SerialToDate);
        if (!row[DataNascitaStudente].IsBlank)
        {
            if (birth is null)
                Error("R04", DataNascitaStudente, $"«{row[DataNascitaStudente].Display}» non è una data valida (scrivere la data come gg/mm/aaaa).");
            else if (CodiceFiscale.IsValid(cfStudente) && BirthDateInCf(cfStudente, birth.Value, settings.FinestraOpening) is { } encoded)
                Error("R04", DataNascitaStudente,
                    $"la data {birth.Value:dd/MM/yyyy} non corrisponde a quella contenuta nel codice fiscale dello studente ({encoded}).");
        }

        var school = CellParsing.Code(row[CodiceMeccanografico]);
        var schoolProvince = school.Length >= 2 ? school[..2] : "";
        if (!row[CodiceMeccanografico].IsBlank)
        {
            if (school.Length != 10 || !school.All(char.IsAsciiLetterOrDigit) || !settings.ProvinceSigle.Contains(schoolProvince))
                Error("R05", CodiceMeccanografico,
                    $"«{row[CodiceMeccanografico].Display}» non è un codice meccanografico valido (10 lettere o cifre, le prime due sono la sigla di una provincia).");
            else if (!settings.RegionProvinces.Contains(schoolProvince))
                Warning("W01", CodiceMeccanografico, $"la scuola {school} è in provincia di {schoolProvince}, fuori dalla regione.");
        }

        var classe = CellParsing.WholeNumber(row[Classe]);
        if (!row[Classe].IsBlank && classe is not (>= 1 and <= 5))
            Error("R06", Classe, $"«{row[Classe].Display}» non è una classe valida (numero intero da 1 a 5).");

        var isee = CellParsing.Amount(row[ValoreIsee]);
        if (!row[ValoreIsee].IsBlank)
        {
            if (isee is null)
                Error("R07", ValoreIsee, $"«{row[ValoreIsee].Display}» non è un importo valido (esempio: 1234,56).");
            else if (isee < 0)
                Error("R07", ValoreIsee, $"il valore ISEE {isee.Value.ToString("N2", Italian)} è negativo.");
            else if (isee > settings.SogliaIsee)
                Error("R08", ValoreIsee,
                    $"il valore ISEE {isee.Value.ToString("N2", Italian)} € supera la soglia di {settings.SogliaIsee.ToString("N2", Italian)} € prevista dall'avviso.");
            else if (isee == 0)
                Warning("W03", ValoreIsee, "il valore ISEE è zero: verificare che sia corretto.");
        }

        if (birth is { } b && AgeOn(b, settings.FinestraOpening) is var age && age is < ValidationSettings.MinAge or > ValidationSettings.MaxAge)
            Warning("W04", DataNascitaStudente,
                $"lo studente ha {age} anni all'apertura della finestra ({settings.FinestraOpening:dd/MM/yyyy}); l'età prevista è da {ValidationSettings.MinAge} a {ValidationSettings.MaxAge} anni.");

        // The names are stored in columns of 200 characters; the spec has no rule of its own for them, so they share
        // R01 with the NOTE column's length.
        foreach (var c in (int[])[CognomeStudente, NomeStudente, CognomeRichiedente, NomeRichiedente])
            if (CellParsing.Text(row[c]) is { Length: > NameMaxLength } name)
                Error("R01", c, $"il dato è lungo {name.Length} caratteri, il massimo è {NameMaxLength}.");

        var note = CellParsing.Text(row[Note]);
        if (note.Length > NoteMaxLength)
            Error("R01", Note, $"la nota è lunga {note.Length} caratteri, il massimo è {NoteMaxLength}.");

        return new ElencoRow(n, cfStudente, CellParsing.Text(row[CognomeStudente]), CellParsing.Text(row[NomeStudente]), birth,
            cfRichiedente, CellParsing.Text(row[CognomeRichiedente]), CellParsing.Text(row[NomeRichiedente]), school, classe, isee,
            note.Length == 0 ? null : note);
    }

    private static void CheckDuplicates(ValidationResult result)
    {
        foreach (var group in result.Rows.Where(r => r.CfStudente.Length > 0).GroupBy(r => r.CfStudente).Where(g => g.Count() > 1))
        {
            var rows = string.Join(", ", group.Select(r => r.Row));
            foreach (var row in group)
                result.Issues.Add(new ValidationIssue("R09", IssueSeverity.Error, row.Row, Headers[CfStudente], row.CfStudente,
                    $"Riga {row.Row}, colonna {Headers[CfStudente]}: lo studente {row.CfStudente} compare più volte nel file (righe {rows})."));
        }
    }

    private static async Task CheckOtherComuniAsync(ValidationResult result, ValidationSettings settings, CancellationToken ct)
    {
        if (settings.StudentsInOtherComuni is null) return;
        var students = result.Rows.Select(r => r.CfStudente).Where(CodiceFiscale.IsValid).Distinct().ToList();
        if (students.Count == 0) return;
        var elsewhere = await settings.StudentsInOtherComuni(students, ct);
        foreach (var row in result.Rows)
            if (elsewhere.TryGetValue(row.CfStudente, out var comune))
                result.Issues.Add(new ValidationIssue("W02", IssueSeverity.Warning, row.Row, Headers[CfStudente], row.CfStudente,
                    $"Riga {row.Row}, colonna {Headers[CfStudente]}: lo studente {row.CfStudente} è già nell'elenco valido del Comune di {comune}."));
    }

    /// <summary>The birth date encoded in a valid CF (dd/mm/yy) when it differs from <paramref name="birth"/>; null when they agree.</summary>
    private static string? BirthDateInCf(string cf, DateOnly birth, DateOnly today)
    {
        if (!CodiceFiscale.TryDecode(cf, today, out var data)) return "data inesistente";
        var encoded = data.DataNascita;
        // The CF holds two year digits only: the century is not checked.
        return encoded.Day == birth.Day && encoded.Month == birth.Month && encoded.Year % 100 == birth.Year % 100
            ? null : encoded.ToString("dd/MM/yy", CultureInfo.InvariantCulture);
    }

    internal static int AgeOn(DateOnly birth, DateOnly day)
    {
        var age = day.Year - birth.Year;
        if (day < birth.AddYears(age)) age--;
        return age;
    }

    internal static string ColumnLetter(int index)
    {
        var s = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26) s = (char)('A' + (i - 1) % 26) + s;
        return s;
    }
}
