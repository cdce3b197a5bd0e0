using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Portal.Bonus.Apis;

/// <summary>Declares, for the OpenAPI document, the problem responses (Italian problem details) an endpoint may answer with.</summary>
internal static class ProblemResponses
{
    public static RouteHandlerBuilder Problems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            if (status is StatusCodes.Status400BadRequest or StatusCodes.Status422UnprocessableEntity) builder.ProducesValidationProblem(status);
            else builder.ProducesProblem(status);
        }
        return builder;
    }
}
