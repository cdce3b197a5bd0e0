using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Portal.Bonus.Tests;

/// <summary>The Bozza section by section: each rule of art. 2 refused with its Italian message and nothing written; a saved section turns green.</summary>
[Collection(BonusCollection.Name)]
public sealed class DomandaSectionsTests(BonusPortal portal)
{
    private async Task<(Citizen C, Guid Id)> DraftAsync(string comune = "042002")
    {
        var c = await portal.CitizenAsync(comune);
        return (c, await c.CreateAsync(await portal.BandoIdAsync()));
    }

    /// <summary>The section is refused with 422, the message is on the field, and the row is exactly as before.</summary>
    private async Task RefusedAsync(Citizen c, Guid id, string sezione, object body, string field, string expected)
    {
        var before = await portal.InBonusAsync(db => db.Domande.AsNoTracking().Include(d => d.Componenti).Include(d => d.Figli).AsSingleQuery().SingleAsync(d => d.Id == id));
        var r = await c.PutSectionAsync(id, sezione, body);
        Assert.Equal((HttpStatusCode)422, r.StatusCode);
        var problem = await r.ProblemAsync();
        Assert.Equal("Dati non validi", problem["title"]!.GetValue<string>());
        var message = problem.Error(field);
        Assert.True(message is not null && message.Contains(expected, StringComparison.Ordinal), $"{field}: «{message}» non contiene «{expected}»; {problem}");
        var after = await portal.InBonusAsync(db => db.Domande.AsNoTracking().Include(d => d.Componenti).Include(d => d.Figli).AsSingleQuery().SingleAsync(d => d.Id == id));
        Assert.Equal(before.Revision, after.Revision);
        Assert.Equal(before.SezioniSalvate, after.SezioniSalvate);
        Assert.Equal(before.Componenti.Count, after.Componenti.Count);
        Assert.Equal(before.Figli.Count, after.Figli.Count);
        Assert.Equal(before.IseeValore, after.IseeValore);
        Assert.Equal(before.Ruolo, after.Ruolo);
    }

    [Fact]
    public async Task A_new_draft_is_prefilled_from_the_Anagrafica_and_every_section_starts_red()
    {
        var (c, id) = await DraftAsync();
        var d = await c.GetAsync(id);
        Assert.Equal("Bozza", d["stato"]!.GetValue<string>());
        Assert.Equal(c.Cf, d["codiceFiscale"]!.GetValue<string>());
        Assert.Equal("042002", d["comuneResidenzaIstat"]!.GetValue<string>());
        Assert.All(d["sezioni"]!.AsArray(), s => Assert.Equal("Da compilare", s!["stato"]!.GetValue<string>()));
        // A second draft for the same call is refused while the first is open.
        var again = await c.Client.PostAsJsonAsync("/api/v1/bonus/domande", new { bandoId = await portal.BandoIdAsync() });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("già una domanda in bozza", (await again.ProblemAsync())["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_saved_section_turns_green_and_only_that_one()
    {
        var (c, id) = await DraftAsync();
        await c.SaveAsync(id, "richiedente", DomandaSteps.Richiedente());
        var sezioni = (await c.GetAsync(id))["sezioni"]!.AsArray().ToDictionary(s => s!["codice"]!.GetValue<string>(), s => s!["stato"]!.GetValue<string>());
        Assert.Equal("Salvata", sezioni["richiedente"]);
        Assert.Equal("Da compilare", sezioni["nucleo"]);
        Assert.Equal("Da compilare", sezioni["isee"]);
        Assert.Equal(DomandaSectionModel.Saved("richiedente"), await portal.InBonusAsync(db => db.Domande.Where(d => d.Id == id).Select(d => d.SezioniSalvate).SingleAsync()));
    }

    [Fact]
    public async Task The_applicant_must_be_parent_or_guardian_living_with_the_child()
    {
        var (c, id) = await DraftAsync();
        await RefusedAsync(c, id, "richiedente", new { ruolo = "Nonno", conviveConFigli = true }, "ruolo", "genitore, tutore legale, genitore affidatario o adottivo");
        await RefusedAsync(c, id, "richiedente", new { ruolo = "GenitoreAffidatario", conviveConFigli = true }, "dataIngressoFiglio", "data di ingresso del figlio");
        await RefusedAsync(c, id, "richiedente", new { ruolo = "GenitoreAdottivo", conviveConFigli = true, dataIngressoFiglio = "2099-01-01" }, "dataIngressoFiglio", "prima della data della domanda");
        await RefusedAsync(c, id, "richiedente", new { ruolo = "Genitore", conviveConFigli = false }, "conviveConFigli", "convive con il figlio");
        await c.SaveAsync(id, "richiedente", new { ruolo = "GenitoreAdottivo", conviveConFigli = true, dataIngressoFiglio = "2019-09-01" });
    }

    [Fact]
    public async Task The_applicant_must_reside_in_the_region()
    {
        var (c, id) = await DraftAsync(comune: "058091");
        await RefusedAsync(c, id, "richiedente", DomandaSteps.Richiedente(), "comuneResidenza", "riservato ai residenti in Regione Marche");
    }

    [Fact]
    public async Task The_household_and_the_children_are_checked_codice_fiscale_by_codice_fiscale()
    {
        var (c, id) = await DraftAsync();
        var child = DomandaSteps.ChildCf(3);
        await RefusedAsync(c, id, "nucleo", DomandaSteps.Nucleo(("RSSMRA80A01H501X", "Figlio")), "componenti[0].codiceFiscale", "non è valido");
        await RefusedAsync(c, id, "nucleo", DomandaSteps.Nucleo((c.Cf, "Coniuge")), "componenti[0].codiceFiscale", "Il richiedente è già nel nucleo");
        await RefusedAsync(c, id, "nucleo", DomandaSteps.Nucleo((child, "Figlio"), (child, "Figlio")), "componenti[1].codiceFiscale", "compare due volte");
        await RefusedAsync(c, id, "nucleo", new { componenti = new[] { new { codiceFiscale = child, nome = "", cognome = "Bianchi", relazione = "Cugino" } } },
            "componenti[0].relazione", "coniuge, figlio o altro");
        await RefusedAsync(c, id, "figli", DomandaSteps.Figli(child), "figli", "Prima salva la sezione «Nucleo familiare»");
        await c.SaveAsync(id, "nucleo", DomandaSteps.Nucleo((child, "Figlio")));
        await RefusedAsync(c, id, "figli", new { figli = Array.Empty<object>() }, "figli", "almeno un figlio studente");
        await RefusedAsync(c, id, "figli", DomandaSteps.Figli(DomandaSteps.ChildCf(4)), "figli[0].codiceFiscale", "deve far parte del nucleo familiare");
        await RefusedAsync(c, id, "figli", new { figli = new[] { new { codiceFiscale = child, nome = "Anna", cognome = "Bianchi", livello = "Asilo", istituto = "X" } } },
            "figli[0].livello", "primo ciclo, secondo ciclo, IeFP, università, AFAM, ITS o IFTS");
        await RefusedAsync(c, id, "figli", new { figli = new[] { new { codiceFiscale = child, nome = "Anna", cognome = "Bianchi", livello = "Its", istituto = " " } } },
            "figli[0].istituto", "Indica la scuola");
        await c.SaveAsync(id, "figli", DomandaSteps.Figli(child));
        var d = await c.GetAsync(id);
        Assert.Equal(child, d["figli"]![0]!["codiceFiscale"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_Isee_must_be_within_the_limit_of_an_accepted_type_and_valid()
    {
        var (c, id) = await DraftAsync();
        await RefusedAsync(c, id, "isee", DomandaSteps.Isee("18.000,01"), "valore", "minore o uguale a 18.000,00 €");
        await RefusedAsync(c, id, "isee", DomandaSteps.Isee("mille"), "valore", "Indica il valore ISEE");
        await RefusedAsync(c, id, "isee", DomandaSteps.Isee("12.000,00", "minorenni"), "tipo", "ordinario o corrente");
        await RefusedAsync(c, id, "isee", new { valore = "12.000,00", tipo = "ordinario", protocolloDsu = "12345", dataRilascio = DomandaSteps.Today }, "protocolloDsu", "INPS-ISEE-anno");
        var lastYear = DateTime.UtcNow.AddYears(-1).ToString("yyyy-06-30");
        await RefusedAsync(c, id, "isee", new { valore = "12.000,00", tipo = "ordinario", protocolloDsu = "INPS-ISEE-2025-00123456A-00", dataRilascio = lastYear }, "dataRilascio", "è scaduta");
        await RefusedAsync(c, id, "isee", new { valore = "12.000,00", tipo = "ordinario", protocolloDsu = "INPS-ISEE-2026-00123456A-00", dataRilascio = "2099-01-01" }, "dataRilascio", "non può essere futura");
        await c.SaveAsync(id, "isee", DomandaSteps.Isee("18.000,00"));
        Assert.Equal(18000.00m, (await c.GetAsync(id))["iseeValore"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Device_occupation_and_declarations_are_checked()
    {
        var (c, id) = await DraftAsync();
        await RefusedAsync(c, id, "dispositivo", new { dispositivo = "tablet" }, "dispositivo", "PC portatile (600,00 €) o PC fisso (570,00 €)");
        await RefusedAsync(c, id, "occupazione", new { condizione = "pensionato" }, "condizione", "occupato o disoccupato ai sensi del D.lgs. 150/2015");
        await RefusedAsync(c, id, "dichiarazioni", new { accettate = new[] { "veridicita", "privacy" } }, "dichiarazioni.nessunAltroContributo", "obbligatoria");
        await c.SaveAsync(id, "dispositivo", DomandaSteps.Dispositivo("fisso"));
        await c.SaveAsync(id, "occupazione", DomandaSteps.Occupazione("occupato"));
        var d = await c.GetAsync(id);
        Assert.Equal(570.00m, d["importoRichiesto"]!.GetValue<decimal>());
        Assert.Equal("Dichiarata dal richiedente", d["condizioneFonte"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_section_or_an_unreadable_body_is_refused_in_Italian()
    {
        var (c, id) = await DraftAsync();
        var unknown = await c.PutSectionAsync(id, "conto-corrente", new { iban = "IT" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var wrongType = await c.PutSectionAsync(id, "nucleo", new { componenti = "tutti" });
        Assert.Equal((HttpStatusCode)422, wrongType.StatusCode);
        Assert.Contains("non sono leggibili", (await wrongType.ProblemAsync())["detail"]!.GetValue<string>());
    }
}

internal static class DomandaSectionModel
{
    public static Portal.Bonus.Model.SezioniDomanda Saved(string codice) => Portal.Bonus.Services.DomandaLabels.SezioneOf(codice)!.Value;
}
