using System.Text;
using Portal.Monitoraggio.Validation;

namespace Portal.Monitoraggio.Tests;

/// <summary>Builds feeds for the tests: a clean line per practice, and the ways to spoil one.</summary>
public static class Feeds
{
    public const string Ente = "ENTE-FORMAZIONE-01";
    public const string AltroEnte = "CONFIDI-MARCHE-02";

    public static string D(DateOnly d) => FeedValues.Date(d);

    /// <summary>The 15 fields of a clean EROGATA practice with reference date <paramref name="rif"/>.</summary>
    public static string[] Fields(string id, DateOnly rif, string ente = Ente, string stato = "EROGATA") => stato switch
    {
        "PRESENTATA" or "IN_ISTRUTTORIA" or "RESPINTA" or "RINUNCIATA" =>
            [ente, D(rif), id, "RSSMRA80A01H501U", "Rossi Mario", "042002", "FONDO-PERDUTO", D(rif.AddDays(-60)), "15000,00", stato, "", "", "", "", ""],
        "DELIBERATA" =>
            [ente, D(rif), id, "01234560421", "Bianchi Impianti S.r.l.", "041044", "GARANZIA", D(rif.AddDays(-60)), "15000,00", stato, D(rif.AddDays(-30)), "12000,50", "", "", ""],
        _ =>
            [ente, D(rif), id, "01234560421", "Bianchi Impianti S.r.l.", "043023", "LIQUIDITA", D(rif.AddDays(-60)), "15000,00", stato, D(rif.AddDays(-30)), "12000,50", D(rif.AddDays(-10)), "12000,50", "Erogazione in unica soluzione"],
    };

    public static string Line(string[] fields) => string.Join('|', fields);

    public static string Text(IEnumerable<string[]> lines, string eol = "\n") =>
        FeedFormat.Header + eol + string.Concat(lines.Select(l => Line(l) + eol));

    public static byte[] Bytes(IEnumerable<string[]> lines, string eol = "\n", bool bom = false)
    {
        var body = Encoding.UTF8.GetBytes(Text(lines, eol));
        return bom ? [0xEF, 0xBB, 0xBF, .. body] : body;
    }

    /// <summary>A clean feed of <paramref name="count"/> practices PR-1…, all states in turn.</summary>
    public static byte[] Clean(int count, DateOnly rif, string ente = Ente, string prefix = "PR-")
    {
        string[] stati = ["PRESENTATA", "IN_ISTRUTTORIA", "DELIBERATA", "EROGATA", "RESPINTA"];
        return Bytes(Enumerable.Range(1, count).Select(i => Fields($"{prefix}{i}", rif, ente, stati[(i - 1) % stati.Length])));
    }

    /// <summary>A line with one field replaced.</summary>
    public static string[] With(this string[] fields, string name, string value)
    {
        var copy = fields.ToArray();
        copy[FeedFormat.Fields.First(f => f.Name == name).Position - 1] = value;
        return copy;
    }
}
