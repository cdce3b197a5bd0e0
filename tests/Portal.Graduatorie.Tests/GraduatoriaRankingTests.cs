using Portal.Graduatorie.Data;
using Portal.Graduatorie.Model;
using Portal.Graduatorie.Services;

namespace Portal.Graduatorie.Tests;

/// <summary>The ordering rule of the regional Graduatoria on hand-made rows.</summary>
public class GraduatoriaRankingTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly Guid Finestra = Guid.Parse("6f1c3a52-0d7e-4b8a-9a51-0c2b7f3e9d11");
    private static readonly DateTime T0 = new(2026, 9, 10, 8, 0, 0, DateTimeKind.Utc);

    private static RigaConsolidata Row(string comune, string cf, decimal isee, DateOnly birth, DateTime validSince, int row = 2)
    {
        var invio = new Invio { ComuneIstat = comune, OperatorName = "op", FileName = "f.xlsx", Sha256 = "x", DecidedUtc = validSince };
        var riga = new InvioRiga
        {
            InvioId = invio.Id, Row = row, CfStudente = cf, CognomeStudente = "C" + cf[..3], NomeStudente = "N", DataNascitaStudente = birth,
            CfRichiedente = "X", CognomeRichiedente = "X", NomeRichiedente = "X", CodiceMeccanografico = "ANIS001001", Classe = 1, ValoreIsee = isee,
        };
        return new RigaConsolidata(comune, comune, invio, riga);
    }

    [Fact]
    public void Isee_ascending_then_younger_first_then_the_code_and_the_first_borse_are_beneficiari()
    {
        var birth = new DateOnly(2011, 1, 1);
        RigaConsolidata[] rows =
        [
            Row("042002", "AAAAAA11A01A271A", 7000, birth, T0),
            Row("042002", "BBBBBB11A01A271B", 5000, birth, T0),
            Row("041044", "CCCCCC12A01A271C", 5000, birth.AddYears(1), T0),
            Row("041044", "DDDDDD11A01A271D", 5000, birth, T0),
            Row("041044", "EEEEEE11A01A271E", 100, birth.AddYears(-5), T0),
        ];
        var (pos, esclusi) = GraduatoriaRanking.Rank(Guid.NewGuid(), Finestra, rows, 2, Key);

        Assert.Equal(0, esclusi);
        Assert.Equal("EEEEEE11A01A271E", pos[0].CfStudente);
        Assert.Equal("CCCCCC12A01A271C", pos[1].CfStudente);
        // B and D tie on ISEE and birth date: the lower pseudonymous code comes first.
        var tie = new[] { pos[2], pos[3] };
        Assert.Equal(["BBBBBB11A01A271B", "DDDDDD11A01A271D"], tie.Select(p => p.CfStudente).Order());
        Assert.True(string.CompareOrdinal(pos[2].Codice, pos[3].Codice) < 0);
        Assert.Equal("AAAAAA11A01A271A", pos[4].CfStudente);
        Assert.Equal([1, 2, 3, 4, 5], pos.Select(p => p.Posizione));
        Assert.Equal([EsitoPosizione.Beneficiario, EsitoPosizione.Beneficiario, EsitoPosizione.Idoneo, EsitoPosizione.Idoneo, EsitoPosizione.Idoneo], pos.Select(p => p.Esito));

        var (again, _) = GraduatoriaRanking.Rank(Guid.NewGuid(), Finestra, rows.Reverse(), 2, Key);
        Assert.Equal(pos.Select(p => (p.CfStudente, p.Codice)), again.Select(p => (p.CfStudente, p.Codice)));
    }

    [Fact]
    public void A_student_in_two_comuni_is_placed_once_through_the_list_that_became_valid_first()
    {
        var birth = new DateOnly(2011, 1, 1);
        RigaConsolidata[] rows =
        [
            Row("041044", "AAAAAA11A01A271A", 3000, birth, T0.AddHours(1), 5),
            Row("042002", "AAAAAA11A01A271A", 9000, birth, T0, 7),
            Row("042002", "BBBBBB11A01A271B", 5000, birth, T0),
        ];
        var (pos, esclusi) = GraduatoriaRanking.Rank(Guid.NewGuid(), Finestra, rows, 10, Key);

        Assert.Equal(1, esclusi);
        Assert.Equal(2, pos.Count);
        var a = pos.Single(p => p.CfStudente == "AAAAAA11A01A271A");
        Assert.Equal(("042002", 7, 9000m, 2), (a.ComuneIstat, a.Riga, a.ValoreIsee, a.Posizione));
    }

    [Fact]
    public void Codes_are_short_readable_keyed_and_different_per_finestra()
    {
        var code = CodiciPseudonimi.Code(Key, Finestra, "RSSMRA80A01H501U");
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", code);
        Assert.Equal(code, CodiciPseudonimi.Code(Key, Finestra, "rssmra80a01h501u"));
        Assert.NotEqual(code, CodiciPseudonimi.Code(Key.Reverse().ToArray(), Finestra, "RSSMRA80A01H501U"));
        Assert.NotEqual(code, CodiciPseudonimi.Code(Key, Guid.NewGuid(), "RSSMRA80A01H501U"));
        Assert.NotEqual(code, CodiciPseudonimi.Code(Key, Finestra, "RSSMRA80A01H501U", 1));
    }
}

/// <summary>The CSV of the consolidated list on hand-made rows.</summary>
public class ConsolidatoCsvTests
{
    [Fact]
    public void Fields_with_separators_or_quotes_are_quoted_and_formula_prefixes_are_neutralised()
    {
        var invio = new Invio { ComuneIstat = "042002", OperatorName = "op", FileName = "f.xlsx", Sha256 = "x", DecidedUtc = DateTime.UtcNow };
        var riga = new InvioRiga
        {
            InvioId = invio.Id, Row = 2, CfStudente = "RSSLCU11C01A271X", CognomeStudente = "D'Amico; \"detto\" Bo", NomeStudente = "=1+1",
            DataNascitaStudente = new DateOnly(2011, 3, 1), CfRichiedente = "X", CognomeRichiedente = "X", NomeRichiedente = "X",
            CodiceMeccanografico = "ANIS001001", Classe = 2, ValoreIsee = 1234.5m, Note = "riga\nseconda",
        };
        var text = System.Text.Encoding.UTF8.GetString(Portal.Graduatorie.Export.ConsolidatoExport.Csv([new RigaConsolidata("042002", "Ancona", invio, riga)])[3..]);

        Assert.Contains(";\"D'Amico; \"\"detto\"\" Bo\";'=1+1;01/03/2011;", text);
        Assert.Contains(";2;1234,50;\"riga\nseconda\";", text);
    }
}
