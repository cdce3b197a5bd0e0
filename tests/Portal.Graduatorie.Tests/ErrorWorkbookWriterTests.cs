using ClosedXML.Excel;
using Portal.Graduatorie.Validation;
using static Portal.Graduatorie.Tests.ElencoFiles;

namespace Portal.Graduatorie.Tests;

public class ErrorWorkbookWriterTests(LibreOfficeFiles files) : IClassFixture<LibreOfficeFiles>
{
    [Fact]
    public async Task The_operators_file_comes_back_with_red_cells_and_the_messages_of_each_row()
    {
        var bad = (object?[])Row(1).Clone();
        bad[0] = "RSSLCU11C01A271A";  // R02
        bad[9] = "mille";             // R07
        var warned = (object?[])Row(2).Clone();
        warned[9] = "0";              // W03
        var file = Workbook([Row(0), bad, warned]);
        var result = await ValidateAsync(file);

        using var wb = new XLWorkbook(new MemoryStream(ErrorWorkbookWriter.Write(file, result.Issues)));
        var sheet = wb.Worksheet(ElencoTemplate.DataSheet);
        Assert.Equal("SEGNALAZIONI", sheet.Cell(1, 12).GetString());
        Assert.Equal("", sheet.Cell(2, 12).GetString());
        var messages = sheet.Cell(3, 12).GetString();
        Assert.Contains("R02 – Riga 3, colonna CODICE FISCALE STUDENTE", messages, StringComparison.Ordinal);
        Assert.Contains("R07 – Riga 3, colonna VALORE ISEE", messages, StringComparison.Ordinal);
        Assert.Equal(XLColor.FromHtml("#F8C7CE"), sheet.Cell(3, 1).Style.Fill.BackgroundColor);
        Assert.Equal(XLColor.FromHtml("#F8C7CE"), sheet.Cell(3, 10).Style.Fill.BackgroundColor);
        Assert.NotEqual(XLColor.FromHtml("#F8C7CE"), sheet.Cell(3, 2).Style.Fill.BackgroundColor);
        Assert.Equal(XLColor.FromHtml("#FFEB9C"), sheet.Cell(4, 10).Style.Fill.BackgroundColor);
        Assert.Contains("W03", sheet.Cell(4, 12).GetString(), StringComparison.Ordinal);
        // The operator's values are untouched.
        Assert.Equal("RSSLCU11C01A271A", sheet.Cell(3, 1).GetString());
        Assert.Equal("mille", sheet.Cell(3, 10).GetString());
    }

    [Fact]
    public async Task A_workbook_saved_by_LibreOffice_can_be_returned_with_its_messages()
    {
        var file = files.Open("errori");
        var result = await ValidateAsync(file);
        using var wb = new XLWorkbook(new MemoryStream(ErrorWorkbookWriter.Write(file, result.Issues)));
        var sheet = wb.Worksheet(ElencoTemplate.DataSheet);
        Assert.Contains("R04", sheet.Cell(2, 12).GetString(), StringComparison.Ordinal);
        Assert.Contains("R07", sheet.Cell(3, 12).GetString(), StringComparison.Ordinal);
        Assert.Equal("Bianchi", sheet.Cell(2, 2).GetString());
    }
}
