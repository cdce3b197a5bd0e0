using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Core.Validation;
using Portal.Did.Data;
using Portal.Workflows.Timers;

namespace Portal.Did.Tests;

/// <summary>The portal with the outbox dispatcher and the timer poller off: the tests run them, so "not yet" is observable.</summary>
public sealed class DidPortal() : PortalFactory(TestDatabase.Create(), Settings)
{
    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["Portal:Outbox:DispatcherEnabled"] = "false",
        ["Portal:Workflows:TimersEnabled"] = "false",
    };

    public Task<int> RunTimersAsync() => Services.GetRequiredService<WorkflowTimerRunner>().RunDueAsync(default);

    public static string NewCodiceFiscale()
    {
        var letters = string.Concat(Enumerable.Range(0, 6).Select(_ => (char)('A' + Random.Shared.Next(26))));
        var first15 = letters + "85C12A271";
        return first15 + CodiceFiscale.CheckCharacter(first15);
    }

    /// <summary>A fresh person usable with the development login; with <paramref name="cpi"/> an OperatoreCpi of that CPI.</summary>
    public async Task<(Guid Id, string Cf)> NewPersonAsync(string nome = "Prova", string cognome = "Persona", string? cpi = null)
    {
        var cf = NewCodiceFiscale();
        await using var scope = Services.CreateAsyncScope();
        var core = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        var person = new Person { CodiceFiscale = cf, Nome = nome, Cognome = cognome, Email = $"{cf.ToLowerInvariant()}@example.org", IsDemo = true, CreatedUtc = DateTime.UtcNow };
        core.Persons.Add(person);
        if (cpi is not null)
            core.RoleAssignments.Add(new RoleAssignment { PersonId = person.Id, RoleName = PortalRoles.OperatoreCpi, ScopeType = ScopeTypes.Cpi, ScopeValue = cpi, GrantedUtc = DateTime.UtcNow, GrantedBy = "test" });
        await core.SaveChangesAsync();
        return (person.Id, cf);
    }

    /// <summary>A fresh citizen who saved the Anagrafica (residence Ancona: CPI di Ancona), signed in.</summary>
    public async Task<(HttpClient Client, Guid Id, string Cf)> CitizenAsync(string nome = "Prova", string cognome = "Persona")
    {
        var (id, cf) = await NewPersonAsync(nome, cognome);
        var client = await this.LoginAsync(cf);
        await client.CompleteAnagraficaAsync();
        return (client, id, cf);
    }

    public async Task<HttpClient> OperatorAsync(string cpi)
    {
        var (_, cf) = await NewPersonAsync("Operatore", "Cpi", cpi);
        return await this.LoginAsync(cf, PortalRoles.OperatoreCpi);
    }

    public Task<T> WithDidAsync<T>(Func<DidDbContext, Task<T>> query) => this.InScopeAsync(sp => query(sp.GetRequiredService<DidDbContext>()));

    internal Task<T> WithCoreAsync<T>(Func<CoreDbContext, Task<T>> query) => this.InScopeAsync(sp => query(sp.GetRequiredService<CoreDbContext>()));

    public Task<T> WithProtocolAsync<T>(Func<Portal.Protocol.Data.ProtocolDbContext, Task<T>> query) =>
        this.InScopeAsync(sp => query(sp.GetRequiredService<Portal.Protocol.Data.ProtocolDbContext>()));

    public Task<T> WithAuditAsync<T>(Func<Portal.AuditTrail.Data.AuditTrailDbContext, Task<T>> query) =>
        this.InScopeAsync(sp => query(sp.GetRequiredService<Portal.AuditTrail.Data.AuditTrailDbContext>()));

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, object body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/did/dichiarazioni") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString("N"));
        return client.SendAsync(request);
    }

    public static readonly string[] Obbligatorie =
        ["nonAltroCpi", "statoDisoccupazione", "disponibileLavoro", "disponibileRicerca", "impegnoAppuntamento", "impegnoColloquio", "consapevole"];

    public static Dictionary<string, bool> AllDeclared(params string[] except) =>
        Obbligatorie.Where(o => !except.Contains(o)).ToDictionary(o => o, _ => true);

    /// <summary>Sends a complete DID and returns its id.</summary>
    public static async Task<Guid> SendOkAsync(HttpClient client)
    {
        var response = await SendAsync(client, AllDeclared());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("dichiarazione").GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(body).RootElement;
    }

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string? postUrl, params (string, string)[] fields)
    {
        var token = await PortalClient.TokenAsync(client, pageUrl);
        return await client.PostAsync(postUrl ?? pageUrl, PortalClient.Form(token, fields));
    }

    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body);

    public async Task<int> DidCountAsync(Guid personId) => await WithDidAsync(db => db.Dichiarazioni.CountAsync(d => d.PersonId == personId));
}

[CollectionDefinition(Name)]
public sealed class DidCollection : ICollectionFixture<DidPortal>
{
    public const string Name = "did";
}
