using Portal.Graduatorie.Validation;
using static Portal.Graduatorie.Tests.ElencoFiles;

namespace Portal.Graduatorie.Tests;

public class LibreOfficeWorkbookTests(LibreOfficeFiles files) : IClassFixture<LibreOfficeFiles>
{
    [Fact]
    public async Task A_workbook_saved_by_LibreOffice_from_an_italian_csv_is_read_with_its_dates_and_amounts()
    {
        var result = await ValidateAsync(files.Open("valido"));

        Assert.DoesNotContain(result.Issues, i => i.Severity == IssueSeverity.Error);
        Assert.Equal([new DateOnly(2011, 3, 1), new DateOnly(2012, 7, 15), new DateOnly(2010, 1, 2)],
            result.Rows.Select(r => r.DataNascitaStudente!.Value));
        Assert.Equal([1234.56m, 0m, 15748.78m], result.Rows.Select(r => r.ValoreIsee!.Value));
        Assert.Equal([1, 2, 3], result.Rows.Select(r => r.Classe!.Value));
        Assert.Equal(("W03", 3), (Assert.Single(result.Issues).Code, result.Issues[0].Row));
        Assert.Null(result.TemplateVersion); // no "Versione" sheet: judged by the headers
    }

    [Fact]
    public async Task Errors_in_a_LibreOffice_workbook_name_the_sheet_row_column_and_value()
    {
        var result = await ValidateAsync(files.Open("errori"));

        Assert.Equal(Esito.Respinto, result.Esito);
        var byCode = result.Issues.ToLookup(i => i.Code);
        var date = Assert.Single(byCode["R04"]);
        Assert.Equal((2, "DATA DI NASCITA STUDENTE", "31/02/2011"), (date.Row, date.Column, date.Value));
        Assert.Equal([2, 3], byCode["R07"].Select(i => i.Row));
        Assert.Contains(byCode["R07"], i => i.Value == "mille");
    }

    [Theory]
    [InlineData("ods")]
    [InlineData("xls")]
    public async Task An_ods_or_xls_renamed_to_xlsx_is_refused_with_F01(string format)
    {
        var result = await ValidateAsync(files.Open("valido", format));
        Assert.Equal("F01", Assert.Single(result.Issues).Code);
    }
}
