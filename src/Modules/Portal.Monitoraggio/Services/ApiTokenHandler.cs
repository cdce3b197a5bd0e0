using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Portal.Core.Apis;
using Portal.Core.Security;

namespace Portal.Monitoraggio.Services;

/// <summary>
/// "Authorization: Bearer mon_…" on the /api/v1/monitoraggio/flussi endpoints: the caller acts as the API client of the
/// credential's ente (role OperatoreEnte, scope Ente:{code}, name "API: {etichetta}"). Only those endpoints name this
/// scheme (through <see cref="ApiTokenSchemes.TokenOrSession"/>); everywhere else the portal reads the session cookie alone, so a
/// token opens nothing else. Refusals are 401 with Italian problem details.
/// </summary>
public sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    CredenzialiApiService credenziali) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string RefusalItem = "monitoraggio:token-rifiutato";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var esito = await credenziali.AuthenticateAsync(header["Bearer ".Length..], Context.RequestAborted);
        if (esito.Credenziale is not { } c || esito.Rifiuto is not null)
        {
            var message = esito.Rifiuto ?? "Credenziale API non valida.";
            Context.Items[RefusalItem] = message;
            // An expected refusal, not an error.
            Logger.LogInformation("Token API rifiutato: {Motivo}", message);
            return AuthenticateResult.Fail(message);
        }
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, ApiTokenSchemes.ActorPrefix + c.Etichetta),
            new Claim(PortalClaims.Role, PortalRoles.OperatoreEnte),
            new Claim(PortalClaims.RoleLabel, "Sistema gestionale dell'ente"),
            new Claim(PortalClaims.Scope, $"{ScopeTypes.Ente}:{c.EnteCode}"),
            new Claim(PortalClaims.AuthMethod, "api-token"),
            new Claim(ApiTokenSchemes.CredentialClaim, c.Id.ToString()),
        ], ApiTokenSchemes.Token, ClaimTypes.Name, PortalClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiTokenSchemes.Token));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer realm=\"monitoraggio\", error=\"invalid_token\"";
        var message = Context.Items[RefusalItem] as string ?? "Accesso richiesto: inviare il token della credenziale API nell'intestazione «Authorization: Bearer …».";
        await ProblemDetailsItalian.Problem(StatusCodes.Status401Unauthorized, message).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemDetailsItalian.Problem(StatusCodes.Status403Forbidden, "La credenziale API non consente questa operazione.").ExecuteAsync(Context);
}
