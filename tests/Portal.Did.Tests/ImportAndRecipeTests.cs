using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace Portal.Did.Tests;

/// <summary>The CPI ↔ Comuni table of the setup recipe and the operators' CSV import of the Situazione Occupazionale.</summary>
[Collection(DidCollection.Name)]
public sealed class ImportAndRecipeTests(DidPortal portal)
{
    [Fact]
    public async Task Every_comune_of_the_marche_belongs_to_exactly_one_cpi_of_the_setup_recipe()
    {
        var shared = RepoPaths.Shared ?? throw new InvalidOperationException("PORTAL_SHARED_DIR non impostata: servono i Comuni ISTAT.");
        var marche = File.ReadLines(Path.Combine(shared, "data", "comuni.csv")).Skip(1).Select(l => l.Split(';'))
            .Where(p => p[4] == "Marche").Select(p => p[0]).ToList();
        var rows = File.ReadLines(Path.Combine(RepoPaths.Recipes, "data", "cpi-comuni.csv")).Skip(1).Select(l => l.Split(';')).ToList();
        Assert.Equal(rows.Count, rows.Select(r => r[0]).Distinct().Count());
        Assert.Equal(marche.Order(), rows.Select(r => r[0]).Order());
        using var setup = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Recipes, "setup.recipe.json")));
        var cpis = setup.RootElement.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("step").GetString() == "accreditamenti")
            .SelectMany(s => s.GetProperty("cpi").EnumerateArray()).Select(c => c.GetProperty("code").GetString()).ToHashSet();
        Assert.Equal(13, cpis.Count);
        Assert.All(rows, r => Assert.Contains(r[1], cpis));
        // Loaded by the setup recipe: the demo Comuni of the region each have their CPI.
        Assert.Equal("CPI-JESI", await portal.WithDidAsync(db => db.CpiComuni.Where(c => c.ComuneIstat == "042021").Select(c => c.CpiCode).SingleAsync()));
        Assert.Equal(marche.Count, await portal.WithDidAsync(db => db.CpiComuni.CountAsync()));
    }

    private static MultipartFormDataContent Csv(string text)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "situazioni.csv");
        return content;
    }

    [Fact]
    public async Task A_csv_with_errors_is_refused_row_by_row_and_nothing_is_written_a_good_one_is_imported()
    {
        var op = await portal.OperatorAsync("CPI-ANCONA");
        var good = DidPortal.NewCodiceFiscale();
        var bad = await op.PostAsync("/api/v1/did/cpi/situazioni/import",
            Csv($"codice_fiscale;cognome;nome;stato;dal\n{good};ROSSI;ANNA;disoccupato;01/03/2026\nABC;VERDI;LUCA;occupato;\n{DidPortal.NewCodiceFiscale()};NERI;PIA;pensionato;31/02/2026\n"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var message = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Riga 3: codice fiscale «ABC» non valido.", message);
        Assert.Contains("Riga 4: stato «pensionato» non valido", message);
        Assert.Contains("Riga 4: data «31/02/2026» non valida", message);
        Assert.False(await portal.WithDidAsync(db => db.Situazioni.AnyAsync(s => s.CodiceFiscale == good)));

        var ok = await op.PostAsync("/api/v1/did/cpi/situazioni/import", Csv($"codice_fiscale;cognome;nome;stato;dal\r\n{good};ROSSI;ANNA;disoccupato;01/03/2026\r\n"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var row = await portal.WithDidAsync(db => db.Situazioni.SingleAsync(s => s.CodiceFiscale == good));
        Assert.Equal(("CPI-ANCONA", new DateOnly(2026, 3, 1)), (row.CpiCode, row.Dal!.Value));

        // Another CPI's operator cannot overwrite that person.
        var pesaro = await portal.OperatorAsync("CPI-PESARO");
        var other = await pesaro.PostAsync("/api/v1/did/cpi/situazioni/import", Csv($"codice_fiscale;cognome;nome;stato;dal\n{good};ROSSI;ANNA;occupato;\n"));
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Contains("altro Centro per l'Impiego", await other.Content.ReadAsStringAsync());
        Assert.Equal("CPI-ANCONA", await portal.WithDidAsync(db => db.Situazioni.Where(s => s.CodiceFiscale == good).Select(s => s.CpiCode).SingleAsync()));
    }
}

[Collection(DidCollection.Name)]
public sealed class SituazioniPageTests(DidPortal portal)
{
    [Fact]
    public async Task The_operator_records_a_persons_state_and_imports_a_csv_from_the_page_with_errors_next_to_the_fields()
    {
        var op = await portal.OperatorAsync("CPI-ANCONA");
        var cf = DidPortal.NewCodiceFiscale();
        var bad = await DidPortal.PostFormAsync(op, "/cpi/situazioni", "/cpi/situazioni?handler=Salva",
            ("CodiceFiscale", "XYZ"), ("Cognome", ""), ("Nome", "Ada"), ("Stato", "boh"), ("Dal", "01/01/2099"));
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"errore-codiceFiscale\">Codice fiscale non valido.", html);
        Assert.Contains("data-testid=\"errore-cognome\">", html);
        Assert.Contains("data-testid=\"errore-stato\">", html);
        Assert.Contains("data-testid=\"errore-dal\">La data non può essere nel futuro.", html);

        var ok = await DidPortal.PostFormAsync(op, "/cpi/situazioni", "/cpi/situazioni?handler=Salva",
            ("CodiceFiscale", cf.ToLowerInvariant()), ("Cognome", "Lovelace"), ("Nome", "Ada"), ("Stato", "inoccupato"), ("Dal", "01/02/2026"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Contains(cf, await op.GetStringAsync("/cpi/situazioni?q=lovelace"));
        var api = await op.GetFromJsonAsync<JsonElement>($"/api/v1/did/cpi/situazioni?q={cf}");
        Assert.Equal("inoccupato", Assert.Single(api.EnumerateArray()).GetProperty("stato").GetString());

        // Another CPI does not see it and cannot change it.
        var pesaro = await portal.OperatorAsync("CPI-PESARO");
        Assert.DoesNotContain(cf, await pesaro.GetStringAsync("/cpi/situazioni"));
        var put = await pesaro.PutAsJsonAsync($"/api/v1/did/cpi/situazioni/{cf}", new { cognome = "Lovelace", nome = "Ada", stato = "occupato" });
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("altro Centro per l'Impiego", await put.Content.ReadAsStringAsync());

        var token = await PortalClient.TokenAsync(op, "/cpi/situazioni");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("codice_fiscale;cognome;nome;stato;dal\nNONVALIDO;A;B;occupato;\n")), "Csv", "s.csv" },
        };
        var import = await op.PostAsync("/cpi/situazioni?handler=Importa", form);
        Assert.Contains("Riga 2: codice fiscale «NONVALIDO» non valido.", System.Net.WebUtility.HtmlDecode(await import.Content.ReadAsStringAsync()));
    }
}
