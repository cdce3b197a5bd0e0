using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Comuni;
using Portal.Core.Data;
using Portal.Testing;

namespace Portal.Core.Tests;

public class ComuniImportTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<ComuniImportResult> ImportAsync(byte[] csv)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ComuniImporter>().ImportAsync(new MemoryStream(csv));
    }

    private async Task<T> QueryAsync<T>(Func<CoreDbContext, Task<T>> q)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await q(scope.ServiceProvider.GetRequiredService<CoreDbContext>());
    }

    [Fact]
    public async Task The_istat_list_in_shared_data_imports_whole_and_a_second_run_changes_nothing()
    {
        var file = RepoPaths.Shared is { } shared ? Path.Combine(shared, "data", "comuni.csv") : null;
        Assert.True(file is not null && File.Exists(file), "../shared/data/comuni.csv è necessario a questo test (lo fornisce il repository condiviso)");
        var bytes = await File.ReadAllBytesAsync(file!);
        var first = await ImportAsync(bytes);
        Assert.Empty(first.Errors);
        Assert.Equal(7904, first.Read);
        var codes = Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(';')[0]).ToHashSet();
        var stored = (await QueryAsync(db => db.Comuni.Select(c => c.CodiceIstat).ToListAsync())).ToHashSet();
        Assert.Equal(7904, codes.Count);
        Assert.True(codes.IsSubsetOf(stored));
        Assert.Equal(228, await QueryAsync(db => db.Comuni.CountAsync(c => c.Regione == "Marche" && c.CodiceIstat != "042999")));
        Assert.Equal(["AN", "AP", "FM", "MC", "PU"], await QueryAsync(db => db.Comuni.Where(c => c.Regione == "Marche" && c.CodiceIstat != "042999").Select(c => c.SiglaProvincia).Distinct().OrderBy(s => s).ToListAsync()));
        var second = await ImportAsync(bytes);
        Assert.Equal((0, 0), (second.Added, second.Updated));
    }

    [Fact]
    public async Task Istat_own_layout_in_latin1_with_its_headers_is_understood()
    {
        var csv = "Codice Regione;Codice Comune formato alfanumerico;Denominazione in italiano;Denominazione Regione;Denominazione dell'Unità territoriale sovracomunale (valida a fini statistici);Sigla automobilistica;Codice Catastale del comune\n" +
                  "11;042999;Città di Prova;Marche;Ancona;AN;Z999\n";
        var result = await ImportAsync(Encoding.Latin1.GetBytes(csv));
        Assert.Empty(result.Errors);
        var c = await QueryAsync(db => db.Comuni.SingleAsync(x => x.CodiceIstat == "042999"));
        Assert.Equal(("Città di Prova", "AN", "Z999", "Marche", "Ancona"), (c.Nome, c.SiglaProvincia, c.CodiceCatastale, c.Regione, c.Provincia));
    }

    [Fact]
    public async Task Bad_rows_are_reported_by_line_and_the_good_ones_imported()
    {
        var csv = "codice_istat;nome;sigla_provincia;provincia;regione;codice_catastale\n" +
                  "ABC;Nessuno;AN;Ancona;Marche;A000\n" +
                  "042998;;AN;Ancona;Marche;A001\n" +
                  "042997;Paese;ANC;Ancona;Marche;A002\n" +
                  "42996;Senza zeri;AN;Ancona;Marche;A003\n";
        var r = await ImportAsync(Encoding.UTF8.GetBytes(csv));
        Assert.Equal(3, r.Errors.Count);
        Assert.Contains(r.Errors, e => e.StartsWith("Riga 2:", StringComparison.Ordinal) && e.Contains("codice ISTAT", StringComparison.Ordinal));
        Assert.Contains(r.Errors, e => e.StartsWith("Riga 3:", StringComparison.Ordinal) && e.Contains("nome", StringComparison.Ordinal));
        Assert.Contains(r.Errors, e => e.StartsWith("Riga 4:", StringComparison.Ordinal) && e.Contains("sigla", StringComparison.Ordinal));
        Assert.Equal("Senza zeri", await QueryAsync(db => db.Comuni.Where(c => c.CodiceIstat == "042996").Select(c => c.Nome).SingleAsync()));
    }

    [Fact]
    public async Task A_file_without_the_needed_columns_is_refused_whole()
    {
        var r = await ImportAsync(Encoding.UTF8.GetBytes("a;b;c\n1;2;3\n"));
        Assert.Equal(0, r.Read);
        Assert.Contains("Colonna mancante", Assert.Single(r.Errors));
    }

    [Fact]
    public async Task The_command_line_imports_comuni_and_runs_recipes()
    {
        using var database = TestDatabase.Create();
        var env = new Dictionary<string, string>
        {
            ["Portal__Database__Provider"] = database.Provider.ToString(),
            ["Portal__Database__ConnectionString"] = database.ConnectionString,
            ["Portal__ComuniCsvPath"] = "",
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
        };
        var (code, output) = await RunCliAsync(env, "comuni", "import", Path.Combine(RepoPaths.Recipes, "data", "comuni-demo.csv"));
        Assert.True(code == 0, output);
        Assert.Contains("12 letti, 12 aggiunti", output);
        (code, output) = await RunCliAsync(env, "recipe", "run", Path.Combine(RepoPaths.Recipes, "setup.recipe.json"));
        Assert.True(code == 0, output);
        Assert.Contains("Ricetta «setup» eseguita.", output);
        (code, output) = await RunCliAsync(env, "recipe", "run", "/non/esiste.json");
        Assert.Equal(2, code);
        Assert.Contains("Ricetta non trovata", output);
    }

    private static async Task<(int, string)> RunCliAsync(Dictionary<string, string> env, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet", [PortalProcess.HostDll, .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.Combine(RepoPaths.Root, "src", "Portal.Web"),
        };
        foreach (var (k, v) in env) info.Environment[k] = v;
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout + await stderr);
    }
}
