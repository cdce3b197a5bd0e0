using System.Globalization;
using System.Security;

namespace Portal.Identity.Saml;

/// <summary>The SP's outgoing protocol messages (AuthnRequest, LogoutRequest, LogoutResponse), SPID profile.</summary>
public static class SamlMessages
{
    public static string NewId() => "_" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N")[..8];

    public static string Instant(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string AuthnRequest(string id, DateTimeOffset now, string destination, ServiceProviderOptions sp, int level)
    {
        var entityId = SecurityElement.Escape(sp.ResolvedEntityId);
        var force = level > 1 ? " ForceAuthn=\"true\"" : "";
        return $"""
            <samlp:AuthnRequest xmlns:samlp="{SamlNames.Protocol}" xmlns:saml="{SamlNames.Assertion}" ID="{id}" Version="2.0" IssueInstant="{Instant(now)}" Destination="{SecurityElement.Escape(destination)}" AssertionConsumerServiceIndex="0" AttributeConsumingServiceIndex="0"{force}><saml:Issuer NameQualifier="{entityId}" Format="{SamlNames.EntityFormat}">{entityId}</saml:Issuer><samlp:NameIDPolicy Format="{SamlNames.TransientFormat}"/><samlp:RequestedAuthnContext Comparison="minimum"><saml:AuthnContextClassRef>{SamlNames.SpidLevel(level)}</saml:AuthnContextClassRef></samlp:RequestedAuthnContext></samlp:AuthnRequest>
            """;
    }

    public static string LogoutRequest(string id, DateTimeOffset now, string destination, ServiceProviderOptions sp, string nameId, string? nameQualifier, string? sessionIndex)
    {
        var entityId = SecurityElement.Escape(sp.ResolvedEntityId);
        var qualifier = string.IsNullOrEmpty(nameQualifier) ? "" : $" NameQualifier=\"{SecurityElement.Escape(nameQualifier)}\"";
        var session = string.IsNullOrEmpty(sessionIndex) ? "" : $"<samlp:SessionIndex>{SecurityElement.Escape(sessionIndex)}</samlp:SessionIndex>";
        return $"""
            <samlp:LogoutRequest xmlns:samlp="{SamlNames.Protocol}" xmlns:saml="{SamlNames.Assertion}" ID="{id}" Version="2.0" IssueInstant="{Instant(now)}" Destination="{SecurityElement.Escape(destination)}"><saml:Issuer NameQualifier="{entityId}" Format="{SamlNames.EntityFormat}">{entityId}</saml:Issuer><saml:NameID Format="{SamlNames.TransientFormat}"{qualifier}>{SecurityElement.Escape(nameId)}</saml:NameID>{session}</samlp:LogoutRequest>
            """;
    }

    public static string LogoutResponse(string id, DateTimeOffset now, string destination, ServiceProviderOptions sp, string inResponseTo)
    {
        var entityId = SecurityElement.Escape(sp.ResolvedEntityId);
        return $"""
            <samlp:LogoutResponse xmlns:samlp="{SamlNames.Protocol}" xmlns:saml="{SamlNames.Assertion}" ID="{id}" Version="2.0" IssueInstant="{Instant(now)}" Destination="{SecurityElement.Escape(destination)}" InResponseTo="{SecurityElement.Escape(inResponseTo)}"><saml:Issuer NameQualifier="{entityId}" Format="{SamlNames.EntityFormat}">{entityId}</saml:Issuer><samlp:Status><samlp:StatusCode Value="{SamlNames.Success}"/></samlp:Status></samlp:LogoutResponse>
            """;
    }
}
