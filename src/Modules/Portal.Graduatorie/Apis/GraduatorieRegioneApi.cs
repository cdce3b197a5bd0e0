using Portal.Core.Apis;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Portal.Contents.Contracts;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Graduatorie.Export;
using Portal.Graduatorie.Services;

namespace Portal.Graduatorie.Apis;

/// <summary>The Funzionario's regional side under /api/v1/graduatorie/regione, and the Comune's view of its students' codes.</summary>
public static class GraduatorieRegioneApi
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapGraduatorieRegioneApi(this IEndpointRouteBuilder endpoints)
    {
        var regione = endpoints.MapGroup("/api/v1/graduatorie/regione/finestre/{finestraId:guid}").WithTags("Graduatorie: lato regionale")
            .RequireAuthorization(PermissionPolicy.For(GraduatoriePermissions.ViewAll));

        regione.MapGet("/stato", Status)
            .WithSummary("Stato degli invii dei Comuni della regione per la finestra (filtro: tutti, inviati, mancanti)").Problems(400, 403, 404);
        regione.MapPost("/solleciti", Remind)
            .RequireAuthorization(PermissionPolicy.For(GraduatorieRegionePermissions.Remind))
            .WithSummary("Invia il sollecito agli operatori accreditati dei Comuni senza elenco valido (a finestra aperta, una volta al giorno)")
            .Problems(403, 404, 409);
        regione.MapGet("/consolidato.xlsx", ConsolidatedXlsx)
            .WithSummary("Elenco consolidato di tutti gli elenchi validi, in Excel, con la colonna del Comune")
            .Produces(StatusCodes.Status200OK, contentType: XlsxType).Problems(403, 404);
        regione.MapGet("/consolidato.csv", ConsolidatedCsv)
            .WithSummary("Elenco consolidato in CSV (UTF-8 con BOM, separatore punto e virgola, decimali con la virgola)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").Problems(403, 404);
        regione.MapGet("/duplicati", Duplicates).WithSummary("Studenti presenti negli elenchi validi di più Comuni").Problems(403, 404);
        regione.MapGet("/graduatoria", GetGraduatoria)
            .WithSummary("La graduatoria regionale della finestra, con posizioni, codici ed esiti").Problems(403, 404);
        regione.MapPost("/graduatoria/costruisci", Build)
            .RequireAuthorization(PermissionPolicy.For(GraduatorieRegionePermissions.Build))
            .WithSummary("Costruisce (o ricostruisce, finché non è approvata) la graduatoria a finestra chiusa").Problems(403, 404, 409);
        regione.MapPost("/graduatoria/approva", Approve)
            .RequireAuthorization(PermissionPolicy.For(GraduatorieRegionePermissions.Approve))
            .WithSummary("Approva la graduatoria con numero e data del decreto (data gg/mm/aaaa o aaaa-mm-gg)").Problems(400, 403, 404, 409);
        regione.MapPost("/graduatoria/pubblica", Publish)
            .RequireAuthorization(PermissionPolicy.For(GraduatorieRegionePermissions.Publish))
            .WithSummary("Pubblica la graduatoria approvata sul sito: posizione, codice, Comune ed esito, senza nomi né codici fiscali")
            .Problems(403, 404, 409);

        endpoints.MapGet("/api/v1/graduatorie/finestre/{finestraId:guid}/comuni/{comune}/graduatoria", CodiciOfComune)
            .WithTags("Graduatorie dei Comuni").RequireAuthorization()
            .WithSummary("Gli studenti del Comune nella graduatoria regionale approvata, con il codice da comunicare alle famiglie")
            .Problems(403, 404);
    }

    private static async Task<Ok<StatoFinestraDto>> Status(Guid finestraId, string? filtro, RegioneService regione, CancellationToken ct)
    {
        var stato = await regione.StatusAsync(finestraId, ct);
        var elenco = filtro switch
        {
            "inviati" => stato.Comuni.Where(c => c.Inviato),
            "mancanti" => stato.Comuni.Where(c => !c.Inviato),
            null or "" or "tutti" => stato.Comuni,
            _ => throw PortalException.Invalid("filtro", "Il filtro può essere «tutti», «inviati» o «mancanti»."),
        };
        return TypedResults.Ok(new StatoFinestraDto(finestraId, stato.Finestra.Info.Nome, FinestraInfo.Label(stato.Stato), stato.Comuni.Count,
            stato.Inviati, stato.Mancanti, elenco.Select(ComuneStatoDto.From).ToList()));
    }

    private static async Task<Ok<SollecitoDto>> Remind(Guid finestraId, RegioneSolleciti solleciti, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(SollecitoDto.From(await solleciti.SendAsync(finestraId, user.ActorName(), ct)));

    private static async Task<FileContentHttpResult> ConsolidatedXlsx(Guid finestraId, RegioneService regione, CancellationToken ct) =>
        TypedResults.File(ConsolidatoExport.Xlsx(await regione.ConsolidatedAsync(finestraId, ct)), XlsxType, "elenco-consolidato.xlsx");

    private static async Task<FileContentHttpResult> ConsolidatedCsv(Guid finestraId, RegioneService regione, CancellationToken ct) =>
        TypedResults.File(ConsolidatoExport.Csv(await regione.ConsolidatedAsync(finestraId, ct)), "text/csv; charset=utf-8", "elenco-consolidato.csv");

    private static async Task<Ok<List<DuplicatoDto>>> Duplicates(Guid finestraId, RegioneService regione, CancellationToken ct) =>
        TypedResults.Ok((await regione.DuplicatesAsync(finestraId, ct)).Select(DuplicatoDto.From).ToList());

    private static async Task<Ok<GraduatoriaDto>> GetGraduatoria(Guid finestraId, GraduatoriaRegionaleService graduatorie, CancellationToken ct) =>
        await graduatorie.GetAsync(finestraId, ct) is { } g
            ? TypedResults.Ok(GraduatoriaDto.From(g))
            : throw PortalException.NotFound("La graduatoria regionale di questa finestra non è ancora stata costruita.");

    private static async Task<Ok<GraduatoriaDto>> Build(Guid finestraId, GraduatoriaRegionaleService graduatorie, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(GraduatoriaDto.From(await graduatorie.BuildAsync(finestraId, user.ActorName(), ct)));

    private static async Task<Ok<GraduatoriaDto>> Approve(Guid finestraId, ApprovazioneRequest? body, GraduatoriaRegionaleService graduatorie,
        ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(GraduatoriaDto.From(await graduatorie.ApproveAsync(finestraId, body?.DecretoNumero, body?.DecretoData, user.ActorName(), ct)));

    private static async Task<Ok<GraduatoriaDto>> Publish(Guid finestraId, GraduatoriaRegionaleService graduatorie, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(GraduatoriaDto.From(await graduatorie.PublishAsync(finestraId, user.ActorName(), ct)));

    private static async Task<Ok<List<CodiceStudenteDto>>> CodiciOfComune(Guid finestraId, string comune, GraduatoriaRegionaleService graduatorie,
        ClaimsPrincipal user, CancellationToken ct) =>
        await graduatorie.ForComuneAsync(user, finestraId, comune, ct) is { } own
            ? TypedResults.Ok(own.Select(CodiceStudenteDto.From).ToList())
            : throw PortalException.NotFound("La graduatoria regionale di questa finestra non è ancora approvata.");
}
