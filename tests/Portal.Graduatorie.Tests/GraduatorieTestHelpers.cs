using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Contents.Model;
using Portal.Contents.Services;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Graduatorie.Data;
using Portal.Graduatorie.Model;
using Portal.Graduatorie.Services;
using Portal.Testing;

namespace Portal.Graduatorie.Tests;

/// <summary>A fresh Finestra of the demo "borse-di-studio" Avviso per test, and service calls as a given operator.</summary>
internal static class GraduatorieTestHelpers
{
    public const string Ancona = "042002";
    public const string Pesaro = "041044";

    public static Task<T> ServiceAsync<T>(this PortalFactory portal, Func<GraduatorieService, Task<T>> action) =>
        portal.InScopeAsync(sp => action(sp.GetRequiredService<GraduatorieService>()));

    public static Task<T> QueriesAsync<T>(this PortalFactory portal, Func<InvioQueries, Task<T>> action) =>
        portal.InScopeAsync(sp => action(sp.GetRequiredService<InvioQueries>()));

    public static Task<T> DownloadsAsync<T>(this PortalFactory portal, Func<InvioDownloads, Task<T>> action) =>
        portal.InScopeAsync(sp => action(sp.GetRequiredService<InvioDownloads>()));

    /// <summary>An open window (opened a day ago, closing in ten days) under the demo Avviso of the Graduatorie service.</summary>
    public static async Task<(Guid Id, DateTime ClosesUtc)> CreateOpenFinestraAsync(this PortalFactory portal)
    {
        var id = await portal.CreateFinestraAsync("Finestra di prova", -1, 10, "sogliaIsee=15748,78\nnumeroBorse=10");
        var closes = await portal.InScopeAsync(async sp => (await sp.GetRequiredService<Portal.Contents.Contracts.IFinestre>().GetAsync(id))!.ClosesAtUtc);
        return (id, closes);
    }

    /// <summary>A published window of the demo "borse-di-studio" Avviso, opening and closing at 9:00 (Rome) so many days from today.</summary>
    public static Task<Guid> CreateFinestraAsync(this PortalFactory portal, string title, int opensInDays, int closesInDays, string? parametri = null) =>
        portal.InScopeAsync(async sp =>
        {
            var contents = sp.GetRequiredService<ContentService>();
            var avviso = await sp.GetRequiredService<ContentQueries>().GetPublishedBySlugAsync(ContentTypes.Avviso, "borse-di-studio")
                ?? throw new InvalidOperationException("Manca l'avviso demo borse-di-studio.");
            var rome = RomeTime.ToRome(portal.Clock.GetUtcNow().UtcDateTime);
            var today = new DateTime(rome.Year, rome.Month, rome.Day, 9, 0, 0);
            var f = await contents.CreateAsync(ContentTypes.Finestra, new ContentInput
            {
                Title = title + " " + Guid.NewGuid().ToString("N")[..6], AvvisoId = avviso.Item.Id,
                OpensAt = today.AddDays(opensInDays), ClosesAt = today.AddDays(closesInDays), Parametri = parametri,
            }, [], "test");
            await contents.PublishAsync(f.Id, null, "test");
            return f.Id;
        });

    /// <summary>An operator session as the claims transformation builds it: active role and Comune scopes.</summary>
    /// <param name="personId">A person of the portal: the workflow notifies the uploader by it.</param>
    public static ClaimsPrincipal Operator(Guid personId, params string[] comuni)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, "Operatore di prova"),
            new(PortalClaims.PersonId, personId.ToString()),
            new(PortalClaims.Role, PortalRoles.OperatoreComune),
        };
        claims.AddRange(comuni.Select(c => new Claim(PortalClaims.Scope, $"{ScopeTypes.Comune}:{c}")));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    public static UploadedFile File(MemoryStream workbook, string name = "elenco.xlsx") => new(name, workbook.ToArray());

    public static object?[] WithIsee(object?[] row, double isee)
    {
        var copy = (object?[])row.Clone();
        copy[9] = isee;
        return copy;
    }

    public static UploadedFile Clean(int rows = 2) => File(ElencoFiles.Workbook(Enumerable.Range(0, rows).Select(ElencoFiles.Row)));

    /// <summary>W03: an ISEE of zero is a warning, so the upload waits for confirmation.</summary>
    public static UploadedFile WithWarning() => File(ElencoFiles.Workbook([ElencoFiles.Row(0), WithIsee(ElencoFiles.Row(1), 0)]));

    /// <summary>R07: a negative ISEE rejects the file.</summary>
    public static UploadedFile WithError() => File(ElencoFiles.Workbook([ElencoFiles.Row(0), WithIsee(ElencoFiles.Row(1), -5)]));

    public static Task<List<Invio>> InviiAsync(this PortalFactory portal, Guid finestraId) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<GraduatorieDbContext>().Invii.AsNoTracking()
            .Where(i => i.FinestraId == finestraId).OrderBy(i => i.CreatedUtc).ToListAsync());
}
