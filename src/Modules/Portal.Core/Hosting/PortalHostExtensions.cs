using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Logs;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Portal.Core.Apis;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Core.Modules;
using Portal.Core.Security;

namespace Portal.Core.Hosting;

public static class PortalHostExtensions
{
    /// <summary>Discovers the modules and composes their services with the shared infrastructure.</summary>
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder, ModuleCatalog? catalog = null)
    {
        catalog ??= ModuleCatalog.Discover();
        // Serve the themes' and modules' static assets from the build output in every environment, not only Development.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddSingleton(catalog);
        services.AddSingleton<NavigationRegistry>();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.Configure<SetupOptions>(builder.Configuration.GetSection(SetupOptions.Section));
        services.Configure<Security.SessionOptions>(builder.Configuration.GetSection(Security.SessionOptions.Section));
        services.AddSingleton<PortalInitializer>();

        Settings.PublicAddress.Require(builder.Configuration, builder.Environment);
        var context = new ModuleContext(services, builder.Configuration, builder.Environment);
        foreach (var module in catalog.Modules)
            module.ConfigureServices(context);
        services.AddSingleton(new PermissionRegistry(catalog.Modules.SelectMany(m => m.Permissions)));
        services.AddSingleton(new Labels.AuditActionRegistry(catalog.Modules.SelectMany(m => m.AuditActions)));
        services.AddScoped<Portal.Core.Labels.ILabels, Labels.PortalLabels>();

        AddSecurity(builder);
        services.AddPortalRateLimits(builder.Configuration);
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin", PermissionPolicy.For(CorePermissions.AccessAdmin));
        }).AddMvcOptions(o => ItalianModelBindingMessages.Apply(o.ModelBindingMessageProvider))
            .ConfigureApplicationPartManager(parts => AddModuleParts(parts, catalog));
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        services.AddAntiforgery(o => o.Cookie.Name = "portal.antiforgery");
        // Italian text stays readable in the HTML ("è", not "&#xE8;"); encoding still escapes markup.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddPortalProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Binding failures reach BadRequestExceptionHandler in every environment, so the answer names the field in Italian.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "API del portale dei servizi";
            doc.Info.Version = "v1";
            doc.Info.Description = "Le stesse operazioni dell'interfaccia web, con le stesse autorizzazioni.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks()
            .AddDbContextCheck<CoreDbContext>("database", tags: ["ready"]);
        AddObservability(builder);
        return builder;
    }

    /// <summary>
    /// The composed modules' and themes' pages and views, whatever the host's own references are: a host
    /// (or a test) that composes a few modules gets exactly their pages.
    /// </summary>
    private static void AddModuleParts(ApplicationPartManager parts, ModuleCatalog catalog)
    {
        var present = parts.ApplicationParts.OfType<AssemblyPart>().Select(p => p.Assembly).ToHashSet();
        foreach (var assembly in catalog.UiAssemblies.Where(a => !present.Contains(a)))
            foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                parts.ApplicationParts.Add(part);
    }

    private static void AddSecurity(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var session = builder.Configuration.GetSection(Security.SessionOptions.Section).Get<Security.SessionOptions>() ?? new();
        var allowHttp = session.AllowHttp || builder.Environment.IsDevelopment();
        var keyRing = services.AddDataProtection().SetApplicationName("Portal").PersistKeysToDbContext<CoreDbContext>();
        var keyCertificate = (builder.Configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new()).LoadCertificate(builder.Environment);
        if (keyCertificate is not null) keyRing.ProtectKeysWithCertificate(keyCertificate);
        services.AddAuthentication(PortalSession.Scheme)
            .AddCookie(PortalSession.Scheme, o =>
            {
                o.Cookie.Name = "portal.sessione";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = allowHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(session.IdleTimeoutMinutes);
                o.SlidingExpiration = true;
                o.LoginPath = "/accedi";
                o.LogoutPath = "/esci";
                o.AccessDeniedPath = "/accesso-negato";
                o.ReturnUrlParameter = "returnUrl";
                o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
                o.Events.OnRedirectToLogin = c => ApiAwareRedirect(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => ApiAwareRedirect(c, StatusCodes.Status403Forbidden);
            });
        services.AddAuthorization();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
    }

    /// <summary>API clients get a status code, browsers a redirect.</summary>
    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static void AddObservability(WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("Portal.Web"))
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health"));
                t.AddHttpClientInstrumentation();
                if (otlp) t.AddOtlpExporter();
            })
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation();
                m.AddHttpClientInstrumentation();
                if (otlp) m.AddOtlpExporter();
            });
        if (otlp) builder.Logging.AddOpenTelemetry(o => o.AddOtlpExporter());

        _ = otel;
    }

    /// <summary>Applies migrations and, on an empty site, the setup recipe (see <see cref="PortalInitializer"/>).</summary>
    public static async Task InitializePortalAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<PortalInitializer>().InitializeAsync();
        EnsureDataProtectionKey(app.Services);
    }

    /// <summary>
    /// Creates the first data-protection key at start rather than lazily, so that two nodes sharing
    /// the database do not each invent one while serving their first requests.
    /// </summary>
    private static void EnsureDataProtectionKey(IServiceProvider services)
    {
        var keys = services.GetRequiredService<IKeyManager>();
        var now = DateTimeOffset.UtcNow;
        if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now.AddDays(2)))
            keys.CreateNewKey(now, now.AddDays(90));
    }

    /// <summary>The request pipeline and every module's endpoints.</summary>
    public static WebApplication UsePortal(this WebApplication app)
    {
        // Browsers get the Italian error page; API clients get problem details (Italian titles).
        static bool IsApi(HttpContext c) => c.Request.Path.StartsWithSegments("/api");
        // A request the framework cannot read (wrong types, malformed JSON, too large) keeps its 4xx status and is
        // not logged as an error: it is the client's mistake (BadRequestExceptionHandler answers the API ones).
        static int StatusOf(Exception e) => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
        static bool Expected(ExceptionHandlerSuppressDiagnosticsContext c) => c.Exception is BadHttpRequestException;
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusOf, SuppressDiagnosticsCallback = Expected });
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !IsApi(c), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/errore", StatusCodeSelector = StatusOf, SuppressDiagnosticsCallback = Expected,
            });
            pages.UseStatusCodePagesWithReExecute("/errore/{0}");
        });
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseHttpHardening();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        // What a module checks once the person is known and before any page or endpoint runs (e.g. a network restriction).
        foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Modules)
            module.ConfigurePipeline(app);
        app.UseAuthorization();
        app.UseRateLimiter();
        app.Use(ApiCsrfProtection.InvokeAsync);
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        // Every module's endpoints answer a PortalException with Italian problem details, translated here once.
        var endpoints = app.MapGroup("").AddEndpointFilter(PortalErrorsApi.TranslateAsync);
        foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Modules)
            module.MapEndpoints(endpoints);
        app.MapRazorPages();
        return app;
    }
}
