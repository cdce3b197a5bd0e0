using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Workflows.Data;
using Portal.Workflows.Engine;
using Portal.Workflows.Model;

namespace Portal.Workflows.Demo;

/// <summary>
/// "richiesteDiProva": { "items": [ { "persona": codice fiscale, "oggetto", "consenso": bool,
///   "azioni": [ { "transizione", "persona" (default: the applicant), "ruolo" (default: Cittadino), "commento" } ] } ] }.
/// Creates demo requests, starts the "richiesta-di-prova" workflow on each and fires the listed transitions.
/// A request with the same person and oggetto is left as it is.
/// </summary>
internal sealed class RichiesteDiProvaStep(WorkflowsDbContext db, IPeople people, IWorkflowEngine engine, RichiesteDiProvaService service) : IRecipeStep
{
    public string Name => "richiesteDiProva";

    private sealed record ActionDef(string Transizione, string? Persona, string? Ruolo, string? Commento);

    private sealed record ItemDef(string Persona, string Oggetto, bool Consenso, List<ActionDef>? Azioni);

    public async Task ExecuteAsync(RecipeStepContext context, JsonElement step, CancellationToken ct)
    {
        var items = RecipeJson.Read<List<ItemDef>>(step.GetProperty("items"), "richiesteDiProva.items");
        int created = 0, existing = 0;
        foreach (var item in items)
        {
            var person = await people.FindByCodiceFiscaleAsync(item.Persona, ct)
                ?? throw new RecipeException($"richiesteDiProva: la persona {item.Persona} non esiste.");
            if (await db.RichiesteDiProva.AnyAsync(r => r.PersonId == person.Id && r.Oggetto == item.Oggetto, ct)) { existing++; continue; }
            var owner = Actor(person, PortalRoles.Cittadino);
            var started = await service.CreateAsync(person.Id, item.Oggetto, item.Consenso, owner, ct);
            if (!started.Succeeded) throw new RecipeException($"richiesteDiProva: «{item.Oggetto}»: {started.Error}");
            foreach (var action in item.Azioni ?? [])
            {
                var actor = owner;
                if (action.Persona is not null)
                {
                    var other = await people.FindByCodiceFiscaleAsync(action.Persona, ct)
                        ?? throw new RecipeException($"richiesteDiProva: la persona {action.Persona} non esiste.");
                    actor = Actor(other, action.Ruolo ?? PortalRoles.Cittadino);
                }
                var fired = await engine.FireAsync(started.Instance!.Id, action.Transizione, actor, action.Commento, null, ct);
                if (!fired.Succeeded) throw new RecipeException($"richiesteDiProva: «{item.Oggetto}», «{action.Transizione}»: {fired.Error}");
            }
            created++;
        }
        context.Log.Add($"Richieste di prova: {created} create, {existing} già presenti.");
    }

    private static WorkflowActor Actor(PersonInfo person, string role) =>
        WorkflowActor.From(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(PortalClaims.PersonId, person.Id.ToString()),
            new Claim(PortalClaims.Role, role),
            new Claim(ClaimTypes.Name, person.FullName),
        ], "ricetta")));
}
