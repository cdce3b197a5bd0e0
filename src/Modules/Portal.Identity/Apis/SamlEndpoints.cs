using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Pages.Core;
using Portal.Core.Security;
using Portal.Core.Validation;
using Portal.Identity.Data;
using Portal.Identity.Model;
using Portal.Identity.Providers;
using Portal.Identity.Saml;

namespace Portal.Identity.Apis;

public static class SamlEndpoints
{
    public static void MapSamlEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var saml = endpoints.MapGroup("/saml2").ExcludeFromDescription();
        saml.MapGet("/metadata", MetadataAsync);
        saml.MapGet("/login/{idpKey}", LoginAsync).RequireRateLimiting(RateLimits.Login);
        saml.MapPost("/acs", AcsAsync).DisableAntiforgery();
        saml.MapPost("/logout", LogoutAsync).DisableAntiforgery(); // validated explicitly below
        saml.MapMethods("/slo", ["GET", "POST"], IdpInitiatedLogout.HandleAsync).DisableAntiforgery();
    }

    private static async Task<IResult> MetadataAsync(SpCredentials credentials, IOptions<IdentityOptions> options)
    {
        var certificate = await credentials.GetAsync();
        return Results.Text(SpMetadataWriter.Write(options.Value.ServiceProvider, certificate), "application/samlmetadata+xml");
    }

    private static async Task<IResult> LoginAsync(HttpContext http, string idpKey, string? returnUrl, int? livello, IdpRegistry registry,
        IdentityDbContext db, SpCredentials credentials, IOptions<IdentityOptions> options, TimeProvider clock)
    {
        var idp = registry.Find(idpKey);
        if (idp is null || !idp.SingleSignOn.TryGetValue(SamlNames.HttpRedirect, out var sso)) return Results.NotFound();
        var level = livello ?? 2;
        if (level is < 1 or > 3) return Results.BadRequest();
        var now = clock.GetUtcNow();
        // Requests nobody answered are of no use after a day.
        var stale = now.UtcDateTime.AddDays(-1);
        await db.PendingRequests.Where(r => r.CreatedUtc < stale).ExecuteDeleteAsync();
        var id = SamlMessages.NewId();
        var binding = LoginBindingCookie.Issue(http, id, TimeSpan.FromMinutes(options.Value.RequestLifetimeMinutes));
        db.PendingRequests.Add(new PendingAuthnRequest
        {
            Id = id, IdpKey = idp.Key, Level = level, ReturnUrl = LocalUrl.OrNull(returnUrl), CreatedUtc = now.UtcDateTime,
            BrowserBindingHash = binding,
        });
        await db.SaveChangesAsync();
        var xml = SamlMessages.AuthnRequest(id, now, sso, options.Value.ServiceProvider, level);
        return Results.Redirect(RedirectBinding.BuildUrl(sso, "SAMLRequest", xml, await credentials.GetAsync()));
    }

    private static async Task<IResult> AcsAsync(HttpContext http, ResponseValidator validator, IPeople people,
        IPortalSession session, IAuditTrail audit, SamlSessionCookie samlCookie, TimeProvider clock, ILoggerFactory loggers)
    {
        var log = loggers.CreateLogger("Portal.Identity.Acs");
        var post = await SamlFormReader.ReadAsync(http.Request, "SAMLResponse", http.RequestAborted);
        if (post.Refusal is { } unreadable)
        {
            log.LogWarning("SAML POST to the ACS refused ({Status}): {Reason}", unreadable.StatusCode, unreadable.Reason);
            await audit.RecordAsync("Accesso.Rifiutato", "SAML", unreadable.Reason);
            return new RefusalPageResult(unreadable.StatusCode, SpidErrors.Generic);
        }
        var result = await validator.ValidateAsync(post.Message, requestId => LoginBindingCookie.Read(http, requestId), http.RequestAborted);
        // Single use: whatever the outcome, the browser's binding to that request ends here.
        if (result.RequestId is { } answered) LoginBindingCookie.Delete(http, answered);
        if (!result.Succeeded)
        {
            log.LogWarning("SAML response refused: {Reason}", result.Reason);
            await audit.RecordAsync("Accesso.Rifiutato", result.IdpKey is null ? "SAML" : $"IdP {result.IdpKey}", AuditText.Printable(result.Reason));
            return Results.Redirect(RefusalPageResult.PagePath + "?codice=" + Uri.EscapeDataString(result.UserCode));
        }
        var cf = result.CodiceFiscale!;
        var attrs = result.Attributes;
        // A first login creates the person with the names the identity provider certified.
        var person = await people.EnsureAsync(cf, Limit(attrs.GetValueOrDefault("name"), 100), Limit(attrs.GetValueOrDefault("familyName"), 100),
            attrs.GetValueOrDefault("email") is { } email && EmailAddress.IsValid(email) ? email : null, http.RequestAborted);
        var outcome = await session.SignInAsync(http, person.Id, result.IdpKind!);
        samlCookie.Write(http, new SamlSessionInfo(result.IdpKey!, result.NameId!, result.NameQualifier, result.SessionIndex));
        var target = LocalUrl.OrNull(result.ReturnUrl) ?? "/";
        return Results.Redirect(outcome == SignInOutcome.RoleChoiceNeeded
            ? "/scelta-ruolo?returnUrl=" + Uri.EscapeDataString(target) : target);
    }

    private static string Limit(string? s, int max) => string.IsNullOrWhiteSpace(s) ? "" : s.Trim().Length <= max ? s.Trim() : s.Trim()[..max];

    /// <summary>Local logout always; then, if the session came from an IdP with single logout, a signed LogoutRequest.</summary>
    private static async Task<IResult> LogoutAsync(HttpContext http, IAntiforgery antiforgery, IPortalSession session, SamlSingleLogout singleLogout)
    {
        // The form is read within the SAML limits before antiforgery looks at it.
        var form = await SamlFormReader.ReadAsync(http.Request, "__RequestVerificationToken", http.RequestAborted);
        if (form.Refusal is not null || !await antiforgery.IsRequestValidAsync(http)) return Results.Redirect("/errore/400");
        var url = await singleLogout.EndAsync(http);
        await session.SignOutAsync(http);
        return Results.Redirect(url ?? "/");
    }
}
