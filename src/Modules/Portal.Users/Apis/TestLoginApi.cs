using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Apis;
using Portal.Core.Security;
using Portal.Users.Services;

namespace Portal.Users.Apis;

/// <summary>POST /api/v1/prova/accesso: mapped only where the development login is on (never in Production).</summary>
public static class TestLoginApi
{
    /// <param name="RuoloDaScegliere">The person holds more than one role: the session has none until /scelta-ruolo.</param>
    public sealed record TestLoginDto(Guid PersonId, string CodiceFiscale, string Nome, string Cognome, bool NuovaPersona, bool AnagraficaSalvata, bool RuoloDaScegliere);

    public static void MapTestLoginApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1/prova").WithTags("Accesso di prova")
            .MapPost("/accesso", SignIn)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Login)
            .WithName("AccessoDiProva")
            .WithSummary("Accesso di prova per collaudi e prove di carico: crea la persona se nuova, con l'anagrafica salvata, e apre la sessione (cookie)")
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status429TooManyRequests);
    }

    private static async Task<Ok<TestLoginDto>> SignIn(TestPersonInput body, HttpContext http, TestLogin login, CancellationToken ct)
    {
        var r = await login.SignInAsync(http, body, ct);
        return TypedResults.Ok(new TestLoginDto(r.Person.Id, r.Person.CodiceFiscale, r.Person.Nome, r.Person.Cognome,
            r.NewPerson, r.AnagraficaSaved, r.Outcome == SignInOutcome.RoleChoiceNeeded));
    }
}
