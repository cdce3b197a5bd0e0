using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using System.Security.Claims;
using Portal.Core.Security;
using Portal.Monitoraggio.Services;

namespace Portal.Monitoraggio.Apis;

/// <summary>/api/v1/monitoraggio/credenziali: the Amministratore issues and revokes the enti's API credentials (session only).</summary>
public static class CredenzialiApi
{
    public const string Avvertenza = "Il token è mostrato solo ora: copiarlo e consegnarlo all'ente in modo sicuro. Il portale ne conserva solo l'impronta e non potrà mostrarlo di nuovo.";

    public static void MapCredenzialiApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/monitoraggio/credenziali").WithTags("Monitoraggio")
            .RequireAuthorization(PermissionPolicy.For(MonitoraggioPermissions.Credentials));
        group.MapGet("/", List).WithSummary("Le credenziali API degli enti gestori (senza i token)").Problems(403);
        group.MapPost("/", Issue).WithSummary("Rilascia una credenziale API a un ente gestore: il token è nella risposta, solo questa volta")
            .Problems(400, 403);
        group.MapPost("/{id:guid}/revoca", Revoke).WithSummary("Revoca una credenziale API: il token non è più accettato").Problems(403, 404, 409);
    }

    private static async Task<Ok<List<CredenzialeDto>>> List(string? ente, CredenzialiApiService service, CancellationToken ct) =>
        TypedResults.Ok((await service.ListAsync(ente, ct)).Select(CredenzialeDto.From).ToList());

    private static async Task<Created<CredenzialeRilasciataDto>> Issue(NuovaCredenzialeRequest request, CredenzialiApiService service, ClaimsPrincipal user, CancellationToken ct)
    {
        var issued = await service.IssueAsync(request.Ente, request.Etichetta, user.ActorName(), ct);
        return TypedResults.Created($"/api/v1/monitoraggio/credenziali/{issued.Credenziale.Id}",
            new CredenzialeRilasciataDto(CredenzialeDto.From(issued.Credenziale), issued.Token, Avvertenza));
    }

    private static async Task<Ok<CredenzialeDto>> Revoke(Guid id, CredenzialiApiService service, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(CredenzialeDto.From(await service.RevokeAsync(id, user.ActorName(), ct)));
}
