using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Comuni;
using Portal.Core.Recipes;

namespace Portal.Core.Hosting;

/// <summary>
/// Administrative commands run instead of the web server:
///   recipe run FILE            runs a recipe (idempotent)
///   comuni import FILE         imports ISTAT's list of Comuni
///   migrate                    applies the migrations only
/// </summary>
public static class PortalCommandLine
{
    public static async Task<int?> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-')) return null;
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        switch (args)
        {
            case ["migrate"]:
                await PortalInitializer.MigrateAsync(sp);
                Console.WriteLine("Migrazioni applicate.");
                return 0;
            case ["recipe", "run", var file]:
                await PortalInitializer.MigrateAsync(sp);
                try
                {
                    var result = await sp.GetRequiredService<RecipeRunner>().RunFileAsync(file, "riga di comando");
                    Console.WriteLine($"Ricetta «{result.Name}» eseguita.");
                    foreach (var line in result.Log) Console.WriteLine(line);
                    return 0;
                }
                catch (RecipeException e)
                {
                    Console.Error.WriteLine(e.Message);
                    return 2;
                }
            case ["comuni", "import", var file]:
                await PortalInitializer.MigrateAsync(sp);
                if (!File.Exists(file)) { Console.Error.WriteLine($"File non trovato: {file}"); return 2; }
                await using (var stream = File.OpenRead(file))
                {
                    var r = await sp.GetRequiredService<ComuniImporter>().ImportAsync(stream);
                    Console.WriteLine($"Comuni: {r.Read} letti, {r.Added} aggiunti, {r.Updated} aggiornati, {r.Errors.Count} scartati.");
                    foreach (var error in r.Errors.Take(50)) Console.Error.WriteLine(error);
                    return r.Read > 0 && r.Added + r.Updated + (r.Read - r.Errors.Count) > 0 ? 0 : 2;
                }
            default:
                Console.Error.WriteLine("Comandi: migrate | recipe run FILE | comuni import FILE");
                return 2;
        }
    }
}
