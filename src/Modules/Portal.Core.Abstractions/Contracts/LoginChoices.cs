namespace Portal.Core.Contracts;

/// <summary>One entry of the list a login method opens, e.g. one SPID identity provider behind "Entra con SPID".</summary>
public sealed record LoginChoice(string Key, string Label, string Url);

/// <summary>
/// The entries behind a <see cref="LoginMethod"/> that opens a list (the SPID button shows the identity providers, as AgID's
/// spid-sp-access-button does). Read at each request: the list may change with the providers' metadata. Implemented by Portal.Identity.
/// </summary>
public interface ILoginChoices
{
    /// <summary>The entries for the method with this key (e.g. "spid"), in display order; empty when it opens no list.</summary>
    IReadOnlyList<LoginChoice> For(string methodKey);
}
