using System.Text;
using Portal.Monitoraggio.Validation;
using static Portal.Monitoraggio.Tests.Feeds;

namespace Portal.Monitoraggio.Tests;

/// <summary>The parser and validator alone, on hostile feeds built here: every rule broken once, on its own line.</summary>
public class FeedValidatorTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly DateOnly Rif = new(2026, 11, 30);

    private static FeedContext Context(IReadOnlyDictionary<ulong, byte>? held = null, DateOnly? last = null) => new(
        Ente, Today,
        new Dictionary<string, string> { ["042002"] = "AN", ["041044"] = "PU", ["043023"] = "MC" },
        new HashSet<string> { "FONDO-PERDUTO", "GARANZIA", "LIQUIDITA" },
        held ?? new Dictionary<ulong, byte>(), last);

    private static async Task<(FeedSummary Summary, List<FeedIssue> Issues, List<FeedRecord> Records)> RunAsync(byte[] bytes, FeedContext? context = null)
    {
        var issues = new List<FeedIssue>();
        var records = new List<FeedRecord>();
        var summary = await new FeedValidator(context ?? Context()).RunAsync(new MemoryStream(bytes),
            i => { issues.Add(i); return ValueTask.CompletedTask; }, r => { records.Add(r); return ValueTask.CompletedTask; });
        return (summary, issues, records);
    }

    [Fact]
    public async Task A_clean_feed_passes_with_its_records_and_totals()
    {
        var (summary, issues, records) = await RunAsync(Clean(10, Rif));
        Assert.Empty(issues);
        Assert.Equal(10, summary.Lines);
        Assert.Equal(10, records.Count);
        Assert.Equal(Rif, summary.DataRiferimento);
        Assert.Equal(2, summary.PerStato["EROGATA"].Pratiche);
        Assert.Equal(2 * 1200050L, summary.PerStato["EROGATA"].Erogato);
        Assert.Equal(1500000L, records[0].ImportoRichiesto);
    }

    [Fact]
    public async Task The_published_example_passes()
    {
        var example = FeedFormat.Example(Ente, Rif, ["FONDO-PERDUTO", "GARANZIA"]);
        var context = Context() with
        {
            Comuni = new Dictionary<string, string> { ["042002"] = "AN", ["041044"] = "PU", ["043023"] = "MC", ["044007"] = "AP", ["109006"] = "FM" },
        };
        var (summary, issues, _) = await RunAsync(Encoding.UTF8.GetBytes(example), context);
        Assert.Empty(issues);
        Assert.Equal(5, summary.Lines);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public async Task LF_and_CRLF_line_ends_are_both_read(string eol)
    {
        var (summary, issues, records) = await RunAsync(Bytes([Fields("A", Rif), Fields("B", Rif)], eol));
        Assert.Empty(issues);
        Assert.Equal(2, summary.Lines);
        Assert.Equal("Erogazione in unica soluzione", records[1].Note);
    }

    [Fact]
    public async Task A_BOM_is_tolerated_and_the_last_line_may_lack_its_newline()
    {
        var bytes = Bytes([Fields("A", Rif), Fields("B", Rif)], bom: true);
        var (summary, issues, _) = await RunAsync(bytes[..^1]);
        Assert.Empty(issues);
        Assert.Equal(2, summary.Lines);
    }

    [Fact]
    public async Task A_Latin1_file_is_refused_with_the_line_and_byte()
    {
        var text = Text([Fields("A", Rif), Fields("B", Rif).With(FeedFormat.Denominazione, "Società Agricola Però")]);
        var (_, issues, _) = await RunAsync(Encoding.Latin1.GetBytes(text));
        var issue = Assert.Single(issues);
        Assert.Equal(("F02", 3), (issue.Code, issue.Line));
        Assert.Equal("0xE0", issue.Value);
        Assert.Contains("riga 3, byte ", issue.Message);
        Assert.Contains("Latin-1", issue.Message);
        Assert.Contains("«à»", issue.Message);
        var expectedByte = Encoding.Latin1.GetBytes(Line(Fields("B", Rif).With(FeedFormat.Denominazione, "Società Agricola Però"))).AsSpan().IndexOf((byte)0xE0) + 1;
        Assert.Contains($"byte {expectedByte} della riga", issue.Message);
    }

    [Fact]
    public async Task Invalid_UTF8_is_refused_even_if_not_Latin1()
    {
        var good = Encoding.UTF8.GetBytes(FeedFormat.Header + "\n" + Line(Fields("A", Rif)) + "\n");
        byte[] bad = [.. good, .. Encoding.UTF8.GetBytes("ENTE|"), 0xC3, 0x28, (byte)'\n']; // overlong start byte followed by '('
        var (_, issues, _) = await RunAsync(bad);
        var issue = Assert.Single(issues);
        Assert.Equal(("F02", 3, "0xC3"), (issue.Code, issue.Line, issue.Value));
        Assert.Contains("byte 6 della riga", issue.Message);
    }

    [Theory]
    [InlineData("CODICE_ENTE|DATA_RIFERIMENTO")]
    [InlineData("codice_ente|DATA_RIFERIMENTO|ID_PRATICA|CF_PIVA_BENEFICIARIO|DENOMINAZIONE_BENEFICIARIO|COMUNE_ISTAT|MISURA|DATA_DOMANDA|IMPORTO_RICHIESTO|STATO_PRATICA|DATA_DELIBERA|IMPORTO_DELIBERATO|DATA_EROGAZIONE|IMPORTO_EROGATO|NOTE")]
    [InlineData("CODICE_ENTE;DATA_RIFERIMENTO;ID_PRATICA")]
    [InlineData("")]
    public async Task A_wrong_header_is_refused(string header)
    {
        var (_, issues, records) = await RunAsync(Encoding.UTF8.GetBytes(header + "\n" + Line(Fields("A", Rif)) + "\n"));
        var issue = Assert.Single(issues);
        Assert.Equal(("F03", 1), (issue.Code, issue.Line));
        Assert.Contains(FeedFormat.Header, issue.Message);
        Assert.Empty(records);
    }

    [Fact]
    public async Task An_empty_file_and_a_header_only_file_are_refused()
    {
        var (_, empty, _) = await RunAsync([]);
        Assert.Equal("F01", Assert.Single(empty).Code);
        var (_, headerOnly, _) = await RunAsync(Encoding.UTF8.GetBytes(FeedFormat.Header + "\n"));
        Assert.Equal("F04", Assert.Single(headerOnly).Code);
    }

    [Fact]
    public async Task A_pipe_too_many_or_too_few_is_an_error_of_that_line_only()
    {
        var lines = new[] { Line(Fields("A", Rif)), Line(Fields("B", Rif)) + "|", Line(Fields("C", Rif))[..Line(Fields("C", Rif)).LastIndexOf('|')], Line(Fields("D", Rif)) };
        var (summary, issues, records) = await RunAsync(Encoding.UTF8.GetBytes(FeedFormat.Header + "\n" + string.Join("\n", lines) + "\n"));
        Assert.Equal([("F05", 3), ("F05", 4)], issues.Select(i => (i.Code, i.Line)));
        Assert.Contains("16 campi", issues[0].Message);
        Assert.Contains("14 campi", issues[1].Message);
        Assert.Equal(["A", "D"], records.Select(r => r.IdPratica));
        Assert.Equal(2, summary.Errors);
    }

    [Fact]
    public async Task A_huge_line_is_reported_and_skipped_without_holding_it()
    {
        var huge = Fields("B", Rif).With(FeedFormat.Note, new string('x', 5_000_000));
        var (_, issues, records) = await RunAsync(Bytes([Fields("A", Rif), huge, Fields("C", Rif)]));
        var issue = Assert.Single(issues);
        Assert.Equal(("F06", 3), (issue.Code, issue.Line));
        Assert.Equal(["A", "C"], records.Select(r => r.IdPratica));
    }

    [Fact]
    public async Task An_empty_line_in_the_middle_is_an_error()
    {
        var (_, issues, _) = await RunAsync(Encoding.UTF8.GetBytes(FeedFormat.Header + "\n" + Line(Fields("A", Rif)) + "\n\n" + Line(Fields("B", Rif)) + "\n"));
        Assert.Equal(("F07", 3), (Assert.Single(issues).Code, issues[0].Line));
    }

    public static TheoryData<string, string, string, string> BrokenFields() => new()
    {
        // rule, state of the line, field, value
        { "R01", "EROGATA", FeedFormat.CodiceEnte, "CONFIDI-MARCHE-02" },
        { "R01", "EROGATA", FeedFormat.CodiceEnte, "" },
        { "R02", "EROGATA", FeedFormat.DataRiferimento, "2026-11-30" },
        { "R02", "EROGATA", FeedFormat.DataRiferimento, "31/11/2026" },
        { "R05", "EROGATA", FeedFormat.IdPratica, "" },
        { "R05", "EROGATA", FeedFormat.IdPratica, new string('9', 101) },
        { "R05", "EROGATA", FeedFormat.IdPratica, " PR-9" },
        { "R07", "EROGATA", FeedFormat.CfPiva, "01234560422" },
        { "R07", "EROGATA", FeedFormat.CfPiva, "RSSMRA80A01H501X" },
        { "R07", "EROGATA", FeedFormat.CfPiva, "rssmra80a01h501u" },
        { "R07", "EROGATA", FeedFormat.CfPiva, "12345" },
        { "R08", "EROGATA", FeedFormat.Denominazione, "" },
        { "R08", "EROGATA", FeedFormat.Denominazione, "   " },
        { "R09", "EROGATA", FeedFormat.Denominazione, new string('a', 201) },
        { "R10", "EROGATA", FeedFormat.ComuneIstat, "42002" },
        { "R10", "EROGATA", FeedFormat.ComuneIstat, "04200A" },
        { "R11", "EROGATA", FeedFormat.ComuneIstat, "099999" },
        { "R12", "EROGATA", FeedFormat.Misura, "BONUS" },
        { "R12", "EROGATA", FeedFormat.Misura, "" },
        { "R13", "EROGATA", FeedFormat.DataDomanda, "" },
        { "R13", "EROGATA", FeedFormat.DataDomanda, "1/10/2026" },
        { "R14", "EROGATA", FeedFormat.ImportoRichiesto, "15000.00" },
        { "R14", "EROGATA", FeedFormat.ImportoRichiesto, "15.000,00" },
        { "R14", "EROGATA", FeedFormat.ImportoRichiesto, "15000,001" },
        { "R14", "EROGATA", FeedFormat.ImportoRichiesto, "15000," },
        { "R14", "EROGATA", FeedFormat.ImportoRichiesto, "-5,00" },
        { "R14", "EROGATA", FeedFormat.ImportoRichiesto, "" },
        { "R14", "EROGATA", FeedFormat.ImportoRichiesto, "€ 100" },
        { "R15", "EROGATA", FeedFormat.ImportoRichiesto, "0,00" },
        { "R16", "EROGATA", FeedFormat.StatoPratica, "APPROVATA" },
        { "R16", "EROGATA", FeedFormat.StatoPratica, "erogata" },
        { "R17", "DELIBERATA", FeedFormat.DataDelibera, "" },
        { "R17", "EROGATA", FeedFormat.DataDelibera, "10-06-2026" },
        { "R18", "DELIBERATA", FeedFormat.ImportoDeliberato, "" },
        { "R18", "EROGATA", FeedFormat.ImportoDeliberato, "1.000" },
        { "R19", "EROGATA", FeedFormat.DataErogazione, "" },
        { "R20", "EROGATA", FeedFormat.ImportoErogato, "" },
        { "R20", "EROGATA", FeedFormat.ImportoErogato, "100,123" },
        { "R21", "EROGATA", FeedFormat.Note, new string('n', 501) },
        { "R23", "EROGATA", FeedFormat.ImportoErogato, "12000,51" },
    };

    [Theory]
    [MemberData(nameof(BrokenFields))]
    public async Task Each_field_rule_fails_on_its_own_line_and_the_clean_lines_pass(string rule, string stato, string field, string value)
    {
        var broken = Fields("ROTTA", Rif, stato: stato).With(field, value);
        var (summary, issues, records) = await RunAsync(Bytes([Fields("A", Rif), broken, Fields("C", Rif, stato: stato)]));
        Assert.All(issues, i => Assert.Equal(3, i.Line));
        var issue = Assert.Single(issues, i => i.Code == rule);
        Assert.False(issue.Avviso);
        if (FeedFormat.Rule(rule).Field is { } f) Assert.Equal(f, issue.Field);
        Assert.False(string.IsNullOrWhiteSpace(issue.Message));
        Assert.Equal(["A", "C"], records.Select(r => r.IdPratica));
        Assert.True(summary.PerRule[rule] >= 1);
    }

    [Fact]
    public async Task A_future_reference_date_is_an_error()
    {
        var future = Today.AddDays(1);
        var line = Fields("A", future);
        var (_, issues, _) = await RunAsync(Bytes([line]));
        Assert.Equal("R03", Assert.Single(issues).Code);
    }

    [Fact]
    public async Task The_reference_date_must_be_the_same_on_every_line()
    {
        var (_, issues, _) = await RunAsync(Bytes([Fields("A", Rif), Fields("B", Rif.AddDays(-1))]));
        Assert.Equal(("R04", 3), (Assert.Single(issues).Code, issues[0].Line));
    }

    [Fact]
    public async Task A_repeated_ID_PRATICA_names_the_first_line()
    {
        var (_, issues, _) = await RunAsync(Bytes([Fields("A", Rif), Fields("B", Rif), Fields("A", Rif)]));
        var issue = Assert.Single(issues);
        Assert.Equal(("R06", 4), (issue.Code, issue.Line));
        Assert.Contains("riga 2", issue.Message);
    }

    [Theory]
    [InlineData(FeedFormat.DataDelibera, -70)]   // delibera before domanda
    [InlineData(FeedFormat.DataErogazione, -40)] // erogazione before delibera (−30)
    [InlineData(FeedFormat.DataDomanda, -20)]    // domanda after delibera (−30)
    public async Task Dates_out_of_order_are_an_error(string field, int days)
    {
        var line = Fields("A", Rif).With(field, D(Rif.AddDays(days)));
        var (_, issues, _) = await RunAsync(Bytes([line]));
        Assert.Equal("R22", Assert.Single(issues).Code);
    }

    [Fact]
    public async Task An_erogazione_after_the_reference_date_is_out_of_order_too()
    {
        var (_, issues, _) = await RunAsync(Bytes([Fields("A", Rif).With(FeedFormat.DataErogazione, D(Rif.AddDays(1)))]));
        Assert.Equal("R22", Assert.Single(issues).Code);
    }

    [Fact]
    public async Task A_revoked_practice_needs_both_payment_fields_or_neither()
    {
        var revoked = Fields("A", Rif, stato: "REVOCATA");
        var beforePayment = revoked.With(FeedFormat.DataErogazione, "").With(FeedFormat.ImportoErogato, "");
        var halfPaid = revoked.With(FeedFormat.ImportoErogato, "");
        var (_, issues, records) = await RunAsync(Bytes([revoked, beforePayment.With(FeedFormat.IdPratica, "B"), halfPaid.With(FeedFormat.IdPratica, "C")]));
        Assert.Equal(("R20", 4), (Assert.Single(issues).Code, issues[0].Line));
        Assert.Equal(["A", "B"], records.Select(r => r.IdPratica));
    }

    [Fact]
    public async Task Deliberato_above_richiesto_is_a_warning_and_the_line_is_still_valid()
    {
        var line = Fields("A", Rif).With(FeedFormat.ImportoDeliberato, "16000,00").With(FeedFormat.ImportoErogato, "16000,00");
        var (summary, issues, records) = await RunAsync(Bytes([line]));
        var issue = Assert.Single(issues);
        Assert.Equal(("W01", true), (issue.Code, issue.Avviso));
        Assert.Equal((0, 1), (summary.Errors, summary.Warnings));
        Assert.Single(records);
    }

    [Fact]
    public async Task Going_back_in_state_is_a_warning()
    {
        var held = new Dictionary<ulong, byte> { [PraticaKey.Hash("A")] = 3, [PraticaKey.Hash("B")] = 1 };
        var (_, issues, _) = await RunAsync(Bytes([Fields("A", Rif, stato: "IN_ISTRUTTORIA"), Fields("B", Rif, stato: "DELIBERATA")]), Context(held));
        var issue = Assert.Single(issues);
        Assert.Equal(("W02", 2, true), (issue.Code, issue.Line, issue.Avviso));
        Assert.Contains("EROGATA", issue.Message);
    }

    [Fact]
    public async Task A_reference_date_older_than_the_last_accepted_feed_is_a_warning()
    {
        var (_, issues, _) = await RunAsync(Bytes([Fields("A", Rif)]), Context(last: Rif.AddDays(1)));
        Assert.Equal(("W03", true), (Assert.Single(issues).Code, issues[0].Avviso));
        var (_, same, _) = await RunAsync(Bytes([Fields("A", Rif)]), Context(last: Rif));
        Assert.Empty(same);
    }

    [Fact]
    public void Every_rule_of_the_definition_has_a_unique_code_and_the_header_follows_the_fields()
    {
        Assert.Equal(FeedFormat.Rules.Count, FeedFormat.Rules.Select(r => r.Code).Distinct().Count());
        Assert.Equal("CODICE_ENTE|DATA_RIFERIMENTO|ID_PRATICA|CF_PIVA_BENEFICIARIO|DENOMINAZIONE_BENEFICIARIO|COMUNE_ISTAT|MISURA|DATA_DOMANDA|IMPORTO_RICHIESTO|STATO_PRATICA|DATA_DELIBERA|IMPORTO_DELIBERATO|DATA_EROGAZIONE|IMPORTO_EROGATO|NOTE", FeedFormat.Header);
    }

    [Fact]
    public async Task A_large_feed_streams_without_growing_with_the_file()
    {
        // 200,000 lines read from a stream that produces them on the fly: the validator never sees the file whole.
        var stream = new GeneratedFeed(200_000, Rif);
        var summary = await new FeedValidator(Context()).RunAsync(stream, _ => ValueTask.CompletedTask);
        Assert.Equal(200_000, summary.Lines);
        Assert.Equal(0, summary.Errors);
        Assert.True(GC.GetTotalMemory(false) < 200L * 1024 * 1024);
    }
}
