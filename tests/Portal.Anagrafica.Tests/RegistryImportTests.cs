using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Anagrafica.Data;
using Portal.Anagrafica.Services;
using Portal.Core.Validation;
using Portal.Testing;

namespace Portal.Anagrafica.Tests;

public class RegistryImportTests(AnagraficaPortal portal) : IClassFixture<AnagraficaPortal>
{
    private const string Header = "codice_fiscale;cognome;nome;indirizzo;civico;cap;comune_istat;telefono;cellulare;email;stato_civile;cittadinanza;titolo_studio";

    private static string NewCf(string place = "A271")
    {
        var letters = new string(Guid.NewGuid().ToString("N").Select(c => (char)('A' + c % 26)).Take(6).ToArray());
        var first15 = $"{letters}85M41{place}";
        return first15 + CodiceFiscale.CheckCharacter(first15);
    }

    private Task<int> CountAsync() => portal.InScopeAsync(sp => sp.GetRequiredService<AnagraficaDbContext>().Registry.CountAsync());

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv, string fileName = "registro.csv")
    {
        var token = await PortalClient.TokenAsync(client, "/admin/anagrafica/registro");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", fileName },
        };
        return await client.PostAsync("/admin/anagrafica/registro", content);
    }

    [Fact]
    public async Task The_demo_recipe_loads_rows_for_the_demo_citizens()
    {
        var row = await portal.InScopeAsync(sp => sp.GetRequiredService<IRegistrySource>().FindAsync(Demo.Cittadino, default));
        Assert.Equal(("ROSSI", "042002", "60121", "CO"), (row!.Cognome, row.ResidenzaComuneIstat, row.ResidenzaCap, row.StatoCivile));
    }

    [Fact]
    public async Task An_administrator_imports_a_good_file_and_existing_rows_are_updated()
    {
        var admin = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var (a, b) = (NewCf(), NewCf());
        var before = await CountAsync();
        var csv = $"{Header}\n{a};Verdi;Anna;Via Roma;1;60121;042002;;3331112222;anna@example.org;CN;100;40\n\"{b}\";Bianchi;Luca;\"Via Mazzini; interno 2\";5;61121;041044;0721111111;;;CO;215;\n";
        var html = await Inputs.HtmlAsync(await UploadAsync(admin, csv));
        Assert.Contains("Caricamento completato: 2 righe lette, 2 aggiunte, 0 aggiornate.", html);
        Assert.Equal(before + 2, await CountAsync());
        var row = await portal.InScopeAsync(sp => sp.GetRequiredService<IRegistrySource>().FindAsync(b, default));
        Assert.Equal(("BIANCHI", "Via Mazzini; interno 2", "215", null), (row!.Cognome, row.ResidenzaVia, row.Cittadinanza, row.TitoloStudio));

        var lastAudit = (await portal.AuditAsync("Indice regionale del welfare")).Select(e => e.Id).DefaultIfEmpty().Max();
        html = await Inputs.HtmlAsync(await UploadAsync(admin, $"{Header}\n{a};Verdi;Anna;Via Nuova;2;60121;042002;;;;;;\n"));
        Assert.Contains("1 righe lette, 0 aggiunte, 1 aggiornate", html);
        Assert.Equal("Via Nuova", (await portal.InScopeAsync(sp => sp.GetRequiredService<IRegistrySource>().FindAsync(a, default)))!.ResidenzaVia);
        var audit = Assert.Single(await portal.AuditAsync("Indice regionale del welfare"), e => e.Id > lastAudit);
        Assert.Equal("RegistroWelfareImportato", audit.Action);
        Assert.EndsWith(": 0 righe aggiunte, 1 aggiornate.", audit.Details);
    }

    [Fact]
    public async Task A_file_with_bad_rows_lists_each_error_by_row_and_writes_nothing()
    {
        var admin = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var good = NewCf();
        var before = await CountAsync();
        var csv = string.Join("\n",
            Header,
            $"{good};Verdi;Anna;Via Roma;1;60121;042002;;;;CN;100;40",
            "RSSMRA80A01H501A;Rossi;Mario;;;;;;;;;;",
            $"{good};Doppio;Anna;;;;;;;;;;",
            $"{NewCf()};Neri;Ugo;Via Po;3;6012;999999;071-ABC;;posta@;XX;999;99",
            ";senza;codice;;;;;;;;;;");
        var response = await UploadAsync(admin, csv);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await Inputs.HtmlAsync(response);
        Assert.Contains("Il file contiene errori: nessuna riga è stata caricata.", html);
        Assert.Contains("Riga 3: codice fiscale «RSSMRA80A01H501A» non valido.", html);
        Assert.Contains($"Riga 4: codice fiscale {good} già presente alla riga 2.", html);
        Assert.Contains("Riga 5: CAP «6012» non valido (5 cifre).", html);
        Assert.Contains("Riga 5: codice ISTAT del Comune «999999» sconosciuto.", html);
        Assert.Contains("Riga 5: email «posta@» non valida.", html);
        Assert.Contains("Riga 5: telefono «071-ABC» non valido.", html);
        Assert.Contains("Riga 5: stato civile «XX» non presente nella tabella di decodifica.", html);
        Assert.Contains("Riga 5: cittadinanza «999» non presente nella tabella degli stati.", html);
        Assert.Contains("Riga 5: titolo di studio «99» non presente nella tabella di decodifica.", html);
        Assert.Contains("Riga 6: codice fiscale mancante.", html);
        Assert.Equal(before, await CountAsync());
        Assert.Null(await portal.InScopeAsync(sp => sp.GetRequiredService<IRegistrySource>().FindAsync(good, default)));
    }

    [Theory]
    [InlineData("", "Scegliere il file CSV da caricare.")]
    [InlineData("cognome;nome\nRossi;Mario\n", "Colonna mancante: «codice_fiscale».")]
    [InlineData("codice_fiscale;cognome\n", "Il file non contiene righe di dati.")]
    public async Task Empty_or_unusable_files_are_explained(string csv, string message)
    {
        var admin = await portal.LoginAsync(Demo.Amministratore, "Amministratore");
        var html = await Inputs.HtmlAsync(await UploadAsync(admin, csv));
        Assert.Contains(message, html);
    }

    [Fact]
    public async Task Only_those_with_the_permission_reach_the_import_page()
    {
        var editor = await portal.LoginAsync(Demo.Editor, "Editor");
        var r = await editor.GetAsync("/admin/anagrafica/registro");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.StartsWith("/accesso-negato", r.Headers.Location!.PathAndQuery);
        var citizen = await portal.LoginAsync(Demo.Cittadino);
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.GetAsync("/admin/anagrafica/registro")).StatusCode);
        Assert.Contains("Indice regionale del welfare", await (await portal.LoginAsync(Demo.Amministratore, "Amministratore")).GetStringAsync("/admin/anagrafica/registro"));
    }

    [Fact]
    public async Task A_recipe_with_a_bad_row_fails_and_writes_nothing()
    {
        var before = await CountAsync();
        var result = await portal.ImportRowsAsync(new RegistryRow(NewCf(), "Buono"), new RegistryRow("NONVALIDO"));
        Assert.Equal(["Riga 2: codice fiscale «NONVALIDO» non valido."], result.Errors);
        Assert.Equal(before, await CountAsync());
    }
}
