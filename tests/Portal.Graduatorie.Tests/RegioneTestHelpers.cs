using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Contents.Model;
using Portal.Contents.Services;
using Portal.Core.Time;
using Portal.Graduatorie.Data;
using Portal.Graduatorie.Model;
using Portal.Graduatorie.Services;
using Portal.Testing;
using static Portal.Graduatorie.Tests.GraduatorieTestHelpers;

namespace Portal.Graduatorie.Tests;

/// <summary>Windows with a chosen number of scholarships, and valid lists of named students for the regional tests.</summary>
internal static class RegioneTestHelpers
{
    public static readonly DateOnly RichiedenteBirth = new(1980, 1, 1);

    public sealed record Studente(string Sur3, string Name3, string Cognome, string Nome, DateOnly Nascita, double Isee, bool Female = false)
    {
        public string Cf => ElencoFiles.Cf(Sur3, Name3, Nascita, Female);

        public object?[] Row() =>
        [
            Cf, Cognome, Nome, Nascita.ToDateTime(TimeOnly.MinValue), ElencoFiles.Cf("RSS", "MRA", RichiedenteBirth), "Rossi", "Mario",
            "ANIS001001", 3, Isee, null,
        ];
    }

    public static readonly Studente Zanardelli = new("ZNR", "LDA", "Zanardelli", "Aldo", new DateOnly(2011, 5, 10), 5000);
    public static readonly Studente Quercetti = new("QRC", "BCI", "Quercetti", "Bice", new DateOnly(2010, 2, 2), 9000, true);
    public static readonly Studente Mariotti = new("MRT", "CRL", "Mariotti", "Carla", new DateOnly(2012, 1, 15), 3000, true);
    public static readonly Studente Fabbri = new("FBB", "DNI", "Fabbri", "Dino", new DateOnly(2012, 7, 7), 5000);

    /// <summary>An open window (opened a day ago, closing in ten days) with this number of scholarships.</summary>
    public static Task<Guid> CreateFinestraAsync(this PortalFactory portal, int borse) =>
        portal.CreateFinestraAsync("Finestra regionale", -1, 10, $"sogliaIsee=15748,78\nnumeroBorse={borse}");

    /// <summary>Uploads the students as the Comune's valid list (confirming it when it has warnings, e.g. W02 for a duplicate).</summary>
    public static async Task<Invio> ValidListAsync(this PortalFactory portal, Guid finestra, string comune, params Studente[] students)
    {
        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        var op = Operator(await portal.PersonIdAsync(Demo.OperatoreAncona), comune);
        var outcome = await portal.ServiceAsync(s => s.UploadAsync(op, finestra, comune, File(ElencoFiles.Workbook(students.Select(x => x.Row()))), default));
        var invio = outcome.Invio;
        if (invio.Stato == StatoInvio.InAttesaDiConferma)
            invio = await portal.ServiceAsync(s => s.ConfirmAsync(op, invio.Id, default));
        Assert.True(invio.Stato == StatoInvio.Valido, string.Join(" ", outcome.Issues.Select(i => i.Message)));
        return invio;
    }

    /// <summary>Ancona: Zanardelli, Quercetti, Mariotti; then Pesaro: Fabbri and Mariotti again (a cross-Comune duplicate).</summary>
    public static async Task<Guid> ScenarioAsync(this PortalFactory portal, int borse = 2)
    {
        var finestra = await portal.CreateFinestraAsync(borse);
        await portal.ValidListAsync(finestra, Ancona, Zanardelli, Quercetti, Mariotti);
        await portal.ValidListAsync(finestra, Pesaro, Fabbri, Mariotti);
        return finestra;
    }

    public static void CloseWindows(this PortalFactory portal) => portal.Clock.Advance(TimeSpan.FromDays(11));

    public static string Regione(Guid finestra, string rest = "") => $"/api/v1/graduatorie/regione/finestre/{finestra}{rest}";

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}
