using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Testing;
using Xunit.Abstractions;

namespace Portal.Security.Tests;

/// <summary>
/// The issue's authorization matrix: every API operation of the OpenAPI document and every page route × every demo
/// role and anonymous. What a cell expects comes from the endpoint's metadata (AllowAnonymous, Authorize, the
/// permission policies "perm:…") and the grants in core_role_permission; every answer is searched for another
/// person's codice fiscale or another Comune's ISTAT code.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class AuthorizationMatrixTests(ITestOutputHelper output)
{
    private static SecurityPortal Portal => SecurityPortal.Shared;
    private static readonly Lazy<Task<Matrix>> State = new(() => Matrix.LoadAsync(Portal));

    public static TheoryData<string> ApiOperations() => Data(Discovery.Get().Operations.Select(o => o.Key));
    public static TheoryData<string> PageRoutes() => Data(Discovery.Get().Pages.Select(p => p.Key));

    [Theory]
    [MemberData(nameof(ApiOperations), DisableDiscoveryEnumeration = true)]
    public async Task An_API_operation_answers_each_role_as_its_grants_say_and_leaks_nothing(string operation)
    {
        var matrix = await State.Value;
        var op = Discovery.Get().Operations.Single(o => o.Key == operation);
        var failures = new List<string>();
        var cells = 0;
        var expectations = new List<Expectation>();
        foreach (var who in Identity.All)
        {
            var expected = matrix.Expect(op.Auth, who);
            expectations.Add(expected);
            foreach (var url in matrix.Urls(op, who))
            {
                cells++;
                var content = op.Method is "GET" or "DELETE" ? null : op.Multipart ? new MultipartFormDataContent() : (HttpContent)FuzzCases.Json("{}");
                var (response, body) = await Requests.SendAsync(matrix.Clients[who], new HttpMethod(op.Method), url, content);
                var status = (int)response.StatusCode;
                var cell = $"{who} {op.Method} {url}";
                if (status >= 500) failures.Add($"{cell}: {status}");
                else if (expected == Expectation.Login && status != 401) failures.Add($"{cell}: atteso 401, ricevuto {status}");
                else if (expected == Expectation.Denied && status != 403) failures.Add($"{cell}: atteso 403 (permessi {string.Join(", ", op.Auth.Permissions)}), ricevuto {status}");
                else if (expected == Expectation.Allowed && status == 401) failures.Add($"{cell}: 401 con una sessione valida");
                if (matrix.Leak(who, op.Auth, url, body + response.Headers.Location) is { } leak) failures.Add($"{cell}: la risposta contiene {leak}");
            }
        }
        output.WriteLine($"{operation}: {cells} celle; per ruolo {Summary(expectations)}");
        Assert.True(failures.Count == 0, $"{operation}:\n" + string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(PageRoutes), DisableDiscoveryEnumeration = true)]
    public async Task A_page_answers_each_role_as_its_grants_say_and_leaks_nothing(string route)
    {
        var matrix = await State.Value;
        var page = Discovery.Get().Pages.Single(p => p.Key == route);
        var failures = new List<string>();
        var cells = 0;
        var expectations = new List<Expectation>();
        foreach (var who in Identity.All)
        {
            var expected = matrix.Expect(page.Auth, who);
            expectations.Add(expected);
            foreach (var url in matrix.Urls(page))
            {
                cells++;
                var (response, body) = await Requests.SendAsync(matrix.Clients[who], HttpMethod.Get, url);
                var status = (int)response.StatusCode;
                var cell = $"{who} GET {url}";
                var toLogin = Requests.IsRedirectTo(response, "/accedi");
                var denied = Requests.IsRedirectTo(response, "/accesso-negato") || response.StatusCode == HttpStatusCode.Forbidden;
                if (status >= 500) failures.Add($"{cell}: {status}");
                else if (expected == Expectation.Login && !toLogin) failures.Add($"{cell}: atteso il rinvio all'accesso, ricevuto {status} {response.Headers.Location}");
                else if (expected == Expectation.Denied && !denied) failures.Add($"{cell}: atteso l'accesso negato (permessi {string.Join(", ", page.Auth.Permissions)}), ricevuto {status} {response.Headers.Location}");
                else if (expected == Expectation.Allowed && toLogin) failures.Add($"{cell}: rinviato all'accesso con una sessione valida");
                if (matrix.Leak(who, page.Auth, url, body + response.Headers.Location) is { } leak) failures.Add($"{cell}: la pagina contiene {leak}");
            }
        }
        output.WriteLine($"{route}: {cells} celle; per ruolo {Summary(expectations)}");
        Assert.True(failures.Count == 0, $"{route}:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task The_grants_come_from_the_database_and_every_role_signs_in()
    {
        var matrix = await State.Value;
        Assert.Contains("Graduatorie.Upload", matrix.Grants["OperatoreComune"]);
        Assert.DoesNotContain("Core.ManageUsers", matrix.Grants["Editor"]);
        foreach (var who in Identity.All.Where(i => i.CodiceFiscale is not null))
        {
            var session = await matrix.Clients[who].GetFromJsonAsync<JsonElement>("/api/v1/sessione");
            Assert.Contains(who.CodiceFiscale!, session.GetRawText(), StringComparison.Ordinal);
        }
        output.WriteLine($"GUID raccolti dalle risposte: {matrix.Harvested.Sum(h => h.Value.Count)}");
    }

    private static string Summary(IEnumerable<Expectation> e) => string.Join(", ", e.GroupBy(x => x).Select(g => $"{g.Key} {g.Count()}"));

    private static TheoryData<string> Data(IEnumerable<string> keys)
    {
        var data = new TheoryData<string>();
        foreach (var k in keys.Distinct()) data.Add(k);
        return data;
    }
}

public enum Expectation { Any, Login, Denied, Allowed }

/// <summary>The matrix's fixed parts: a signed-in client per identity, the grants, the identifiers that must not leak, real ids to ask for.</summary>
public sealed class Matrix
{
    public required IReadOnlyDictionary<Identity, HttpClient> Clients { get; init; }
    public required IReadOnlyDictionary<string, HashSet<string>> Grants { get; init; }
    /// <summary>GUIDs the API's own list answers expose, by the name of the property or list that carries them.</summary>
    public required IReadOnlyDictionary<string, List<string>> Harvested { get; init; }

    /// <summary>Every demo person's codice fiscale, by identity.</summary>
    private static readonly IReadOnlyList<string> DemoCodiciFiscali = Identity.All.Select(i => i.CodiceFiscale).OfType<string>().Distinct().ToList();

    /// <summary>ISTAT codes of the Comuni an operator does not serve (recipes/demo.recipe.json: Ancona 042002 and 042018, Pesaro 041044).</summary>
    private static readonly IReadOnlyDictionary<Identity, string[]> OtherComuni = new Dictionary<Identity, string[]>
    {
        [Identity.OperatorePesaro] = ["042002", "042018"],
        [Identity.OperatoreAncona] = ["041044"],
    };

    /// <summary>
    /// Pages that exist only with Portal:DevLogin:Enabled (never in production), whose purpose is to list the demo people
    /// with their codici fiscali to sign in as one of them.
    /// </summary>
    private static readonly string[] DevelopmentOnly = ["/accesso-di-prova"];

    /// <summary>Identities that may see other people's data by their role (the regional staff and the administrator).</summary>
    private static readonly IReadOnlySet<Identity> SeeOthers = new HashSet<Identity> { Identity.Amministratore, Identity.Funzionario };

    public static async Task<Matrix> LoadAsync(SecurityPortal portal)
    {
        var clients = new Dictionary<Identity, HttpClient>();
        foreach (var who in Identity.All) clients[who] = await who.SignInAsync(portal);
        var grants = await portal.InScopeAsync(async sp => (await sp.GetRequiredService<CoreDbContext>().RolePermissions.AsNoTracking().ToListAsync())
            .GroupBy(p => p.RoleName).ToDictionary(g => g.Key, g => g.Select(p => p.PermissionName).ToHashSet(StringComparer.Ordinal)));
        var harvested = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var op in Discovery.Get().Operations.Where(o => o.Method == "GET" && !o.Path.Contains('{', StringComparison.Ordinal)))
        {
            foreach (var who in Identity.All)
            {
                var r = await clients[who].GetAsync(op.Path);
                if (!r.IsSuccessStatusCode || r.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true) continue;
                try { Harvest(JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement, op.Path.Split('/')[^1], harvested); }
                catch (JsonException) { }
            }
        }
        return new Matrix { Clients = clients, Grants = grants, Harvested = harvested };
    }

    private static void Harvest(JsonElement e, string context, Dictionary<string, List<string>> into)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Value.ValueKind == JsonValueKind.String && Guid.TryParse(p.Value.GetString(), out _))
                    {
                        var key = p.Name.Equals("id", StringComparison.OrdinalIgnoreCase) ? context : p.Name;
                        if (!into.TryGetValue(key, out var list)) into[key] = list = [];
                        if (!list.Contains(p.Value.GetString()!)) list.Add(p.Value.GetString()!);
                    }
                    else Harvest(p.Value, p.Name, into);
                }
                break;
            case JsonValueKind.Array:
                foreach (var x in e.EnumerateArray()) Harvest(x, context, into);
                break;
        }
    }

    public Expectation Expect(EndpointAuth auth, Identity who)
    {
        if (!auth.RequiresUser) return Expectation.Any;
        if (who.ActiveRole is null) return Expectation.Login;
        return auth.Permissions.All(p => Has(who.ActiveRole, p)) ? Expectation.Allowed : Expectation.Denied;
    }

    /// <summary>The role's grants in core_role_permission; the Amministratore holds every permission (PermissionService's one rule in code).</summary>
    private bool Has(string role, string permission) =>
        role == "Amministratore" || (Grants.TryGetValue(role, out var g) && g.Contains(permission));

    /// <summary>Real ids for a GUID parameter: the API's own answers under that name, or under a list named like the segment before it.</summary>
    private IEnumerable<string> IdsFor(string param, string previousSegment)
    {
        static string Stem(string s) => s.Length <= 5 ? s : s[..5];
        var stems = new[] { param.EndsWith("Id", StringComparison.Ordinal) && param.Length > 2 ? param[..^2] : param, previousSegment }
            .Where(s => s.Length >= 3 && s != "id").Select(Stem).ToList();
        var ids = Harvested.Where(h => h.Key.Equals(param, StringComparison.OrdinalIgnoreCase) || stems.Any(s => h.Key.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(h => h.Value).Distinct().Take(6).ToList();
        return ids.Count > 0 ? ids : Harvested.SelectMany(h => h.Value).Distinct().Take(3);
    }

    private static readonly string[] ComuneValues = ["042002", "041044"];

    /// <summary>The URLs a cell asks: each GUID parameter with a random id and with real ones, each other parameter with both demo Comuni.</summary>
    public IReadOnlyList<string> Urls(ApiOperation op, Identity who)
    {
        _ = who;
        var rng = FuzzCases.RandomFor("matrice " + op.Key);
        var urls = new List<string> { op.Path };
        var segments = op.Path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{')) continue;
            var name = segments[i].Trim('{', '}');
            var p = op.Parameters.FirstOrDefault(x => x.Name == name && x.In == "path");
            IEnumerable<string> values = p?.Format == "uuid"
                // Writes get only a random id: a real one could carry out the operation.
                ? op.Method == "GET" ? IdsFor(name, i > 0 ? segments[i - 1] : "").Prepend(FuzzCases.RandomGuid(rng).ToString()) : [FuzzCases.RandomGuid(rng).ToString()]
                : p?.Type is "integer" or "number" ? ["1"] : ComuneValues;
            urls = urls.SelectMany(u => values.Select(v => u.Replace(segments[i], v, StringComparison.Ordinal))).ToList();
        }
        return urls.Distinct().Take(24).ToList();
    }

    public IReadOnlyList<string> Urls(PageRoute page)
    {
        var rng = FuzzCases.RandomFor("matrice " + page.Key);
        var urls = new List<string> { page.Route };
        var segments = page.Route.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{')) continue;
            var name = segments[i].Trim('{', '}');
            var p = page.RouteParameters.First(x => x.Name == name);
            IEnumerable<string> values = p.ParameterPolicies.Any(x => x.Content == "guid")
                ? IdsFor(name, i > 0 ? segments[i - 1] : "").Prepend(FuzzCases.RandomGuid(rng).ToString())
                : p.ParameterPolicies.Any(x => x.Content == "int") ? ["1"] : ComuneValues;
            urls = urls.SelectMany(u => values.Select(v => u.Replace(segments[i], v, StringComparison.Ordinal))).ToList();
        }
        return urls.Distinct().Take(24).ToList();
    }

    /// <summary>Another person's codice fiscale, or another Comune's ISTAT code on a non-public endpoint, that the request did not name.</summary>
    public string? Leak(Identity who, EndpointAuth auth, string url, string answer)
    {
        if (SeeOthers.Contains(who) || DevelopmentOnly.Any(p => url.StartsWith(p, StringComparison.Ordinal))) return null;
        foreach (var cf in DemoCodiciFiscali.Where(cf => cf != who.CodiceFiscale && !url.Contains(cf, StringComparison.Ordinal)))
            if (answer.Contains(cf, StringComparison.Ordinal)) return $"il codice fiscale di un'altra persona ({cf})";
        if (auth.RequiresUser && OtherComuni.TryGetValue(who, out var istat))
            foreach (var code in istat.Where(c => !url.Contains(c, StringComparison.Ordinal)))
                if (answer.Contains(code, StringComparison.Ordinal)) return $"il codice ISTAT di un altro Comune ({code})";
        return null;
    }
}
