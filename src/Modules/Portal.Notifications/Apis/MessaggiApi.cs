using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Apis;
using Portal.Core.Security;
using Portal.Notifications.Messages;
using Portal.Notifications.Model;

namespace Portal.Notifications.Apis;

public sealed record MessaggioDto(Guid Id, string Oggetto, string Testo, DateTime RicevutoIl, DateTime? LettoIl)
{
    public static MessaggioDto From(PortalMessage m) => new(m.Id, m.Subject, m.Body, m.CreatedUtc, m.ReadUtc);
}

public sealed record MessaggiDto(IReadOnlyList<MessaggioDto> Messaggi, int NonLetti);

public static class MessaggiApi
{
    public static void MapMessaggiApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/messaggi").WithTags("Messaggi").RequireAuthorization();
        group.MapGet("/", List).WithSummary("I messaggi della persona collegata, dal più recente")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/{id:guid}/letto", MarkRead).WithSummary("Segna come letto un proprio messaggio")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<MessaggiDto>, ProblemHttpResult>> List(ClaimsPrincipal user, MessageQueries messages, CancellationToken ct)
    {
        if (user.GetPersonId() is not Guid person)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: ProblemDetailsItalian.Title(403), detail: "La sessione non indica una persona.");
        var list = await messages.ListAsync(person, ct);
        return TypedResults.Ok(new MessaggiDto(list.Select(MessaggioDto.From).ToList(), list.Count(m => m.ReadUtc is null)));
    }

    private static async Task<Results<Ok<MessaggioDto>, ProblemHttpResult>> MarkRead(Guid id, ClaimsPrincipal user, MessageQueries messages, CancellationToken ct)
    {
        if (user.GetPersonId() is not Guid person)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: ProblemDetailsItalian.Title(403), detail: "La sessione non indica una persona.");
        var message = await messages.MarkReadAsync(person, id, ct);
        return message is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: ProblemDetailsItalian.Title(404), detail: "Messaggio non trovato.")
            : TypedResults.Ok(MessaggioDto.From(message));
    }
}
