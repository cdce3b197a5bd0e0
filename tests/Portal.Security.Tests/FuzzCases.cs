using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Security.Tests;

/// <summary>One malformed request: what it is (named in failures), where it goes, what it carries.</summary>
public sealed record FuzzCase(string Name, HttpMethod Method, string Url, Func<HttpContent?> Content, bool WithToken = true)
{
    public override string ToString() => Name;
}

/// <summary>
/// Builds the malformed requests for an operation of the OpenAPI document or a page handler, from its parameters and
/// body schema. Deterministic: the random parts (GUIDs, which fields get which mutation) come from a seeded Random.
/// </summary>
public static class FuzzCases
{
    public const int Seed = 20261201;
    /// <summary>At most this many cases per endpoint and caller (the URL cases first, then a seeded sample of the body cases).</summary>
    public const int MaxCasesPerEndpoint = 40;
    public const int TwoMegabytes = 2 * 1024 * 1024;
    public const int EightMegabytes = 8 * 1024 * 1024;

    public static readonly string[] BadQueryValues = ["abc", "%", "%00", "x", "%zz", "99999999999999999999999", "-1", "1e309", "", "9999-99-99", "a%00b"];
    public static readonly string[] BadQueryStrings = ["?pagina=abc&stato=x&dal=x", "?pagina=%", "?%", "?%00=%00", "?dal=9999-99-99&al=x", "?pagina=-1&dimensione=99999999999999999999"];

    private static string Big(int size) => new('a', size);

    public static Random RandomFor(string key) => new(Seed ^ StableHash(key));

    private static int StableHash(string s)
    {
        unchecked
        {
            var h = 17;
            foreach (var c in s) h = h * 31 + c;
            return h;
        }
    }

    // ---------------------------------------------------------------- API operations

    public static IReadOnlyList<FuzzCase> For(ApiOperation op, JsonElement document)
    {
        var rng = RandomFor(op.Key);
        var method = new HttpMethod(op.Method);
        var routeParams = op.Parameters.Where(p => p.In == "path").ToList();
        var queryParams = op.Parameters.Where(p => p.In == "query").ToList();
        string Url(IReadOnlyDictionary<string, string>? route = null, string? query = null)
        {
            var path = op.Path;
            foreach (var p in routeParams)
                path = path.Replace("{" + p.Name + "}", route?.GetValueOrDefault(p.Name) ?? Plausible(p, rng), StringComparison.Ordinal);
            var q = query ?? string.Join("&", queryParams.Where(p => p.Required).Select(p => $"{p.Name}={Uri.EscapeDataString(Plausible(p, rng))}"));
            return q.Length == 0 ? path : path + (q.StartsWith('?') ? q : "?" + q);
        }

        var urlCases = new List<FuzzCase>();
        var plausibleBody = op.JsonBody is { } schema ? Sample(document, schema, 0, rng) : null;
        // The URL cases carry a correct body only where the route names a (random, so missing) resource; a create
        // endpoint gets an empty object, so that no case is a valid request that may rightly write a row.
        HttpContent? DefaultContent() => op.Multipart ? EmptyMultipart()
            : plausibleBody is null ? null
            : Json(routeParams.Any(p => p.Format == "uuid") ? plausibleBody.ToJsonString() : "{}");
        foreach (var p in routeParams)
        {
            // No "%00" in a path: Kestrel refuses it with 400 before routing, and TestServer throws on it client-side.
            var values = p.Format == "uuid" ? new[] { RandomGuid(rng).ToString(), "non-un-guid", "%2500" }
                : p.Type is "integer" or "number" ? new[] { "abc", "99999999999999999999999", "-1" }
                : new[] { "a%2500b", "..%2F..%2Fetc%2Fpasswd", Big(2000), "%E2%80%AE%E3%80%80", RandomGuid(rng).ToString() };
            foreach (var v in values)
                urlCases.Add(new($"percorso {p.Name}={Short(v)}", method, Url(new Dictionary<string, string> { [p.Name] = v }), DefaultContent));
        }
        foreach (var p in queryParams)
        {
            foreach (var v in BadQueryValues.OrderBy(_ => rng.Next()).Take(4).Append("abc").Append("%00").Distinct())
            {
                var others = queryParams.Where(o => o != p && o.Required).Select(o => $"{o.Name}={Uri.EscapeDataString(Plausible(o, rng))}");
                urlCases.Add(new($"query {p.Name}={Short(v)}", method, Url(query: string.Join("&", others.Prepend($"{p.Name}={v}"))), DefaultContent));
            }
        }
        foreach (var q in BadQueryStrings) urlCases.Add(new($"query {q}", method, Url(query: q), DefaultContent));

        var bodyCases = new List<FuzzCase>();
        if (method != HttpMethod.Get && method != HttpMethod.Head)
        {
            var url = Url();
            foreach (var (name, text) in MalformedJson)
                bodyCases.Add(new($"corpo {name}", method, url, () => Json(text)));
            bodyCases.Add(new("corpo con NUL", method, url, () => Json("{\"a\":\"\0\"}\0")));
            bodyCases.Add(new("corpo UTF-8 non valido", method, url, () => Bytes([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D], "application/json")));
            bodyCases.Add(new("corpo di 2 MB non JSON", method, url, () => Json(Big(TwoMegabytes))));
            if (op.JsonBody is { } body)
            {
                var resolved = Discovery.Resolve(document, body);
                foreach (var (prop, propSchema, required) in Properties(document, resolved))
                {
                    var type = Discovery.TypeOf(propSchema);
                    foreach (var (mutation, value) in Mutations(type, Discovery.FormatOf(propSchema), required, rng))
                    {
                        bodyCases.Add(new($"campo {prop} {mutation}", method, url, () =>
                        {
                            var obj = (Sample(document, body, 0, new Random(Seed)) as JsonObject) ?? new JsonObject();
                            obj[prop] = value?.DeepClone();
                            return Json(obj.ToJsonString());
                        }));
                    }
                }
                var firstString = Properties(document, resolved).FirstOrDefault(p => Discovery.TypeOf(p.Schema) == "string").Name;
                if (firstString is not null)
                {
                    bodyCases.Add(new($"campo {firstString} di 8 MB", method, url, () =>
                    {
                        var obj = (Sample(document, body, 0, new Random(Seed)) as JsonObject) ?? new JsonObject();
                        obj[firstString] = Big(EightMegabytes);
                        return Json(obj.ToJsonString());
                    }));
                }
            }
            if (op.Multipart)
            {
                bodyCases.Add(new("multipart senza boundary", method, url, () => Raw("--x\r\n\r\n", "multipart/form-data")));
                bodyCases.Add(new("multipart troncato", method, url, () => Raw("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\nPK\u0003\u0004", "multipart/form-data; boundary=b")));
                bodyCases.Add(new("multipart con file di 2 MB casuali", method, url, () => Multipart("file", "elenco.xlsx", RandomBytes(rng, TwoMegabytes))));
                bodyCases.Add(new("multipart con nome del file con NUL", method, url, () => Multipart("file", "a\0b.xlsx", [0x50, 0x4B, 0x03, 0x04])));
                bodyCases.Add(new("multipart senza file", method, url, EmptyMultipart));
                bodyCases.Add(new("JSON al posto del multipart", method, url, () => Json("{\"file\":1}")));
            }
        }

        return urlCases.Take(MaxCasesPerEndpoint / 2)
            .Concat(bodyCases.Count <= MaxCasesPerEndpoint / 2 ? bodyCases : bodyCases.Take(8).Concat(bodyCases.Skip(8).OrderBy(_ => rng.Next()).Take(MaxCasesPerEndpoint / 2 - 8)))
            .Concat(urlCases.Skip(MaxCasesPerEndpoint / 2))
            .Take(MaxCasesPerEndpoint).ToList();
    }

    private static readonly (string Name, string Text)[] MalformedJson =
    [
        ("JSON malformato", "{ non json"),
        ("JSON troncato", "{\"nome\": "),
        ("vuoto", ""),
        ("null", "null"),
        ("array invece di oggetto", "[1,2,3]"),
        ("stringa invece di oggetto", "\"x\""),
        ("numero enorme", "1e400"),
        ("annidato 10.000 livelli", new string('[', 10000) + new string(']', 10000)),
        ("JSON con commenti e virgole finali", "{\"a\":1,/*x*/}"),
    ];

    private static IEnumerable<(string Mutation, JsonNode? Value)> Mutations(string type, string? format, bool required, Random rng)
    {
        // Only mutations that make the body wrong: null only where the schema requires a value.
        if (required) yield return ("null (obbligatorio)", null);
        yield return ("NUL", JsonValue.Create("a\0b"));
        switch (type)
        {
            case "string":
                yield return ("numero invece di stringa", JsonValue.Create(12345));
                yield return ("oggetto invece di stringa", new JsonObject { ["x"] = 1 });
                yield return ("di 2 MB", JsonValue.Create(Big(TwoMegabytes)));
                if (format == "uuid") yield return ("non un GUID", JsonValue.Create("non-un-guid"));
                if (format is "date" or "date-time") yield return ("data impossibile", JsonValue.Create("2026-02-30"));
                break;
            case "integer":
            case "number":
                yield return ("stringa invece di numero", JsonValue.Create("abc"));
                yield return ("numero enorme", JsonNode.Parse("99999999999999999999999999999"));
                yield return ("1e309", JsonNode.Parse("1e308"));
                yield return ("negativo", JsonValue.Create(-2147483648L));
                break;
            case "array":
                yield return ("oggetto invece di array", new JsonObject { ["x"] = 1 });
                yield return ("array di null", new JsonArray(null, null));
                yield return ("array di 2 MB", JsonValue.Create(Big(TwoMegabytes)));
                break;
            case "boolean":
                yield return ("stringa invece di booleano", JsonValue.Create("forse"));
                break;
            default:
                yield return ("array invece di oggetto", new JsonArray(1, 2));
                yield return ("stringa invece di oggetto", JsonValue.Create("x"));
                break;
        }
        _ = required;
    }

    public static IEnumerable<(string Name, JsonElement Schema, bool Required)> Properties(JsonElement document, JsonElement schema)
    {
        schema = Discovery.Resolve(document, schema);
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out var props)) yield break;
        var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()).ToHashSet() : [];
        foreach (var p in props.EnumerateObject()) yield return (p.Name, Discovery.Resolve(document, p.Value), required.Contains(p.Name));
    }

    /// <summary>A plausible value of a schema: what a correct client would send.</summary>
    public static JsonNode? Sample(JsonElement document, JsonElement schema, int depth, Random rng)
    {
        schema = Discovery.Resolve(document, schema);
        var type = Discovery.TypeOf(schema);
        var format = Discovery.FormatOf(schema);
        switch (type)
        {
            case "object":
                var obj = new JsonObject();
                if (depth < 3)
                    foreach (var (name, s, _) in Properties(document, schema)) obj[name] = Sample(document, s, depth + 1, rng);
                return obj;
            case "array":
                return new JsonArray();
            case "integer":
                return JsonValue.Create(1);
            case "number":
                return JsonValue.Create(1.5);
            case "boolean":
                return JsonValue.Create(true);
            default:
                if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var e) && e.GetArrayLength() > 0) return JsonNode.Parse(e[0].GetRawText());
                return format switch
                {
                    "uuid" => JsonValue.Create(RandomGuid(rng).ToString()),
                    "date" => JsonValue.Create("2026-01-15"),
                    "date-time" => JsonValue.Create("2026-01-15T10:00:00Z"),
                    "byte" => JsonValue.Create("AAAA"),
                    _ => JsonValue.Create("prova"),
                };
        }
    }

    private static string Plausible(ApiParameter p, Random rng) => p.Format switch
    {
        "uuid" => RandomGuid(rng).ToString(),
        "date" => "2026-01-15",
        "date-time" => "2026-01-15T10:00:00Z",
        _ => p.Type is "integer" or "number" ? "1" : p.Type == "boolean" ? "true" : "042002",
    };

    // ---------------------------------------------------------------- page handlers

    public static IReadOnlyList<FuzzCase> For(PageRoute page, PageHandler handler)
    {
        var rng = RandomFor(page.Route + "?" + handler.Name);
        var path = page.Route;
        foreach (var p in page.RouteParameters)
        {
            var guid = p.ParameterPolicies.Any(x => x.Content == "guid");
            var integer = p.ParameterPolicies.Any(x => x.Content == "int");
            path = path.Replace("{" + p.Name + "}", guid ? RandomGuid(rng).ToString() : integer ? "1" : "x", StringComparison.Ordinal);
        }
        var url = handler.Name is null ? path : $"{path}?handler={handler.Name}";
        string With(string query) => url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
        var fields = handler.Fields;
        var simple = fields.Where(f => f.Type != typeof(Microsoft.AspNetCore.Http.IFormFile)).ToList();
        var files = fields.Where(f => f.Type == typeof(Microsoft.AspNetCore.Http.IFormFile)).ToList();
        var post = HttpMethod.Post;
        var cases = new List<FuzzCase>
        {
            new("senza token antiforgery, con NUL", post, url, () => Form(simple.Select(f => (f.Name, "a\0b"))), WithToken: false),
            new("NUL in ogni campo", post, url, () => Form(simple.Select(f => (f.Name, "a\0b")))),
            new("tipi sbagliati in ogni campo", post, url, () => Form(simple.Select(f => (f.Name, WrongFor(f.Type))))),
            // Huge numbers only where a number is expected (in a text field they are a valid text).
            new("numeri enormi", post, url, () => Form(simple.Select(f => (f.Name, IsNumber(f.Type) ? "99999999999999999999999" : "a\0b")))),
            new("codifica malformata", post, url, () => Raw("a=%&b=%zz&%00=1&" + string.Join("&", simple.Select(f => Uri.EscapeDataString(f.Name) + "=%zz%00")), "application/x-www-form-urlencoded")),
            new("multipart senza boundary", post, url, () => Raw("--x\r\n\r\n", "multipart/form-data")),
            new("JSON al posto del modulo", post, url, () => Json("{\"a\":1}")),
            new("query malformata", post, With("pagina=abc&stato=x&dal=x&returnUrl=%00"), () => Form(simple.Select(f => (f.Name, "a\0b")))),
            new("2 MB in tutti i campi (fino a 4)", post, url, () => Form(simple.Take(4).Select(f => (f.Name, Big(TwoMegabytes))))),
        };
        foreach (var f in simple.OrderBy(_ => rng.Next()).Take(3))
            cases.Add(new($"campo {f.Name} di 2 MB", post, url, () => Form(simple.Select(o => (o.Name, o == f ? Big(TwoMegabytes) : "%00\0")))));
        if (simple.Count > 0)
            cases.Add(new($"campo {simple[0].Name} di 8 MB", post, url, () => Form([(simple[0].Name, Big(EightMegabytes))])));
        foreach (var f in files)
        {
            cases.Add(new($"file {f.Name} di 2 MB casuali", post, url, () => Multipart(f.Name, "dati.xlsx", RandomBytes(rng, TwoMegabytes), simple)));
            cases.Add(new($"file {f.Name} con nome con NUL", post, url, () => Multipart(f.Name, "a\0b.pdf", [0x25, 0x50, 0x44, 0x46], simple)));
            cases.Add(new($"file {f.Name} vuoto", post, url, () => Multipart(f.Name, "vuoto.csv", [], simple)));
        }
        // A handler that binds nothing does its job on any request with a valid token (e.g. "start a demo request"):
        // only the cases it must refuse (no token, unreadable body) are malformed for it.
        if (fields.Count == 0) cases = cases.Where(c => !c.WithToken || c.Content() is not TokenSlot).ToList();
        return cases.Take(MaxCasesPerEndpoint).ToList();
    }

    /// <summary>GET requests with malformed query strings for a page.</summary>
    public static IReadOnlyList<FuzzCase> ForGet(PageRoute page)
    {
        var rng = RandomFor(page.Route);
        var path = page.Route;
        foreach (var p in page.RouteParameters)
        {
            var guid = p.ParameterPolicies.Any(x => x.Content == "guid");
            var integer = p.ParameterPolicies.Any(x => x.Content == "int");
            path = path.Replace("{" + p.Name + "}", guid ? RandomGuid(rng).ToString() : integer ? "99999" : "a%2500b%E2%80%AE", StringComparison.Ordinal);
        }
        return BadQueryStrings.Select(q => new FuzzCase($"GET {q}", HttpMethod.Get, path + q, () => null))
            .Append(new FuzzCase("GET returnUrl con CR/LF", HttpMethod.Get, path + "?returnUrl=%2F%0D%0ALocation:%20http://evil.example", () => null))
            .ToList();
    }

    private static bool IsNumber(Type t) => t != typeof(bool) && (t.IsPrimitive || t == typeof(decimal));

    private static string WrongFor(Type t) =>
        t == typeof(string) ? "\u202E\u3000%00<x>" : t == typeof(bool) ? "forse" : t == typeof(Guid) ? "non-un-guid" : t.IsEnum ? "NonEsiste" : "abc";

    // ---------------------------------------------------------------- content helpers

    public static Guid RandomGuid(Random rng)
    {
        var bytes = new byte[16];
        rng.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static byte[] RandomBytes(Random rng, int size)
    {
        var bytes = new byte[size];
        rng.NextBytes(bytes);
        return bytes;
    }

    private static string Short(string v) => v.Length <= 24 ? v.Replace("\0", "\\0", StringComparison.Ordinal) : $"{v[..8]}…({v.Length.ToString(CultureInfo.InvariantCulture)} caratteri)";

    public static HttpContent Json(string text) => new StringContent(text, Encoding.UTF8, "application/json");

    public static HttpContent Bytes(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    public static HttpContent Raw(string text, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    public static HttpContent Form(IEnumerable<(string Key, string Value)> fields) =>
        new TokenSlot(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList());

    private static HttpContent EmptyMultipart() => new MultipartFormDataContent();

    private static HttpContent Multipart(string field, string fileName, byte[] bytes, IEnumerable<FormField>? others = null)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        // The header is written by hand so that a NUL or other odd character reaches the server as it is.
        file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"{field}\"; filename=\"{fileName}\"");
        content.Add(file);
        foreach (var o in others ?? []) content.Add(new StringContent("x"), o.Name);
        return content;
    }
}

/// <summary>A urlencoded form whose antiforgery token is added when the case is sent (tokens belong to the caller's session).</summary>
public sealed class TokenSlot(List<KeyValuePair<string, string>> fields) : HttpContent
{
    public List<KeyValuePair<string, string>> Fields { get; } = fields;

    public FormUrlEncodedContent WithToken(string? token) =>
        new(token is null ? Fields : Fields.Append(new KeyValuePair<string, string>("__RequestVerificationToken", token)));

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
        WithToken(null).CopyToAsync(stream);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
