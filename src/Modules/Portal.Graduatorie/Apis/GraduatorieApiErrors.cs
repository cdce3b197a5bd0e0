using Microsoft.AspNetCore.Http;
using Portal.Core.Apis;
using Portal.Graduatorie.Services;

namespace Portal.Graduatorie.Apis;

/// <summary>The Graduatorie services' exceptions as Italian problem details, for every endpoint of the module.</summary>
internal static class GraduatorieApiErrors
{
    public static async ValueTask<object?> TranslateAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (GraduatorieInputException e)
        {
            return ProblemDetailsItalian.Validation(new Dictionary<string, string[]> { [e.Field] = [e.Message] });
        }
        catch (RegioneInputException e)
        {
            return ProblemDetailsItalian.Validation(e.Errors.ToDictionary(x => x.Key, x => new[] { x.Value }));
        }
        catch (GraduatorieForbiddenException e)
        {
            return ProblemDetailsItalian.Problem(StatusCodes.Status403Forbidden, e.Message);
        }
        catch (GraduatorieNotFoundException e)
        {
            return ProblemDetailsItalian.Problem(StatusCodes.Status404NotFound, e.Message);
        }
        catch (GraduatorieConflictException e)
        {
            return ProblemDetailsItalian.Problem(StatusCodes.Status409Conflict, e.Message);
        }
    }
}
