using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Apis;
using Portal.Core.Errors;
using Portal.Core.Files;
using Portal.Core.Receipts;
using Portal.Core.Security;

namespace Portal.Protocol.Apis;

public static class RicevuteApi
{
    public static void MapRicevuteApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1/ricevute").WithTags("Ricevute")
            .MapGet("/{codice}", Download)
            .RequireAuthorization()
            .WithSummary("Scarica di nuovo una propria ricevuta (PDF)")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .Problems(StatusCodes.Status404NotFound);
    }

    /// <summary>The submitter downloads their receipt again; operators get theirs from the module that owns the submission.</summary>
    private static async Task<FileContentHttpResult> Download(string codice, HttpContext http, IReceipts receipts, IFileStore files, CancellationToken ct)
    {
        var receipt = await receipts.FindByCodeAsync(codice, ct);
        if (receipt is null || receipt.OwnerPersonId is null || receipt.OwnerPersonId != http.User.GetPersonId())
            throw PortalException.NotFound("Ricevuta non trovata.");
        var pdf = await files.GetAsync(receipt.PdfFileId, ct) ?? throw PortalException.NotFound("Ricevuta non trovata.");
        return TypedResults.File(pdf.Content, pdf.ContentType, pdf.FileName);
    }
}
