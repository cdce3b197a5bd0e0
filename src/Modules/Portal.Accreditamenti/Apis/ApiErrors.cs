using Microsoft.AspNetCore.Http;
using Portal.Accreditamenti.Services;
using Portal.Core.Apis;

namespace Portal.Accreditamenti.Apis;

/// <summary>Turns the services' refusals into Italian problem details.</summary>
internal static class ApiErrors
{
    public static async Task<IResult> Run(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (FieldValidationException e)
        {
            return ProblemDetailsItalian.Validation(e.Errors.ToDictionary(x => x.Key, x => new[] { x.Value }));
        }
        catch (StateConflictException e)
        {
            return ProblemDetailsItalian.Problem(StatusCodes.Status409Conflict, e.Message);
        }
        catch (NotFoundException e)
        {
            return ProblemDetailsItalian.Problem(StatusCodes.Status404NotFound, e.Message);
        }
    }
}
