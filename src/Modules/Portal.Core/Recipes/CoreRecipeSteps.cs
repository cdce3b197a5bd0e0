using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Portal.Core.Comuni;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Security;
using Portal.Core.Settings;

namespace Portal.Core.Recipes;

/// <summary>"settings": { "values": { "PortalName": "..." } }</summary>
internal sealed class SettingsStep(ISiteSettings settings) : IRecipeStep
{
    public string Name => "settings";

    public async Task ExecuteAsync(RecipeStepContext context, JsonElement step, CancellationToken ct)
    {
        var values = RecipeJson.Read<Dictionary<string, string>>(step.GetProperty("values"), "settings.values");
        await ((SiteSettings)settings).SetManyAsync(values, context.RunBy, ct);
        context.Log.Add($"Impostazioni: {values.Count} valori.");
    }
}

/// <summary>"roles": { "roles": [ { "name", "displayName", "description", "permissions": [] } ] }</summary>
internal sealed class RolesStep(CoreDbContext db, PermissionRegistry registry, ModuleCatalog catalog) : IRecipeStep
{
    public string Name => "roles";

    private sealed record RoleDef(string Name, string DisplayName, string? Description, List<string>? Permissions);

    public async Task ExecuteAsync(RecipeStepContext context, JsonElement step, CancellationToken ct)
    {
        var roles = RecipeJson.Read<List<RoleDef>>(step.GetProperty("roles"), "roles.roles");
        // A permission of a module that is not installed is skipped; an unknown one of an installed module is an error.
        var installed = catalog.Modules.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        bool Installed(string p) => installed.Contains("Portal." + p.Split('.')[0]);
        var unknown = roles.SelectMany(r => r.Permissions ?? []).Where(p => Installed(p) && !registry.Exists(p)).Distinct().ToList();
        if (unknown.Count > 0)
            throw new RecipeException($"Permessi sconosciuti nella ricetta: {string.Join(", ", unknown)}.");
        foreach (var r in roles) r.Permissions?.RemoveAll(p => !Installed(p));
        foreach (var def in roles)
        {
            var role = await db.Roles.Include(r => r.Permissions).FirstOrDefaultAsync(r => r.Name == def.Name, ct);
            if (role is null)
            {
                role = new Role { Name = def.Name, DisplayName = def.DisplayName };
                db.Roles.Add(role);
            }
            role.DisplayName = def.DisplayName;
            role.Description = def.Description;
            var wanted = (def.Permissions ?? []).ToHashSet(StringComparer.Ordinal);
            role.Permissions.RemoveAll(p => !wanted.Contains(p.PermissionName));
            foreach (var p in wanted.Where(p => role.Permissions.All(x => x.PermissionName != p)))
                role.Permissions.Add(new RolePermission { RoleName = role.Name, PermissionName = p });
        }
        await db.SaveChangesAsync(ct);
        context.Log.Add($"Ruoli: {roles.Count}.");
    }
}

/// <summary>"lookups": { "tables": { "statoCivile": [ { "code", "description" } ] } }</summary>
internal sealed class LookupsStep(CoreDbContext db) : IRecipeStep
{
    public string Name => "lookups";

    private sealed record Entry(string Code, string Description);

    public async Task ExecuteAsync(RecipeStepContext context, JsonElement step, CancellationToken ct)
    {
        var tables = RecipeJson.Read<Dictionary<string, List<Entry>>>(step.GetProperty("tables"), "lookups.tables");
        foreach (var (table, entries) in tables)
        {
            var existing = await db.Lookups.Where(l => l.Table == table).ToDictionaryAsync(l => l.Code, ct);
            var order = 0;
            foreach (var e in entries)
            {
                order++;
                if (existing.TryGetValue(e.Code, out var l)) { l.Description = e.Description; l.Order = order; }
                else db.Lookups.Add(new LookupEntry { Table = table, Code = e.Code, Description = e.Description, Order = order });
            }
        }
        await db.SaveChangesAsync(ct);
        context.Log.Add($"Tabelle di decodifica: {tables.Count}.");
    }
}

/// <summary>
/// "comuni": { "file": "data/comuni-demo.csv" }. When the configuration names an ISTAT file
/// (Portal:ComuniCsvPath) and it exists, that file is imported instead of the recipe's short list.
/// </summary>
internal sealed class ComuniStep(ComuniImporter importer, IConfiguration configuration) : IRecipeStep
{
    public string Name => "comuni";

    public async Task ExecuteAsync(RecipeStepContext context, JsonElement step, CancellationToken ct)
    {
        var configured = configuration["Portal:ComuniCsvPath"];
        var path = !string.IsNullOrWhiteSpace(configured) && File.Exists(configured)
            ? Path.GetFullPath(configured)
            : context.ResolvePath(step.GetProperty("file").GetString() ?? throw new RecipeException("comuni: «file» mancante."));
        await using var stream = File.OpenRead(path);
        var result = await importer.ImportAsync(stream, ct);
        if (result.Errors.Count > 0 && result.Added + result.Updated == 0 && result.Read == 0)
            throw new RecipeException($"Importazione Comuni da {path} fallita: {string.Join(" ", result.Errors)}");
        context.Log.Add($"Comuni da {Path.GetFileName(path)}: {result.Read} letti, {result.Added} aggiunti, {result.Updated} aggiornati, {result.Errors.Count} scartati.");
    }
}

/// <summary>"people": { "people": [ { "codiceFiscale", "nome", "cognome", "email", "demo", "roles": [ { "role", "scopeType", "scopeValue" } ] } ] }</summary>
internal sealed class PeopleStep(CoreDbContext db, TimeProvider clock) : IRecipeStep
{
    public string Name => "people";

    private sealed record RoleDef(string Role, string? ScopeType, string? ScopeValue);
    private sealed record PersonDef(string CodiceFiscale, string Nome, string Cognome, string? Email, bool Demo, List<RoleDef>? Roles);

    public async Task ExecuteAsync(RecipeStepContext context, JsonElement step, CancellationToken ct)
    {
        var people = RecipeJson.Read<List<PersonDef>>(step.GetProperty("people"), "people.people");
        var roles = await db.Roles.Select(r => r.Name).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var def in people)
        {
            var cf = def.CodiceFiscale.Trim().ToUpperInvariant();
            var person = await db.Persons.Include(p => p.Assignments).FirstOrDefaultAsync(p => p.CodiceFiscale == cf, ct);
            if (person is null)
            {
                person = new Person { CodiceFiscale = cf, Nome = def.Nome, Cognome = def.Cognome, CreatedUtc = now };
                db.Persons.Add(person);
            }
            person.Nome = def.Nome;
            person.Cognome = def.Cognome;
            person.Email = def.Email;
            person.IsDemo = def.Demo;
            foreach (var r in def.Roles ?? [])
            {
                if (!roles.Contains(r.Role)) throw new RecipeException($"people: ruolo «{r.Role}» sconosciuto per {cf}.");
                if (person.Assignments.Any(a => a.RoleName == r.Role && a.ScopeType == r.ScopeType && a.ScopeValue == r.ScopeValue && a.RevokedUtc == null))
                    continue;
                person.Assignments.Add(new RoleAssignment
                {
                    PersonId = person.Id, RoleName = r.Role, ScopeType = r.ScopeType, ScopeValue = r.ScopeValue,
                    GrantedUtc = now, GrantedBy = context.RunBy ?? "ricetta",
                });
            }
        }
        await db.SaveChangesAsync(ct);
        context.Log.Add($"Persone: {people.Count}.");
    }
}
