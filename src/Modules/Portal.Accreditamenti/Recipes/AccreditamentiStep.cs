using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Accreditamenti.Data;
using Portal.Accreditamenti.Model;
using Portal.Core.Comuni;
using Portal.Core.Recipes;
using Portal.Core.Security;

namespace Portal.Accreditamenti.Recipes;

/// <summary>
/// "accreditamenti": { "enti": [ { "code", "denominazione", "codiceFiscale", "email" } ],
/// "cpi": [ { "code", "nome", "provincia" } ], "requests": [ { "codiceFiscale", "comune", "note" } ] }.
/// "adoptExisting": true records, as approved accreditations, the OperatoreComune roles granted without one
/// (e.g. by the "people" step), so that the Amministratore sees and can revoke them.
/// Existing enti/CPI are updated; a request is added only when the person has none for that Comune.
/// </summary>
internal sealed class AccreditamentiStep(
    AccreditamentiDbContext db, IPeople people, IRoleAssignments roles, RegionComuni comuni, TimeProvider clock) : IRecipeStep
{
    public string Name => "accreditamenti";

    private sealed record EnteDef(string Code, string Denominazione, string CodiceFiscale, string? Email);
    private sealed record CpiDef(string Code, string Nome, string Provincia);
    private sealed record RequestDef(string CodiceFiscale, string Comune, string? Note);

    public async Task ExecuteAsync(RecipeStepContext context, JsonElement step, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var enti = step.TryGetProperty("enti", out var e) ? RecipeJson.Read<List<EnteDef>>(e, "accreditamenti.enti") : [];
        var cpis = step.TryGetProperty("cpi", out var c) ? RecipeJson.Read<List<CpiDef>>(c, "accreditamenti.cpi") : [];
        var requests = step.TryGetProperty("requests", out var r) ? RecipeJson.Read<List<RequestDef>>(r, "accreditamenti.requests") : [];
        foreach (var def in enti)
        {
            var ente = await db.Enti.FirstOrDefaultAsync(x => x.Code == def.Code, ct);
            if (ente is null) db.Enti.Add(ente = new EnteGestore { Code = def.Code, Denominazione = def.Denominazione, CodiceFiscale = def.CodiceFiscale });
            ente.Denominazione = def.Denominazione;
            ente.CodiceFiscale = def.CodiceFiscale;
            ente.Email = def.Email;
            ente.UpdatedUtc = now;
        }
        foreach (var def in cpis)
        {
            var cpi = await db.Cpi.FirstOrDefaultAsync(x => x.Code == def.Code, ct);
            if (cpi is null) db.Cpi.Add(cpi = new CentroImpiego { Code = def.Code, Nome = def.Nome, SiglaProvincia = def.Provincia });
            cpi.Nome = def.Nome;
            cpi.SiglaProvincia = def.Provincia;
            cpi.UpdatedUtc = now;
        }
        var added = 0;
        foreach (var def in requests)
        {
            var person = await people.FindByCodiceFiscaleAsync(def.CodiceFiscale, ct)
                ?? throw new RecipeException($"accreditamenti: persona {def.CodiceFiscale} sconosciuta (definirla prima con il passo «people»).");
            if (!(await comuni.FindAsync([def.Comune], ct)).ContainsKey(def.Comune))
                throw new RecipeException($"accreditamenti: Comune {def.Comune} sconosciuto.");
            if (await db.Requests.AnyAsync(x => x.PersonId == person.Id && x.ComuneIstat == def.Comune, ct)) continue;
            db.Requests.Add(new AccreditationRequest
            {
                PersonId = person.Id, CodiceFiscale = person.CodiceFiscale, ComuneIstat = def.Comune, Note = def.Note,
                State = RequestState.InAttesa, CreatedUtc = now,
            });
            added++;
        }
        var adopted = 0;
        if (step.TryGetProperty("adoptExisting", out var adopt) && adopt.ValueKind == JsonValueKind.True)
        {
            var known = (await db.Requests.Where(x => x.AssignmentId != null).Select(x => x.AssignmentId!.Value).ToListAsync(ct)).ToHashSet();
            var holders = (await roles.HoldersAsync(PortalRoles.OperatoreComune, ScopeTypes.Comune, ct: ct)).Where(a => !known.Contains(a.Id)).ToList();
            var persons = await people.FindManyAsync(holders.Select(a => a.PersonId), ct);
            foreach (var o in holders.Where(a => persons.ContainsKey(a.PersonId)).Select(a => new { a, persons[a.PersonId].CodiceFiscale }))
            {
                db.Requests.Add(new AccreditationRequest
                {
                    PersonId = o.a.PersonId, CodiceFiscale = o.CodiceFiscale, ComuneIstat = o.a.ScopeValue!, State = RequestState.Approvata,
                    Origin = RequestOrigins.Preesistente, CreatedUtc = o.a.GrantedUtc, DecidedUtc = o.a.GrantedUtc, DecidedBy = o.a.GrantedBy,
                    AssignmentId = o.a.Id,
                });
                adopted++;
            }
        }
        await db.SaveChangesAsync(ct);
        context.Log.Add($"Accreditamenti: {enti.Count} enti, {cpis.Count} CPI, {added} richieste aggiunte, {adopted} accreditamenti esistenti registrati.");
    }
}
