using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Identity.Data;
using Portal.Identity.Model;
using Portal.Identity.Apis;
using Portal.Identity.Providers;
using Portal.Identity.Saml;

[assembly: PortalModule(typeof(Portal.Identity.IdentityModule))]

namespace Portal.Identity;

/// <summary>SAML 2.0 service provider: SPID, CIE and Cohesion logins.</summary>
public sealed class IdentityModule : PortalModule
{
    public override string Name => "Portal.Identity";

    public override IReadOnlyList<string> DependsOn => ["Portal.Core"];

    /// <summary>What this module writes to the activity register, in words.</summary>
    public override IEnumerable<Portal.Core.Audit.AuditAction> AuditActions =>
    [
        new("Accesso.Rifiutato", "Accesso rifiutato"),
        new("Uscita.Rifiutata", "Uscita rifiutata"),
    ];

    public override void ConfigureServices(ModuleContext context)
    {
        context.AddModuleDbContext<IdentityDbContext, IdentitySqliteDbContext, IdentityPostgresDbContext>(IdentityDbContext.HistoryTable);
        var s = context.Services;
        var section = context.Configuration.GetSection(IdentityOptions.Section);
        s.Configure<IdentityOptions>(section);
        s.AddHttpClient("saml-metadata", c => c.Timeout = TimeSpan.FromSeconds(30));
        s.AddSingleton<IdpRegistry>();
        s.AddSingleton<ILoginChoices, SpidLoginChoices>();
        s.AddSingleton<SpCredentials>();
        s.AddSingleton<SamlSessionCookie>();
        s.AddScoped<ResponseValidator>();
        s.AddScoped<SamlSingleLogout>();
        s.AddScoped<ISingleLogout>(sp => sp.GetRequiredService<SamlSingleLogout>());
        s.AddHostedService<IdpMetadataRefresher>();

        var configured = section.Get<IdentityOptions>() ?? new IdentityOptions();
        if (configured.Providers.Count > 0 && context.Environment.IsProduction() && !configured.ServiceProvider.HasConfiguredCertificate)
            throw new InvalidOperationException(SpCredentials.MissingInProduction);
        foreach (var method in LoginMethods(configured.Providers)) s.AddSingleton(method);
    }

    private static IEnumerable<LoginMethod> LoginMethods(IReadOnlyList<IdentityProviderOptions> providers)
    {
        if (providers.Any(p => p.Kind.Equals(IdpKinds.Spid, StringComparison.OrdinalIgnoreCase)))
            yield return new LoginMethod("spid", "Entra con SPID", "/saml2/spid",
                "Accedi con il Sistema Pubblico di Identità Digitale scegliendo il tuo gestore.", 10);
        if (providers.FirstOrDefault(p => p.Kind.Equals(IdpKinds.Cie, StringComparison.OrdinalIgnoreCase)) is { } cie)
            yield return new LoginMethod("cie", "Entra con CIE", "/saml2/login/" + Uri.EscapeDataString(cie.Key),
                "Accedi con la Carta d'Identità Elettronica.", 20);
        if (providers.FirstOrDefault(p => p.Kind.Equals(IdpKinds.Cohesion, StringComparison.OrdinalIgnoreCase)) is { } cohesion)
            yield return new LoginMethod("cohesion", "Entra con Cohesion", "/saml2/login/" + Uri.EscapeDataString(cohesion.Key),
                "Accedi con le credenziali Cohesion della Regione.", 30);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapSamlEndpoints();
}
