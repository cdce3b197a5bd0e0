using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Security;

namespace Portal.Security.Tests;

/// <summary>What an endpoint's metadata says about who may call it.</summary>
public sealed record EndpointAuth(bool AllowAnonymous, bool RequiresUser, IReadOnlyList<string> Permissions)
{
    public static EndpointAuth From(IReadOnlyList<object> metadata)
    {
        // AllowAnonymous wins over any Authorize, as the authorization middleware does.
        if (metadata.OfType<IAllowAnonymous>().Any()) return new(true, false, []);
        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        var policies = metadata.OfType<AuthorizationPolicy>().ToList();
        var permissions = authorize.Select(a => a.Policy).OfType<string>()
            .Where(p => p.StartsWith(PermissionPolicy.Prefix, StringComparison.Ordinal))
            .Select(p => p[PermissionPolicy.Prefix.Length..])
            .Concat(policies.SelectMany(p => p.Requirements).OfType<PermissionRequirement>().Select(r => r.Permission))
            .Distinct().ToList();
        return new(false, authorize.Count > 0 || policies.Count > 0, permissions);
    }
}

public sealed record ApiParameter(string Name, string In, bool Required, string Type, string? Format);

/// <summary>An API operation as the OpenAPI document describes it, with the authorization of its endpoint.</summary>
public sealed record ApiOperation(string Method, string Path, IReadOnlyList<ApiParameter> Parameters, JsonElement? JsonBody, bool Multipart, EndpointAuth Auth)
{
    public string Key => $"{Method} {Path}";
    public override string ToString() => Key;
}

public sealed record FormField(string Name, Type Type);

/// <summary>A POST handler of a Razor page, with the fields it binds.</summary>
public sealed record PageHandler(string? Name, IReadOnlyList<FormField> Fields);

/// <summary>A Razor page route with its handlers.</summary>
public sealed record PageRoute(string Route, IReadOnlyList<RoutePatternParameterPart> RouteParameters, IReadOnlyList<PageHandler> PostHandlers, EndpointAuth Auth)
{
    public string Key => Route;
    public override string ToString() => Route;
}

/// <summary>
/// Discovers what the portal serves, once per test run: the API from its OpenAPI document (paths, methods,
/// parameters, body schemas), the pages and their POST handlers from the endpoint data source, and the endpoints
/// the document leaves out (e.g. /saml2) that still take a POST.
/// </summary>
public static class Discovery
{
    private static readonly Lazy<Task<Catalog>> Cached = new(() => LoadAsync(SecurityPortal.Shared));

    public sealed record Catalog(IReadOnlyList<ApiOperation> Operations, IReadOnlyList<PageRoute> Pages, IReadOnlyList<ApiOperation> Undocumented, JsonElement Document);

    public static Catalog Get() => Cached.Value.GetAwaiter().GetResult();

    private static async Task<Catalog> LoadAsync(SecurityPortal portal)
    {
        using var client = portal.CreateClient();
        var json = await client.GetStringAsync("/openapi/v1.json");
        var document = JsonDocument.Parse(json).RootElement.Clone();
        var endpoints = portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject())
            {
                if (op.Name is "parameters" or "summary" or "description" or "servers") continue;
                var method = op.Name.ToUpperInvariant();
                var parameters = new List<ApiParameter>();
                if (op.Value.TryGetProperty("parameters", out var ps))
                {
                    foreach (var p in ps.EnumerateArray())
                    {
                        var schema = p.TryGetProperty("schema", out var s) ? Resolve(document, s) : default;
                        parameters.Add(new ApiParameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                            p.TryGetProperty("required", out var r) && r.GetBoolean(), TypeOf(schema), FormatOf(schema)));
                    }
                }
                JsonElement? body = null;
                var multipart = false;
                if (op.Value.TryGetProperty("requestBody", out var rb) && rb.TryGetProperty("content", out var content))
                {
                    foreach (var c in content.EnumerateObject())
                    {
                        if (c.Name.Contains("json", StringComparison.OrdinalIgnoreCase) && c.Value.TryGetProperty("schema", out var bs)) body = Resolve(document, bs);
                        if (c.Name.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)) multipart = true;
                    }
                }
                var endpoint = Find(endpoints, method, path.Name)
                    ?? throw new InvalidOperationException($"Nessun endpoint per {method} {path.Name} del documento OpenAPI.");
                operations.Add(new ApiOperation(method, path.Name, parameters, body, multipart, EndpointAuth.From(endpoint.Metadata)));
            }
        }

        // Endpoints outside the document that take a POST (the SAML ACS and logout): fuzzed like forms.
        var documented = operations.Select(o => Normalize(o.Path)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var undocumented = endpoints
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null && e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>() is null)
            .Where(e => !documented.Contains(Template(e.RoutePattern)))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m == "POST")
                .Select(m => new ApiOperation(m, Template(e.RoutePattern), [], null, false, EndpointAuth.From(e.Metadata))))
            .DistinctBy(o => o.Key).ToList();

        var loader = portal.Services.GetRequiredService<PageLoader>();
        var pages = new List<PageRoute>();
        foreach (var group in endpoints.Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
                     .GroupBy(e => e.Metadata.GetMetadata<PageActionDescriptor>()!.ViewEnginePath))
        {
            // A page reachable under two routes (Index and its folder) is tested under the shorter one.
            var endpoint = group.OrderBy(e => Template(e.RoutePattern).Length).First();
            var descriptor = endpoint.Metadata.GetMetadata<PageActionDescriptor>()!;
            var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
            var handlers = compiled.HandlerMethods
                .Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
                .Select(h => new PageHandler(h.Name, FieldsOf(compiled, h)))
                .ToList();
            pages.Add(new PageRoute(Template(endpoint.RoutePattern), endpoint.RoutePattern.Parameters.ToList(), handlers,
                EndpointAuth.From(compiled.EndpointMetadata.ToList())));
        }
        return new Catalog(operations.OrderBy(o => o.Key, StringComparer.Ordinal).ToList(), pages.OrderBy(p => p.Route, StringComparer.Ordinal).ToList(), undocumented, document);
    }

    private static IReadOnlyList<FormField> FieldsOf(CompiledPageActionDescriptor page, Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure.HandlerMethodDescriptor handler)
    {
        var fields = new List<FormField>();
        foreach (var p in page.BoundProperties.Concat(handler.Parameters))
        {
            var source = p.BindingInfo?.BindingSource;
            if (source == BindingSource.Services || source == BindingSource.Special || source == BindingSource.Header) continue;
            Flatten(p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType, fields, 0);
        }
        return fields.DistinctBy(f => f.Name).ToList();
    }

    private static void Flatten(string name, Type type, List<FormField> fields, int depth)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (IsSimple(t) || typeof(IFormFile).IsAssignableFrom(t) || depth > 1) { fields.Add(new FormField(name, t)); return; }
        if (t.IsArray || (t.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(t)))
        {
            var element = t.IsArray ? t.GetElementType()! : t.GetGenericArguments()[^1];
            Flatten(name + "[0]", element, fields, depth + 1);
            return;
        }
        if (typeof(CancellationToken) == t) return;
        foreach (var prop in t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
            Flatten(name + "." + prop.Name, prop.PropertyType, fields, depth + 1);
    }

    public static bool IsSimple(Type t) =>
        t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Guid) || t == typeof(DateTime)
        || t == typeof(DateTimeOffset) || t == typeof(DateOnly) || t == typeof(TimeOnly) || t == typeof(TimeSpan);

    public static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        for (var i = 0; i < 10 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var r); i++)
        {
            var node = document;
            foreach (var part in r.GetString()!.TrimStart('#', '/').Split('/')) node = node.GetProperty(part);
            schema = node;
        }
        return schema;
    }

    /// <summary>The JSON type of a schema ("string", "integer", ...; the non-null one of a 3.1 type list).</summary>
    public static string TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object) return "string";
        if (schema.TryGetProperty("type", out var t))
        {
            if (t.ValueKind == JsonValueKind.String) return t.GetString()!;
            if (t.ValueKind == JsonValueKind.Array)
                return t.EnumerateArray().Select(x => x.GetString()).FirstOrDefault(x => x != "null") ?? "string";
        }
        foreach (var alt in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(alt, out var list))
                foreach (var s in list.EnumerateArray()) { var x = TypeOf(s); if (x != "null") return x; }
        }
        if (schema.TryGetProperty("properties", out _)) return "object";
        if (schema.TryGetProperty("enum", out _)) return "string";
        return "string";
    }

    public static string? FormatOf(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) ? f.GetString() : null;

    private static RouteEndpoint? Find(IEnumerable<RouteEndpoint> endpoints, string method, string path) =>
        endpoints.FirstOrDefault(e => string.Equals(Template(e.RoutePattern), Normalize(path), StringComparison.OrdinalIgnoreCase)
                                      && (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(method) ?? false));

    public static string Normalize(string path) => "/" + path.Trim('/');

    /// <summary>The route as the OpenAPI document writes it: "/api/v1/x/{id}" (no constraints, no optional marks).</summary>
    public static string Template(RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart l => l.Content,
            RoutePatternParameterPart q => "{" + q.Name + "}",
            RoutePatternSeparatorPart sep => sep.Content,
            _ => "",
        }))));
}
