namespace Portal.Identity.Saml;

/// <summary>What the ACS learned from a response: a verified identity, or why it was refused.</summary>
public sealed record SamlLoginResult
{
    public bool Succeeded { get; private init; }
    /// <summary>Code of the message shown to the user (see <see cref="SpidErrors"/>).</summary>
    public string UserCode { get; private init; } = SpidErrors.Generic;
    /// <summary>Precise reason, for the audit trail only.</summary>
    public string Reason { get; private init; } = "";
    public string? IdpKey { get; init; }
    /// <summary>The pending AuthnRequest the response answered, when it named one we sent.</summary>
    public string? RequestId { get; init; }
    public string? IdpKind { get; init; }
    public string? ReturnUrl { get; init; }
    public string? CodiceFiscale { get; init; }
    public string? NameId { get; init; }
    public string? NameQualifier { get; init; }
    public string? SessionIndex { get; init; }
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    public static SamlLoginResult Fail(string reason, string userCode = SpidErrors.Generic, string? idpKey = null) =>
        new() { Reason = reason, UserCode = userCode, IdpKey = idpKey };

    public static SamlLoginResult Success(string idpKey, string kind) => new() { Succeeded = true, IdpKey = idpKey, IdpKind = kind };
}

/// <summary>A check of the response failed; carries the audit reason and the user message code.</summary>
public sealed class SamlRejectedException(string reason, string userCode = SpidErrors.Generic) : Exception(reason)
{
    public string UserCode { get; } = userCode;
}
