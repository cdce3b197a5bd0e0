using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Apis;
using Portal.Core.Contracts;
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
            .RequireAuthorization(PermissionPolicy.For(GraduatoriePermissions.ViewAll)).AddEndpointFilter(GraduatorieApiErrors.TranslateAsync);

        regione.MapGet("/stato", async (Guid finestraId, string? filtro, RegioneService s, CancellationToken ct) =>
            {
                var stato = await s.StatusAsync(finestraId, ct);
                var elenco = filtro switch
                {
                    "inviati" => stato.Comuni.Where(c => c.Inviato),
                    "mancanti" => stato.Comuni.Where(c => !c.Inviato),
                    null or "" or "tutti" => stato.Comuni,
                    _ => throw new RegioneInputException(new Dictionary<string, string> { ["filtro"] = "Il filtro può essere «tutti», «inviati» o «mancanti»." }),
                };
                return Results.Ok(new StatoFinestraDto(finestraId, stato.Finestra.Info.Nome, FinestraInfo.Label(stato.Stato), stato.Comuni.Count,
                    stato.Inviati, stato.Mancanti, elenco.Select(ComuneStatoDto.From).ToList()));
            })
            .WithSummary("Stato degli invii dei Comuni della regione per la finestra (filtro: tutti, inviati, mancanti)");
        regione.MapPost("/solleciti", async (Guid finestraId, RegioneSolleciti s, ClaimsPrincipal u, CancellationToken ct) =>
                Results.Ok(SollecitoDto.From(await s.SendAsync(finestraId, u.Identity?.Name ?? "?", ct))))
            .RequireAuthorization(PermissionPolicy.For(GraduatorieRegionePermissions.Remind))
            .WithSummary("Invia il sollecito agli operatori accreditati dei Comuni senza elenco valido (a finestra aperta, una volta al giorno)");
        regione.MapGet("/consolidato.xlsx", async (Guid finestraId, RegioneService s, CancellationToken ct) =>
                Results.File(ConsolidatoExport.Xlsx(await s.ConsolidatedAsync(finestraId, ct)), XlsxType, "elenco-consolidato.xlsx"))
            .WithSummary("Elenco consolidato di tutti gli elenchi validi, in Excel, con la colonna del Comune");
        regione.MapGet("/consolidato.csv", async (Guid finestraId, RegioneService s, CancellationToken ct) =>
                Results.File(ConsolidatoExport.Csv(await s.ConsolidatedAsync(finestraId, ct)), "text/csv; charset=utf-8", "elenco-consolidato.csv"))
            .WithSummary("Elenco consolidato in CSV (UTF-8 con BOM, separatore punto e virgola, decimali con la virgola)");
        regione.MapGet("/duplicati", async (Guid finestraId, RegioneService s, CancellationToken ct) =>
                Results.Ok((await s.DuplicatesAsync(finestraId, ct)).Select(DuplicatoDto.From).ToList()))
            .WithSummary("Studenti presenti negli elenchi validi di più Comuni");
        regione.MapGet("/graduatoria", async (Guid finestraId, GraduatoriaRegionaleService s, CancellationToken ct) =>
                await s.GetAsync(finestraId, ct) is { } g
                    ? Results.Ok(GraduatoriaDto.From(g))
                    : ProblemDetailsItalian.Problem(StatusCodes.Status404NotFound, "La graduatoria regionale di questa finestra non è ancora stata costruita."))
            .WithSummary("La graduatoria regionale della finestra, con posizioni, codici ed esiti");
        regione.MapPost("/graduatoria/costruisci", async (Guid finestraId, GraduatoriaRegionaleService s, ClaimsPrincipal u, CancellationToken ct) =>
                Results.Ok(GraduatoriaDto.From(await s.BuildAsync(finestraId, u.Identity?.Name ?? "?", ct))))
            .RequireAuthorization(PermissionPolicy.For(GraduatorieRegionePermissions.Build))
            .WithSummary("Costruisce (o ricostruisce, finché non è approvata) la graduatoria a finestra chiusa");
        regione.MapPost("/graduatoria/approva", async (Guid finestraId, ApprovazioneRequest? body, GraduatoriaRegionaleService s, ClaimsPrincipal u, CancellationToken ct) =>
                Results.Ok(GraduatoriaDto.From(await s.ApproveAsync(finestraId, body?.DecretoNumero, body?.DecretoData, u.Identity?.Name ?? "?", ct))))
            .RequireAuthorization(PermissionPolicy.For(GraduatorieRegionePermissions.Approve))
            .WithSummary("Approva la graduatoria con numero e data del decreto (data gg/mm/aaaa o aaaa-mm-gg)");
        regione.MapPost("/graduatoria/pubblica", async (Guid finestraId, GraduatoriaRegionaleService s, ClaimsPrincipal u, CancellationToken ct) =>
                Results.Ok(GraduatoriaDto.From(await s.PublishAsync(finestraId, u.Identity?.Name ?? "?", ct))))
            .RequireAuthorization(PermissionPolicy.For(GraduatorieRegionePermissions.Publish))
            .WithSummary("Pubblica la graduatoria approvata sul sito: posizione, codice, Comune ed esito, senza nomi né codici fiscali");

        endpoints.MapGet("/api/v1/graduatorie/finestre/{finestraId:guid}/comuni/{comune}/graduatoria",
                async (Guid finestraId, string comune, GraduatoriaRegionaleService s, ClaimsPrincipal u, CancellationToken ct) =>
                    await s.ForComuneAsync(u, finestraId, comune, ct) is { } own
                        ? Results.Ok(own.Select(CodiceStudenteDto.From).ToList())
                        : ProblemDetailsItalian.Problem(StatusCodes.Status404NotFound, "La graduatoria regionale di questa finestra non è ancora approvata."))
            .WithTags("Graduatorie dei Comuni").RequireAuthorization().AddEndpointFilter(GraduatorieApiErrors.TranslateAsync)
            .WithSummary("Gli studenti del Comune nella graduatoria regionale approvata, con il codice da comunicare alle famiglie");
    }
}
