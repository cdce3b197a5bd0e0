using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Portal.Graduatorie.Template;
using Portal.Graduatorie.Validation;
using static Portal.Graduatorie.Tests.ElencoFiles;

namespace Portal.Graduatorie.Tests;

public class ElencoTemplateWriterTests
{
    private static readonly byte[] Template = ElencoTemplateWriter.Write("Borse di studio 2026/2027", 15748.78m);

    [Fact]
    public async Task The_empty_template_is_recognised_as_current_and_only_lacks_data_rows()
    {
        var result = await ValidateAsync(new MemoryStream(Template));
        Assert.Equal("F03", Assert.Single(result.Issues).Code);
        Assert.Equal(ElencoTemplate.Version, result.TemplateVersion);
    }

    [Fact]
    public async Task The_template_filled_in_is_accepted()
    {
        using var wb = new XLWorkbook(new MemoryStream(Template));
        var sheet = wb.Worksheet(ElencoTemplate.DataSheet);
        var row = Row();
        for (var c = 0; c < row.Length; c++)
            if (row[c] is { } v) sheet.Cell(2, c + 1).Value = v;
        var filled = new MemoryStream();
        wb.SaveAs(filled);
        filled.Position = 0;

        var result = await ValidateAsync(filled);
        Assert.Empty(result.Issues);
        Assert.Equal(8500m, Assert.Single(result.Rows).ValoreIsee);
    }

    [Fact]
    public void The_template_is_small()
    {
        Assert.True(Template.Length < 40_000, $"{Template.Length} byte");
    }

    [Fact]
    public void The_template_has_frozen_headers_data_validation_instructions_and_a_hidden_version_sheet()
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(Template), false);
        var book = doc.WorkbookPart!;
        var sheets = book.Workbook.Sheets!.Elements<Sheet>().ToDictionary(s => s.Name!.Value!);
        Assert.Equal(["Elenco", "Istruzioni", "Versione"], sheets.Keys);
        Assert.Equal(SheetStateValues.VeryHidden, sheets["Versione"].State!.Value);

        var elenco = ((WorksheetPart)book.GetPartById(sheets["Elenco"].Id!)).Worksheet;
        var pane = elenco.Descendants<Pane>().Single();
        Assert.Equal(1d, pane.VerticalSplit!.Value);
        Assert.Contains(pane.State!.Value, new[] { PaneStateValues.Frozen, PaneStateValues.FrozenSplit });
        var rules = elenco.Descendants<DataValidation>().ToList();
        Assert.Contains(rules, r => r.Type!.Value == DataValidationValues.List && r.Formula1!.Text == "\"1,2,3,4,5\"");
        Assert.Contains(rules, r => r.Type!.Value == DataValidationValues.Decimal && r.Operator!.Value == DataValidationOperatorValues.GreaterThanOrEqual);
        Assert.Contains(rules, r => r.Type!.Value == DataValidationValues.Date);
        Assert.Equal(2, rules.Count(r => r.Type!.Value == DataValidationValues.TextLength && r.Formula1!.Text == "16"));

        var instructions = ((WorksheetPart)book.GetPartById(sheets["Istruzioni"].Id!)).Worksheet.Descendants<Cell>().Count();
        Assert.True(instructions > 10);
    }
}
