using Portal.Graduatorie.Validation;
using Portal.Graduatorie.Validation.Xlsx;
using static Portal.Graduatorie.Tests.ElencoFiles;

namespace Portal.Graduatorie.Tests;

/// <summary>
/// Hostile workbooks sent to <see cref="ElencoValidator.ValidateAsync"/>: each is an ordinary "Respinto" with one
/// file-level finding, never an exception. Timings and memory are reported by the bench ("wide-row"), not asserted here.
/// </summary>
public class HostileWorkbookValidationTests
{
    private static async Task<ValidationIssue> RefusedAsync(byte[] file, string code)
    {
        var result = await ValidateAsync(new MemoryStream(file, writable: false));
        Assert.Equal(Esito.Respinto, result.Esito);
        Assert.Empty(result.Rows);
        var issue = Assert.Single(result.Issues);
        Assert.Equal((code, null), (issue.Code, issue.Row));
        return issue;
    }

    [Fact]
    public async Task The_hand_built_workbook_is_accepted_when_nothing_in_it_is_hostile()
    {
        var result = await ValidateAsync(new MemoryStream(HostileWorkbooks.Clean()));
        Assert.Empty(result.Issues);
        Assert.Equal(("Rossi", new DateOnly(2011, 3, 1)), (result.Rows.Single().CognomeStudente, result.Rows[0].DataNascitaStudente));
    }

    [Theory]
    [MemberData(nameof(HostileWorkbooks.Kinds), MemberType = typeof(HostileWorkbooks))]
    public async Task A_hostile_workbook_is_refused_with_a_file_level_finding_and_no_exception(string kind, string code)
    {
        var file = HostileWorkbooks.Get(kind);
        Assert.True(file.Length < ValidationSettings.MaxFileBytes, $"{kind}: {file.Length} byte");
        var issue = await RefusedAsync(file, code);
        Assert.StartsWith(code == "F01" ? "Il file non è leggibile:" : "Il file supera i limiti", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_wide_row_is_about_8_6_MB_and_refused_naming_the_row_and_the_column_limit()
    {
        var file = HostileWorkbooks.Get("riga-larghissima");
        Assert.InRange(file.Length, 7_500_000, 9_900_000);
        var issue = await RefusedAsync(file, "F04");
        Assert.Contains("riga 2", issue.Message, StringComparison.Ordinal);
        Assert.Contains($"{XlsxLimits.MaxColumns} colonne", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stray_cell_in_the_last_allowed_column_is_ignored_and_one_beyond_it_is_refused_with_F04()
    {
        var last = await ValidateAsync(new MemoryStream(HostileWorkbooks.CellAtColumn(XlsxLimits.MaxColumns - 1)));
        Assert.Equal(Esito.Accettato, last.Esito);

        var beyond = await RefusedAsync(HostileWorkbooks.CellAtColumn(XlsxLimits.MaxColumns), "F04");
        Assert.Contains("oltre la colonna CV", beyond.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Formatted_empty_rows_beyond_the_row_limit_are_refused_with_F04()
    {
        var within = await ValidateAsync(new MemoryStream(HostileWorkbooks.BlankRows(XlsxLimits.MaxRows - 1)));
        Assert.Equal("F03", Assert.Single(within.Issues).Code);

        var issue = await RefusedAsync(HostileWorkbooks.BlankRows(XlsxLimits.MaxRows), "F04");
        Assert.Contains("righe", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_cells_than_the_limit_are_refused_with_F04_even_within_the_row_and_column_limits()
    {
        var rows = XlsxLimits.MaxCells / 50 + 1;
        Assert.True(rows < XlsxLimits.MaxRows);
        var issue = await RefusedAsync(HostileWorkbooks.BlankCells(rows, 50), "F04");
        Assert.Contains("celle", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cell_longer_than_Excel_allows_is_refused_with_F04()
    {
        var issue = await RefusedAsync(HostileWorkbooks.LongCell(XlsxLimits.MaxCellChars + 1), "F04");
        Assert.Contains("caratteri", issue.Message, StringComparison.Ordinal);
        // At the limit the cell is read, and the note rule (at most 200 characters) answers instead.
        var atLimit = await ValidateAsync(new MemoryStream(HostileWorkbooks.LongCell(XlsxLimits.MaxCellChars)));
        Assert.Equal("R01", Assert.Single(atLimit.Issues).Code);
    }

    [Theory]
    [MemberData(nameof(HostileWorkbooks.Kinds), MemberType = typeof(HostileWorkbooks))]
    public void Reading_back_the_students_of_a_hostile_workbook_gives_what_it_could_read_and_no_exception(string kind, string code)
    {
        var students = ElencoStudents.Read(new MemoryStream(HostileWorkbooks.Get(kind)), new HashSet<int> { 2, 3 });
        Assert.All(students.Keys, row => Assert.Contains(row, new[] { 2, 3 }));
        Assert.False(string.IsNullOrEmpty(code));
    }
}
