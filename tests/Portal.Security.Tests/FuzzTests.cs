using System.Text;
using Xunit.Abstractions;

namespace Portal.Security.Tests;

/// <summary>
/// The issue's fuzz test: every API operation of the OpenAPI document, every page with a POST handler and every
/// undocumented POST endpoint gets malformed JSON, wrong types, NUL bytes, 2 and 8 MB fields, huge numbers,
/// malformed query strings and random GUIDs, from an anonymous caller, a citizen and an Amministratore. No 5xx,
/// an API 4xx is Italian problem details, and no row is written (see <see cref="RowCounter"/> for the tables not counted).
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class FuzzTests(ITestOutputHelper output)
{
    private static readonly Identity[] Callers = [Identity.Anonimo, Identity.Cittadino, Identity.Amministratore];
    private static SecurityPortal Portal => SecurityPortal.Shared;

    public static TheoryData<string> ApiOperations() => Data(Discovery.Get().Operations.Select(o => o.Key));
    public static TheoryData<string> PageHandlers() => Data(Discovery.Get().Pages.SelectMany(p => p.PostHandlers.Select(h => HandlerKey(p, h))));
    public static TheoryData<string> PageRoutes() => Data(Discovery.Get().Pages.Select(p => p.Key));
    public static TheoryData<string> UndocumentedPosts() => Data(Discovery.Get().Undocumented.Select(o => o.Key));

    [Theory]
    [MemberData(nameof(ApiOperations), DisableDiscoveryEnumeration = true)]
    public async Task An_API_operation_refuses_malformed_input_in_Italian_without_writing(string operation)
    {
        var catalog = Discovery.Get();
        var op = catalog.Operations.Single(o => o.Key == operation);
        await RunAsync(operation, FuzzCases.For(op, catalog.Document), api: true);
    }

    [Theory]
    [MemberData(nameof(PageHandlers), DisableDiscoveryEnumeration = true)]
    public async Task A_page_form_refuses_malformed_input_without_failing_or_writing(string handler)
    {
        var (page, h) = Discovery.Get().Pages.SelectMany(p => p.PostHandlers.Select(h => (p, h))).Single(x => HandlerKey(x.p, x.h) == handler);
        await RunAsync(handler, FuzzCases.For(page, h), api: false);
    }

    [Theory]
    [MemberData(nameof(PageRoutes), DisableDiscoveryEnumeration = true)]
    public async Task A_page_survives_a_malformed_query_string(string route)
    {
        var page = Discovery.Get().Pages.Single(p => p.Key == route);
        await RunAsync(route, FuzzCases.ForGet(page), api: false);
    }

    [Theory]
    [MemberData(nameof(UndocumentedPosts), DisableDiscoveryEnumeration = true)]
    public async Task An_endpoint_outside_the_OpenAPI_document_refuses_malformed_posts(string endpoint)
    {
        var catalog = Discovery.Get();
        var op = catalog.Undocumented.Single(o => o.Key == endpoint);
        var asPage = new PageRoute(op.Path, [], [new PageHandler(null, [])], op.Auth);
        await RunAsync(endpoint, FuzzCases.For(op, catalog.Document).Concat(FuzzCases.For(asPage, asPage.PostHandlers[0])).ToList(), api: false);
    }

    [Fact]
    public void Discovery_finds_the_API_and_the_forms_of_every_module()
    {
        var catalog = Discovery.Get();
        output.WriteLine($"{catalog.Operations.Count} operazioni API, {catalog.Pages.Count} pagine, {catalog.Pages.Sum(p => p.PostHandlers.Count)} gestori POST, {catalog.Undocumented.Count} POST fuori dal documento");
        foreach (var prefix in new[] { "/api/v1/profilo", "/api/v1/accreditamenti", "/api/v1/messaggi", "/api/v1/contenuti", "/api/v1/graduatorie", "/api/v1/admin/enti" })
            Assert.Contains(catalog.Operations, o => o.Path.StartsWith(prefix, StringComparison.Ordinal));
        Assert.Contains(catalog.Pages, p => p.Route == "/accesso-di-prova" && p.PostHandlers.Count > 0);
        Assert.Contains(catalog.Undocumented, o => o.Path == "/saml2/acs");
        Assert.True(Portal.DbContextTypes.Count >= 7, string.Join(", ", Portal.DbContextTypes.Select(t => t.Name)));
    }

    private async Task RunAsync(string endpoint, IReadOnlyList<FuzzCase> cases, bool api)
    {
        var failures = new List<string>();
        var known = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        foreach (var who in Callers)
        {
            var client = await who.SignInAsync(Portal);
            var token = cases.Any(c => c.WithToken) ? await TokenOfAsync(client) : null;
            var before = await RowCounter.CountAsync(Portal);
            SecurityPortal.Errors.Drain();
            foreach (var c in cases)
            {
                var content = c.Content();
                if (content is TokenSlot slot) content = slot.WithToken(c.WithToken ? token : null);
                string? problem;
                try
                {
                    var (response, body) = await Requests.SendAsync(client, c.Method, c.Url, content);
                    problem = Answers.Check(response, body, api);
                    statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                    if ((int)response.StatusCode >= 500) problem += " ← " + SecurityPortal.Errors.Drain();
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    problem = $"eccezione {e.GetType().Name}: {e.Message}";
                }
                if (problem is null) continue;
                var line = $"{who} {c.Method} {Shorten(c.Url)} [{c.Name}]: {problem}";
                if (KnownDefects.Match(endpoint, c.Name, who) is { } d) known.Add($"{line} (difetto noto: {d.Happens})");
                else failures.Add(line);
            }
            var changes = RowCounter.Changes(before, await RowCounter.CountAsync(Portal));
            if (changes.Count > 0)
            {
                var culprits = await WritersAsync(who, cases);
                var line = $"{who}: righe scritte da richieste rifiutate: {string.Join("; ", changes)} (da: {string.Join("; ", culprits)})";
                if (KnownDefects.Match(endpoint, "righe", who) is { } d) known.Add($"{line} (difetto noto: {d.Happens})");
                else failures.Add(line);
            }
        }
        output.WriteLine($"{endpoint}: {cases.Count} casi × {Callers.Length} chiamanti; stati {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        foreach (var k in known) output.WriteLine(k);
        Assert.True(failures.Count == 0, $"{endpoint}:\n" + string.Join("\n", failures));
    }

    /// <summary>After a family wrote rows: sends its cases again one at a time, counting after each, to name the ones that write.</summary>
    private static async Task<IReadOnlyList<string>> WritersAsync(Identity who, IReadOnlyList<FuzzCase> cases)
    {
        var client = await who.SignInAsync(Portal);
        var token = await TokenOfAsync(client);
        var writers = new List<string>();
        foreach (var c in cases)
        {
            var before = await RowCounter.CountAsync(Portal);
            var content = c.Content();
            if (content is TokenSlot slot) content = slot.WithToken(c.WithToken ? token : null);
            try { await Requests.SendAsync(client, c.Method, c.Url, content); }
            catch (Exception e) when (e is not OutOfMemoryException) { }
            var changes = RowCounter.Changes(before, await RowCounter.CountAsync(Portal));
            if (changes.Count > 0) writers.Add($"[{c.Name}] {string.Join(", ", changes)}");
        }
        return writers;
    }

    /// <summary>An antiforgery token of the caller's session (tokens are per session, not per page).</summary>
    private static async Task<string?> TokenOfAsync(HttpClient client)
    {
        foreach (var page in new[] { "/scelta-ruolo", "/accesso-di-prova", "/anagrafica", "/" })
        {
            try { return await global::Portal.Testing.PortalClient.TokenAsync(client, page); }
            catch (Exception e) when (e is InvalidOperationException or HttpRequestException) { }
        }
        return null;
    }

    private static string HandlerKey(PageRoute page, PageHandler handler) => handler.Name is null ? $"POST {page.Route}" : $"POST {page.Route}?handler={handler.Name}";

    private static string Shorten(string url) => url.Length <= 140 ? url.Replace("\0", "\\0", StringComparison.Ordinal) : url[..140] + "…";

    private static TheoryData<string> Data(IEnumerable<string> keys)
    {
        var data = new TheoryData<string>();
        foreach (var k in keys.Distinct()) data.Add(k);
        return data;
    }

    internal static string Describe(IEnumerable<string> lines) => new StringBuilder().AppendJoin('\n', lines).ToString();
}
