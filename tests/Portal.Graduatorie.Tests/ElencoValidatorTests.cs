using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Portal.Graduatorie.Validation;
using static Portal.Graduatorie.Tests.ElencoFiles;

namespace Portal.Graduatorie.Tests;

public class ElencoValidatorTests
{
    private static async Task<ValidationIssue> SingleIssueAsync(MemoryStream file, string code, ValidationSettings? settings = null)
    {
        var result = await ValidateAsync(file, settings);
        return Assert.Single(result.Issues, i => i.Code == code);
    }

    private static object?[] With(object?[] row, int column, object? value)
    {
        var copy = (object?[])row.Clone();
        copy[column] = value;
        return copy;
    }

    [Fact]
    public async Task A_clean_file_is_accepted_with_its_values_read()
    {
        var result = await ValidateAsync(Workbook([Row(0), Row(1)]));

        Assert.Empty(result.Issues);
        Assert.Equal(Esito.Accettato, result.Esito);
        var first = result.Rows[0];
        Assert.Equal((2, "Rossi", new DateOnly(2011, 3, 1), 3, 8500.00m, "ANIS001000"),
            (first.Row, first.CognomeStudente, first.DataNascitaStudente, first.Classe, first.ValoreIsee, first.CodiceMeccanografico));
        Assert.Equal(ElencoTemplate.Version, result.TemplateVersion);
    }

    // --- F01 ---------------------------------------------------------------------------------

    public static TheoryData<string, byte[]> Unreadable() => new()
    {
        { "testo qualunque", Encoding.UTF8.GetBytes("non sono un foglio di calcolo") },
        { "csv rinominato", Encoding.UTF8.GetBytes("CODICE FISCALE STUDENTE;COGNOME STUDENTE\nRSSMRA80A01H501U;Rossi\n") },
        { "xls o file con password (OLE)", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0] },
        { "ods rinominato", Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<office:document-content/>")) },
        { "zip qualunque", Zip(("leggimi.txt", "ciao")) },
        { "xlsx troncato", Workbook([Row()]).ToArray()[..600] },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task A_file_that_is_not_a_plain_xlsx_workbook_is_refused_with_F01(string what, byte[] bytes)
    {
        var issue = await SingleIssueAsync(new MemoryStream(bytes), "F01");
        Assert.StartsWith("Il file non è leggibile:", issue.Message, StringComparison.Ordinal);
        Assert.Null(issue.Row);
        Assert.False(string.IsNullOrWhiteSpace(what));
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_with_F01_without_expanding_it()
    {
        var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in new[] { ("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>") })
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write(text);
            }
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++) sheet.Write(zeros);
        }
        Assert.True(bomb.Length < 1024 * 1024);
        var issue = await SingleIssueAsync(bomb, "F01");
        Assert.Contains("anomalo", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_macro_workbook_renamed_to_xlsx_is_refused_with_F01()
    {
        var xlsx = Workbook([Row()]).ToArray();
        var macro = new MemoryStream();
        macro.Write(xlsx);
        using (var zip = new ZipArchive(macro, ZipArchiveMode.Update, leaveOpen: true))
        {
            var types = zip.GetEntry("[Content_Types].xml")!;
            string xml;
            using (var r = new StreamReader(types.Open())) xml = r.ReadToEnd();
            types.Delete();
            using var w = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open());
            w.Write(xml.Replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                "application/vnd.ms-excel.sheet.macroEnabled.main+xml", StringComparison.Ordinal));
        }
        var issue = await SingleIssueAsync(macro, "F01");
        Assert.Contains("macro", issue.Message, StringComparison.Ordinal);
    }

    // --- F02 ---------------------------------------------------------------------------------

    [Fact]
    public async Task A_workbook_without_the_Elenco_sheet_is_refused_with_F02()
    {
        var file = Workbook([Row()], edit: wb => wb.Worksheet(ElencoTemplate.DataSheet).Name = "Foglio1");
        var issue = await SingleIssueAsync(file, "F02");
        Assert.StartsWith("Il file non corrisponde al modello aggiornato: scaricare il modello dalla sezione 1", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Headers_that_differ_or_are_added_are_refused_with_F02_naming_the_column()
    {
        var renamed = ElencoTemplate.Headers.ToArray();
        renamed[9] = "ISEE";
        Assert.Contains("colonna J della riga 1: trovato «ISEE» invece di «VALORE ISEE»",
            (await SingleIssueAsync(Workbook([Row()], headers: renamed), "F02")).Message, StringComparison.Ordinal);

        var added = ElencoTemplate.Headers.Append("TELEFONO").ToArray();
        Assert.Contains("colonna L della riga 1: intestazione in più «TELEFONO»",
            (await SingleIssueAsync(Workbook([Row()], headers: added), "F02")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_older_template_version_is_refused_with_F02()
    {
        var issue = await SingleIssueAsync(Workbook([Row()], version: "BORSE-STUDIO-2025.1"), "F02");
        Assert.Contains("«BORSE-STUDIO-2025.1»".Replace('«', '"').Replace('»', '"'), issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workbook_rebuilt_elsewhere_is_judged_by_headers_compared_without_case_and_outer_spaces()
    {
        var sloppy = ElencoTemplate.Headers.Select(h => "  " + h.ToLowerInvariant() + " ").ToArray();
        var result = await ValidateAsync(Workbook([Row()], version: null, headers: sloppy));
        Assert.Equal(Esito.Accettato, result.Esito);
        Assert.Null(result.TemplateVersion);
    }

    // --- F03 / F04 ---------------------------------------------------------------------------

    [Fact]
    public async Task A_file_with_only_headers_or_formatted_empty_rows_is_refused_with_F03()
    {
        Assert.Equal("F03", (await SingleIssueAsync(Workbook([]), "F03")).Code);
        var formatted = Workbook([], edit: wb =>
        {
            var s = wb.Worksheet(ElencoTemplate.DataSheet);
            s.Range("A2:K40").Style.Fill.BackgroundColor = XLColor.LightYellow;
            s.Cell(5, 3).SetValue("   ");
        });
        await SingleIssueAsync(formatted, "F03");
    }

    [Fact]
    public async Task Blank_and_formatted_rows_between_and_after_the_data_are_skipped()
    {
        var file = Workbook([Row(0), new object?[11], Row(1)], edit: wb =>
            wb.Worksheet(ElencoTemplate.DataSheet).Range("A5:K200").Style.Border.OutsideBorder = XLBorderStyleValues.Thin);
        var result = await ValidateAsync(file);
        Assert.Empty(result.Issues);
        Assert.Equal([2, 4], result.Rows.Select(r => r.Row));
    }

    [Fact]
    public async Task A_file_over_10_MB_is_refused_with_F04_before_reading_it()
    {
        var big = new MemoryStream(new byte[ValidationSettings.MaxFileBytes + 1]);
        Assert.Contains("10 MB", (await SingleIssueAsync(big, "F04")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_than_50000_data_rows_are_refused_with_F04()
    {
        var file = Workbook([], edit: wb =>
        {
            var s = wb.Worksheet(ElencoTemplate.DataSheet);
            for (var r = 2; r <= ValidationSettings.MaxDataRows + 2; r++) s.Cell(r, 2).Value = "Rossi";
        });
        var result = await ValidateAsync(file);
        var issue = Assert.Single(result.Issues);
        Assert.Equal("F04", issue.Code);
        Assert.Empty(result.Rows);
    }

    // --- row rules ---------------------------------------------------------------------------

    [Fact]
    public async Task R01_an_empty_required_cell_names_row_and_column_and_NOTE_may_be_empty()
    {
        var issue = await SingleIssueAsync(Workbook([Row(0), With(Row(1), 5, null)]), "R01");
        Assert.Equal((3, "COGNOME RICHIEDENTE"), (issue.Row, issue.Column));
        Assert.Equal("Riga 3, colonna COGNOME RICHIEDENTE: il dato è obbligatorio.", issue.Message);
        Assert.Empty((await ValidateAsync(Workbook([With(Row(), 10, null)]))).Issues);
    }

    [Fact]
    public async Task A_note_over_200_characters_is_an_error_and_200_are_fine()
    {
        Assert.Empty((await ValidateAsync(Workbook([With(Row(), 10, new string('a', 200))]))).Issues);
        var issue = await SingleIssueAsync(Workbook([With(Row(), 10, new string('a', 201))]), "R01");
        Assert.Contains("201 caratteri", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RSSLCU11C01A27XX")]
    [InlineData("RSSLCU11C01A271A")]
    [InlineData("12345")]
    public async Task R02_and_R03_refuse_codes_that_are_not_valid_codici_fiscali(string bad)
    {
        var student = await SingleIssueAsync(Workbook([With(Row(), 0, bad)]), "R02");
        Assert.Equal($"Riga 2, colonna CODICE FISCALE STUDENTE: «{bad}» non è un codice fiscale valido.", student.Message);
        var parent = await SingleIssueAsync(Workbook([With(Row(), 4, bad)]), "R03");
        Assert.Equal(("CODICE FISCALE RICHIEDENTE", bad), (parent.Column, parent.Value));
    }

    [Fact]
    public async Task Codes_with_spaces_lower_case_or_omocodia_are_accepted()
    {
        var cf = Cf("RSS", "LCU", new DateOnly(2011, 3, 1));
        var omocodia = cf[..14] + "M"; // last digit of the place code 1 → M
        omocodia += Portal.Core.Validation.CodiceFiscale.CheckCharacter(omocodia);
        var row = With(With(Row(), 0, "  " + cf.ToLowerInvariant() + " "), 4, omocodia);
        row[7] = " anis001000 ";
        var result = await ValidateAsync(Workbook([row]));
        Assert.Empty(result.Issues);
        Assert.Equal((cf, "ANIS001000"), (result.Rows[0].CfStudente, result.Rows[0].CodiceMeccanografico));
    }

    [Theory]
    [InlineData("01/03/2011")]
    [InlineData("1/3/2011")]
    [InlineData("2011-03-01")]
    [InlineData(40603.0)] // the serial number of 1 March 2011
    public async Task Birth_dates_are_read_as_date_cells_serial_numbers_or_text(object value)
    {
        var result = await ValidateAsync(Workbook([With(Row(), 3, value)]));
        Assert.Empty(result.Issues);
        Assert.Equal(new DateOnly(2011, 3, 1), result.Rows[0].DataNascitaStudente);
    }

    [Theory]
    [InlineData("31/02/2011")]
    [InlineData("domani")]
    public async Task R04_refuses_what_is_not_a_date(string bad)
    {
        var issue = await SingleIssueAsync(Workbook([With(Row(), 3, bad)]), "R04");
        Assert.Contains($"«{bad}» non è una data valida", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R04_refuses_a_date_that_disagrees_with_the_students_codice_fiscale_including_for_women()
    {
        var issue = await SingleIssueAsync(Workbook([With(Row(), 3, new DateTime(2011, 3, 2))]), "R04");
        Assert.Contains("non corrisponde a quella contenuta nel codice fiscale dello studente (01/03/11)", issue.Message, StringComparison.Ordinal);

        var female = With(With(Row(), 0, Cf("BNC", "GLI", new DateOnly(2012, 7, 15), female: true)), 3, new DateTime(2012, 7, 15));
        Assert.Empty((await ValidateAsync(Workbook([female]))).Issues);
    }

    [Theory]
    [InlineData("ANIS00100")]     // 9 characters
    [InlineData("ZZIS001000")]    // ZZ is not a province
    [InlineData("AN-S001000")]
    public async Task R05_refuses_a_bad_school_code(string bad)
    {
        var issue = await SingleIssueAsync(Workbook([With(Row(), 7, bad)]), "R05");
        Assert.Equal("CODICE MECCANOGRAFICO SCUOLA", issue.Column);
    }

    [Fact]
    public async Task W01_warns_when_the_school_is_outside_the_region()
    {
        var result = await ValidateAsync(Workbook([With(Row(), 7, "RMIS001000")]));
        var issue = Assert.Single(result.Issues);
        Assert.Equal(("W01", IssueSeverity.Warning, Esito.ConAvvisi), (issue.Code, issue.Severity, result.Esito));
        Assert.Contains("provincia di RM, fuori dalla regione", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(2.5)]
    [InlineData("terza")]
    public async Task R06_refuses_a_class_that_is_not_1_to_5(object bad) =>
        await SingleIssueAsync(Workbook([With(Row(), 8, bad)]), "R06");

    [Theory]
    [InlineData("5")]
    [InlineData(" 5 ")]
    [InlineData(5.0)]
    public async Task A_class_is_read_from_text_or_number(object value) =>
        Assert.Equal(5, (await ValidateAsync(Workbook([With(Row(), 8, value)]))).Rows[0].Classe);

    [Theory]
    [InlineData("1234,56", 1234.56)]
    [InlineData("1.234,56", 1234.56)]
    [InlineData("€ 1.234,56", 1234.56)]
    [InlineData("12.345", 12345)]
    [InlineData("1234.5", 1234.5)]
    [InlineData(9876.54, 9876.54)]
    public async Task Isee_amounts_are_read_from_numbers_or_italian_text(object value, double expected) =>
        Assert.Equal((decimal)expected, (await ValidateAsync(Workbook([With(Row(), 9, value)]))).Rows[0].ValoreIsee);

    [Theory]
    [InlineData("mille")]
    [InlineData("1,234,56")]
    [InlineData("-10")]
    [InlineData(-0.01)]
    public async Task R07_refuses_an_isee_that_is_not_a_number_or_is_negative(object bad) =>
        await SingleIssueAsync(Workbook([With(Row(), 9, bad)]), "R07");

    [Fact]
    public async Task R08_refuses_an_isee_above_the_threshold_and_accepts_it_at_the_threshold()
    {
        Assert.Empty((await ValidateAsync(Workbook([With(Row(), 9, "15.748,78")]))).Issues);
        var issue = await SingleIssueAsync(Workbook([With(Row(), 9, "15.748,79")]), "R08");
        Assert.Contains("15.748,79 € supera la soglia di 15.748,78 €", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task W03_warns_on_a_zero_isee()
    {
        var result = await ValidateAsync(Workbook([With(Row(), 9, "0")]));
        Assert.Equal(("W03", Esito.ConAvvisi), (Assert.Single(result.Issues).Code, result.Esito));
    }

    [Fact]
    public async Task R09_marks_every_row_of_a_repeated_student()
    {
        var result = await ValidateAsync(Workbook([Row(0), Row(1), Row(0)]));
        var issues = result.Issues.Where(i => i.Code == "R09").ToList();
        Assert.Equal([2, 4], issues.Select(i => i.Row));
        Assert.All(issues, i => Assert.Contains("(righe 2, 4)", i.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task W02_warns_when_the_student_is_in_another_comunes_valid_list()
    {
        var cf = (string)Row(1)[0]!;
        var result = await ValidateAsync(Workbook([Row(0), Row(1)]), Settings((cfs, _) =>
            Task.FromResult<IReadOnlyDictionary<string, string>>(cfs.Contains(cf) ? new Dictionary<string, string> { [cf] = "Falconara Marittima" } : [])));
        var issue = Assert.Single(result.Issues);
        Assert.Equal(("W02", 3), (issue.Code, issue.Row));
        Assert.Contains("già nell'elenco valido del Comune di Falconara Marittima", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2013, 9, 2, 12)]  // 12 the day before the 13th birthday
    [InlineData(2001, 9, 1, 25)]
    public async Task W04_warns_when_the_student_is_outside_13_to_24_at_the_opening(int y, int m, int d, int age)
    {
        var birth = new DateOnly(y, m, d);
        var row = With(With(Row(), 0, Cf("VRD", "PLA", birth)), 3, birth.ToDateTime(TimeOnly.MinValue));
        var issue = await SingleIssueAsync(Workbook([row]), "W04");
        Assert.Contains($"ha {age} anni all'apertura della finestra (01/09/2026)", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2013, 9, 1)]  // 13 on the opening day
    [InlineData(2001, 9, 2)]  // still 24
    public async Task No_W04_at_the_age_limits(int y, int m, int d)
    {
        var birth = new DateOnly(y, m, d);
        var row = With(With(Row(), 0, Cf("VRD", "PLA", birth)), 3, birth.ToDateTime(TimeOnly.MinValue));
        Assert.Empty((await ValidateAsync(Workbook([row]))).Issues);
    }

    [Fact]
    public async Task Formula_cells_are_read_through_their_cached_values()
    {
        // As Excel and LibreOffice save them: the formula and its last computed result.
        var file = Workbook([Row()]);
        using (var doc = SpreadsheetDocument.Open(file, true))
        {
            var part = doc.WorkbookPart!.WorksheetParts.First(p => p.Worksheet.Descendants<Cell>().Any(c => c.CellReference == "K1"));
            var cells = part.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
            cells["I2"].CellFormula = new CellFormula("1+2");
            cells["I2"].CellValue = new CellValue("3");
            cells["I2"].DataType = null;
            cells["B2"].CellFormula = new CellFormula("\"Ros\"&\"si\"");
            cells["B2"].CellValue = new CellValue("Rossi");
            cells["B2"].DataType = CellValues.String;
            part.Worksheet.Save();
        }
        file.Position = 0;
        var result = await ValidateAsync(file);
        Assert.Empty(result.Issues);
        Assert.Equal((3, "Rossi"), (result.Rows[0].Classe, result.Rows[0].CognomeStudente));
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in entries)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write(text);
            }
        return ms.ToArray();
    }
}
