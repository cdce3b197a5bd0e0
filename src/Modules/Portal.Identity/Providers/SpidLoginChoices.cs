using Portal.Core.Contracts;

namespace Portal.Identity.Providers;

/// <summary>The SPID identity providers whose metadata is loaded, for the list under "Entra con SPID".</summary>
public sealed class SpidLoginChoices(IdpRegistry registry) : ILoginChoices
{
    public IReadOnlyList<LoginChoice> For(string methodKey) => methodKey != IdpKinds.Spid
        ? []
        : registry.All.Where(p => p.Kind == IdpKinds.Spid).OrderBy(p => p.DisplayName, StringComparer.CurrentCulture)
            .Select(p => new LoginChoice(p.Key, p.DisplayName, "/saml2/login/" + Uri.EscapeDataString(p.Key))).ToList();
}
