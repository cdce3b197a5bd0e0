using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Bonus.Data;
using Portal.Core.Data;
using Portal.Core.Security;

namespace Portal.Bonus.Tests;

/// <summary>The portal with the outbox dispatcher and timers off: the tests run the outbox, so "protocol not yet assigned" is observable.</summary>
public sealed class BonusPortal() : PortalFactory(TestDatabase.Create(), new Dictionary<string, string?>
{
    ["Portal:Outbox:DispatcherEnabled"] = "false",
    ["Portal:Workflows:TimersEnabled"] = "false",
})
{
    private int _people;

    /// <summary>A new person (listed on the development login) with a unique, valid codice fiscale.</summary>
    public async Task<(string Cf, Guid Id)> NewPersonAsync(string cognome = "Bianchi", string nome = "Luca")
    {
        var n = Interlocked.Increment(ref _people);
        var birth = new DateOnly(1970, 1, 1).AddDays(n + Random.Shared.Next(0, 5000) * 3);
        var cf = TestCodiciFiscali.Make(Letters(n, 0), Letters(n, 7), birth, place: "A271");
        return await this.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoreDbContext>();
            if (await db.Persons.AnyAsync(p => p.CodiceFiscale == cf)) return await NewPersonAsync(cognome, nome);
            var person = new Person { CodiceFiscale = cf, Nome = nome, Cognome = cognome, IsDemo = true, CreatedUtc = DateTime.UtcNow };
            db.Persons.Add(person);
            await db.SaveChangesAsync();
            return (cf, person.Id);
        });
    }

    /// <summary>Three consonant-like letters from a number, so every test person has a different CF.</summary>
    private static string Letters(int n, int salt)
    {
        const string a = "BCDFGHLMNPRSTVZ";
        var x = n * 7919 + salt * 104729 + Environment.ProcessId;
        return new string([a[x % 15], a[x / 15 % 15], a[x / 225 % 15]]);
    }

    /// <summary>A citizen logged in, with the Anagrafica saved (residence: the given Comune, Ancona by default).</summary>
    public async Task<Citizen> CitizenAsync(string comuneIstat = "042002", string cognome = "Bianchi", string nome = "Luca")
    {
        var (cf, id) = await NewPersonAsync(cognome, nome);
        var client = await this.LoginAsync(cf);
        var profilo = await client.GetFromJsonAsync<JsonObject>("/api/v1/profilo") ?? throw new InvalidOperationException();
        var input = profilo["modificabili"]!.AsObject();
        input["residenzaVia"] = "Via Roma";
        input["residenzaCivico"] = "3";
        input["residenzaCap"] = comuneIstat == "042002" ? "60121" : comuneIstat == "058091" ? "00118" : "60015";
        input["residenzaComune"] = comuneIstat;
        input["email"] = "genitore.prova@example.org";
        input["cittadinanza"] = "100";
        var saved = await client.PutAsJsonAsync("/api/v1/profilo", input);
        if (!saved.IsSuccessStatusCode) throw new InvalidOperationException($"Anagrafica non salvata: {await saved.Content.ReadAsStringAsync()}");
        return new Citizen(client, cf, id, nome, cognome);
    }

    public Task<Guid> BandoIdAsync(string codice = "BONUS_DDI_2021") =>
        this.InScopeAsync(sp => sp.GetRequiredService<BonusDbContext>().Bandi.Where(b => b.Codice == codice).Select(b => b.Id).SingleAsync());

    public Task<T> InBonusAsync<T>(Func<BonusDbContext, Task<T>> action) =>
        this.InScopeAsync(sp => action(sp.GetRequiredService<BonusDbContext>()));

    internal Task<T> InCoreAsync<T>(Func<CoreDbContext, Task<T>> action) =>
        this.InScopeAsync(sp => action(sp.GetRequiredService<CoreDbContext>()));

    public Task<T> InProtocolAsync<T>(Func<Portal.Protocol.Data.ProtocolDbContext, Task<T>> action) =>
        this.InScopeAsync(sp => action(sp.GetRequiredService<Portal.Protocol.Data.ProtocolDbContext>()));

    public Task<T> InAuditAsync<T>(Func<Portal.AuditTrail.Data.AuditTrailDbContext, Task<T>> action) =>
        this.InScopeAsync(sp => action(sp.GetRequiredService<Portal.AuditTrail.Data.AuditTrailDbContext>()));

    /// <summary>The session of a person as the claims transformation builds it, for the service-level concurrency test.</summary>
    public static ClaimsPrincipal Principal(Guid personId, string cf, string role = PortalRoles.Cittadino) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, cf),
            new Claim(PortalClaims.PersonId, personId.ToString()),
            new Claim(PortalClaims.CodiceFiscale, cf),
            new Claim(PortalClaims.Role, role),
        ], "test"));

}

public sealed record Citizen(HttpClient Client, string Cf, Guid PersonId, string Nome, string Cognome);

[CollectionDefinition(Name)]
public sealed class BonusCollection : ICollectionFixture<BonusPortal>
{
    public const string Name = "Bonus";
}
