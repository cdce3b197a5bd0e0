using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Did.Data;
using Portal.Did.Services;

namespace Portal.Did.Recipes;

/// <summary>
/// "didSituazioni": { "rows": [ { "codiceFiscale", "cognome", "nome", "stato": "occupato|disoccupato|inoccupato", "dal": "2025-03-01",
/// "cpi", "note" } ], "dichiarazioni": [ { "codiceFiscale", "stato": "inviata|colloquio-fissato|confermata|decaduta|revocata", "operatore" } ] }.
/// Rows are added when missing; each "dichiarazioni" item sends a DID for the person (if they have none yet) and takes it, as the person and as
/// the CPI operator named, through the real workflow to the state asked. Used by the demo recipe.
/// </summary>
internal sealed class DidDemoStep(DidDbContext db, IPeople people, IRoleAssignments roles, DidService did, CpiService cpi, TimeProvider clock) : IRecipeStep
{
    public string Name => "didSituazioni";

    private sealed record RowDef(string CodiceFiscale, string Cognome, string Nome, string Stato, string? Dal, string? Cpi, string? Note);
    private sealed record DidDef(string CodiceFiscale, string Stato, string? Operatore);

    public async Task ExecuteAsync(RecipeStepContext context, JsonElement step, CancellationToken ct)
    {
        var rows = step.TryGetProperty("rows", out var r) ? RecipeJson.Read<List<RowDef>>(r, "didSituazioni.rows") : [];
        var dids = step.TryGetProperty("dichiarazioni", out var d) ? RecipeJson.Read<List<DidDef>>(d, "didSituazioni.dichiarazioni") : [];
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var def in rows)
        {
            var stato = SituazioneImport.ParseStato(def.Stato) ?? throw new RecipeException($"didSituazioni: stato «{def.Stato}» sconosciuto per {def.CodiceFiscale}.");
            var cf = def.CodiceFiscale.ToUpperInvariant();
            // Added when missing, never overwritten: a second run keeps what the CPI operators (or a confirmed DID) recorded since.
            if (await db.Situazioni.AnyAsync(s => s.CodiceFiscale == cf, ct)) continue;
            var row = new SituazioneOccupazionale { CodiceFiscale = cf, Cognome = def.Cognome, Nome = def.Nome, UpdatedBy = PortalClaims.SystemActor };
            db.Situazioni.Add(row);
            row.Cognome = def.Cognome;
            row.Nome = def.Nome;
            row.Stato = stato;
            row.Dal = def.Dal is null ? null : DateOnly.Parse(def.Dal, System.Globalization.CultureInfo.InvariantCulture);
            row.CpiCode = def.Cpi;
            row.Note = def.Note;
            row.UpdatedUtc = now;
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        did.RecipeMode = true;
        cpi.RecipeMode = true;
        foreach (var def in dids)
        {
            var person = await people.FindByCodiceFiscaleAsync(def.CodiceFiscale, ct)
                ?? throw new RecipeException($"didSituazioni: persona {def.CodiceFiscale} sconosciuta (definirla prima con il passo «people»).");
            if (await db.Dichiarazioni.AnyAsync(x => x.PersonId == person.Id, ct)) continue;
            var citizen = Principal(person, PortalRoles.Cittadino, null);
            var sent = (await did.SendAsync(citizen, AllDeclared(), $"{DidService.DemoKeyPrefix}{person.CodiceFiscale}", ct)).Dichiarazione;
            if (def.Stato == "inviata") continue;
            if (def.Stato == "revocata") { await did.RevocaAsync(citizen, sent.Id, ct); continue; }
            var operatorPerson = await people.FindByCodiceFiscaleAsync(def.Operatore ?? "", ct)
                ?? throw new RecipeException($"didSituazioni: operatore CPI «{def.Operatore}» sconosciuto.");
            var holding = (await roles.OfPersonAsync(operatorPerson.Id, ct)).FirstOrDefault(h => h.RoleName == PortalRoles.OperatoreCpi && h.RevokedUtc is null && h.ScopeValue == sent.CpiCode)
                ?? throw new RecipeException($"didSituazioni: {operatorPerson.FullName} non è operatore del CPI {sent.CpiCode}.");
            var op = Principal(operatorPerson, PortalRoles.OperatoreCpi, holding.ScopeValue);
            var when = RomeTime.ToRome(now.AddDays(2)).Date.AddHours(10).ToString("dd/MM/yyyy HH:mm", RomeTime.Italian);
            if (def.Stato == "decaduta") { await cpi.ColloquioAsync(op, sent.Id, when, "Sede del Centro per l'Impiego", ct); await cpi.EsitoAsync(op, sent.Id, "non-svolto", "Non presentato al colloquio", ct); continue; }
            await cpi.ColloquioAsync(op, sent.Id, when, "Sede del Centro per l'Impiego, sportello 2", ct);
            if (def.Stato == "confermata") await cpi.EsitoAsync(op, sent.Id, "svolto", null, ct);
        }
        context.Log.Add($"didSituazioni: {rows.Count} situazioni, {dids.Count} D.I.D.");
    }

    private static DidInput AllDeclared() => new()
    {
        NonAltroCpi = true, StatoDisoccupazione = true, DisponibileLavoro = true, DisponibileRicerca = true,
        ImpegnoAppuntamento = true, ImpegnoColloquio = true, Consapevole = true,
    };

    private static ClaimsPrincipal Principal(PersonInfo person, string role, string? cpi)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, person.FullName),
            new(PortalClaims.PersonId, person.Id.ToString()),
            new(PortalClaims.CodiceFiscale, person.CodiceFiscale),
            new(PortalClaims.Role, role),
        };
        if (cpi is not null) claims.Add(new(PortalClaims.Scope, $"{ScopeTypes.Cpi}:{cpi}"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "recipe", ClaimTypes.Name, ClaimTypes.Role));
    }
}
