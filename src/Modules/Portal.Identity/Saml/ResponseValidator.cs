using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Validation;
using Portal.Identity.Data;
using Portal.Identity.Model;
using Portal.Identity.Providers;

namespace Portal.Identity.Saml;

/// <summary>Every check of a SAML Response posted to the ACS (SPID technical rules and AgID's SPID SAML Check).</summary>
public sealed class ResponseValidator(IdentityDbContext db, IdpRegistry registry, IOptions<IdentityOptions> options, TimeProvider clock)
{
    private IdentityOptions Options => options.Value;

    /// <param name="samlResponse">The SAMLResponse field as posted.</param>
    /// <param name="browserNonce">The <see cref="BrowserBinding"/> nonce this browser holds for a request id, if any.</param>
    public async Task<SamlLoginResult> ValidateAsync(string? samlResponse, Func<string, string?> browserNonce, CancellationToken ct = default)
    {
        string? idpKey = null;
        string? requestId = null;
        try
        {
            var doc = Parse(samlResponse);
            var response = doc.DocumentElement!;
            StructuralChecks(doc, response, out var assertion);

            var sp = Options.ServiceProvider;
            var now = clock.GetUtcNow();
            var skew = TimeSpan.FromSeconds(Options.ClockSkewSeconds);

            Require(response.GetAttribute("Version") == "2.0", "Version della Response diversa da 2.0.");
            Require(response.GetAttribute("ID").Length > 0, "ID della Response mancante o vuoto.");
            var inResponseTo = response.GetAttribute("InResponseTo");
            Require(inResponseTo.Length > 0, "InResponseTo della Response mancante o vuoto.");
            var pending = await db.PendingRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == inResponseTo, ct)
                ?? throw new SamlRejectedException($"InResponseTo {inResponseTo} non corrisponde a nessuna richiesta inviata.");
            idpKey = pending.IdpKey;
            requestId = pending.Id;
            Require(pending.ConsumedUtc is null, $"La richiesta {inResponseTo} ha già ricevuto una risposta (replay).");
            Require(pending.CreatedUtc > now.UtcDateTime - TimeSpan.FromMinutes(Options.RequestLifetimeMinutes), $"La richiesta {inResponseTo} è scaduta.");
            // Login CSRF: only the browser that started the request may complete it (not consumed, so that browser still can).
            var nonce = browserNonce(pending.Id)
                ?? throw new SamlRejectedException($"La richiesta {inResponseTo} non è stata avviata da questo browser (cookie della richiesta assente).");
            Require(BrowserBinding.Matches(nonce, pending.BrowserBindingHash),
                $"La richiesta {inResponseTo} non è stata avviata da questo browser (cookie della richiesta non corrispondente).");
            var idp = registry.Find(pending.IdpKey) ?? throw new SamlRejectedException($"IdP {pending.IdpKey} non più configurato.");

            var destination = response.GetAttributeNode("Destination");
            Require(destination is not null && destination.Value == sp.AcsUrl, $"Destination della Response ({destination?.Value ?? "assente"}) diversa dall'ACS {sp.AcsUrl}.");
            var requestCreated = new DateTimeOffset(pending.CreatedUtc, TimeSpan.Zero);
            CheckInstant(response, "IssueInstant", "IssueInstant della Response", requestCreated - skew, now + skew);

            CheckIssuer(Child(response, SamlNames.Assertion, "Issuer"), idp.EntityId, "Response", formatRequired: false);
            if (Child(response, SamlNames.DSig, "Signature") is { } responseSignature)
                SignatureVerifier.Verify(response, responseSignature, idp.SigningCertificates, "Response");

            var status = Child(response, SamlNames.Protocol, "Status") ?? throw new SamlRejectedException("Elemento Status mancante.");
            var statusCode = Child(status, SamlNames.Protocol, "StatusCode") ?? throw new SamlRejectedException("Elemento StatusCode mancante.");
            var statusValue = statusCode.GetAttribute("Value");
            Require(statusValue.Length > 0, "StatusCode senza valore.");
            if (statusValue != SamlNames.Success)
            {
                var sub = Child(statusCode, SamlNames.Protocol, "StatusCode")?.GetAttribute("Value");
                var message = Child(status, SamlNames.Protocol, "StatusMessage")?.InnerText.Trim();
                await ConsumeAsync(pending, now, ct);
                throw new SamlRejectedException($"Stato della Response {statusValue} {sub} «{message}».", SpidErrors.CodeOf(message));
            }

            if (assertion is null) throw new SamlRejectedException("Response di successo senza Assertion.");
            var assertionSignature = Child(assertion, SamlNames.DSig, "Signature") ?? throw new SamlRejectedException("Assertion non firmata.");
            SignatureVerifier.Verify(assertion, assertionSignature, idp.SigningCertificates, "Assertion");

            Require(assertion.GetAttribute("ID").Length > 0, "ID dell'Assertion mancante o vuoto.");
            Require(assertion.GetAttribute("Version") == "2.0", "Version dell'Assertion diversa da 2.0.");
            CheckInstant(assertion, "IssueInstant", "IssueInstant dell'Assertion", requestCreated - skew, now + skew);
            CheckIssuer(Child(assertion, SamlNames.Assertion, "Issuer"), idp.EntityId, "Assertion", formatRequired: true);

            var subject = Child(assertion, SamlNames.Assertion, "Subject") ?? throw new SamlRejectedException("Subject mancante.");
            var nameId = Child(subject, SamlNames.Assertion, "NameID") ?? throw new SamlRejectedException("NameID mancante.");
            Require(nameId.InnerText.Trim().Length > 0, "NameID vuoto.");
            Require(nameId.GetAttribute("Format") == SamlNames.TransientFormat, $"Format del NameID non transient: «{nameId.GetAttribute("Format")}».");
            Require(nameId.GetAttribute("NameQualifier").Length > 0, "NameQualifier del NameID mancante o vuoto.");
            var confirmation = Child(subject, SamlNames.Assertion, "SubjectConfirmation") ?? throw new SamlRejectedException("SubjectConfirmation mancante.");
            Require(confirmation.GetAttribute("Method") == SamlNames.Bearer, $"Method di SubjectConfirmation non bearer: «{confirmation.GetAttribute("Method")}».");
            var data = Child(confirmation, SamlNames.Assertion, "SubjectConfirmationData") ?? throw new SamlRejectedException("SubjectConfirmationData mancante.");
            Require(data.GetAttribute("Recipient") == sp.AcsUrl, $"Recipient ({data.GetAttribute("Recipient")}) diverso dall'ACS {sp.AcsUrl}.");
            Require(data.GetAttribute("InResponseTo") == pending.Id, $"InResponseTo di SubjectConfirmationData ({data.GetAttribute("InResponseTo")}) diverso dalla richiesta {pending.Id}.");
            CheckInstant(data, "NotOnOrAfter", "NotOnOrAfter di SubjectConfirmationData", now - skew, null, exclusiveMin: true);

            var conditions = Child(assertion, SamlNames.Assertion, "Conditions") ?? throw new SamlRejectedException("Conditions mancante.");
            CheckInstant(conditions, "NotBefore", "NotBefore di Conditions", null, now + skew);
            CheckInstant(conditions, "NotOnOrAfter", "NotOnOrAfter di Conditions", now - skew, null, exclusiveMin: true);
            var audienceRestriction = Child(conditions, SamlNames.Assertion, "AudienceRestriction") ?? throw new SamlRejectedException("AudienceRestriction mancante.");
            var audiences = Children(audienceRestriction, SamlNames.Assertion, "Audience").Select(a => a.InnerText.Trim()).ToList();
            Require(audiences.Contains(sp.ResolvedEntityId, StringComparer.Ordinal), $"Audience ({string.Join(", ", audiences)}) diversa dall'entityID {sp.ResolvedEntityId}.");

            var authn = Child(assertion, SamlNames.Assertion, "AuthnStatement") ?? throw new SamlRejectedException("AuthnStatement mancante.");
            var context = Child(authn, SamlNames.Assertion, "AuthnContext") ?? throw new SamlRejectedException("AuthnContext mancante.");
            var classRef = Child(context, SamlNames.Assertion, "AuthnContextClassRef")?.InnerText.Trim() ?? throw new SamlRejectedException("AuthnContextClassRef mancante.");
            var level = SamlNames.LevelOf(classRef) ?? throw new SamlRejectedException($"AuthnContextClassRef non previsto: «{classRef}».");
            if (level < pending.Level)
                throw new SamlRejectedException($"Livello SPID {level} inferiore al richiesto {pending.Level}.", SpidErrors.InsufficientLevel);

            var attributes = ReadAttributes(assertion);
            var cf = CodiceFiscale.FromSpidAttribute(attributes.GetValueOrDefault("fiscalNumber"))
                ?? throw new SamlRejectedException("Attributo fiscalNumber mancante.");
            Require(CodiceFiscale.IsValid(cf), $"Codice fiscale non valido: {cf}.");

            if (!await ConsumeAsync(pending, now, ct))
                throw new SamlRejectedException($"La richiesta {pending.Id} ha già ricevuto una risposta (replay concorrente).");
            return SamlLoginResult.Success(idp.Key, idp.Kind) with
            {
                RequestId = pending.Id,
                ReturnUrl = pending.ReturnUrl,
                CodiceFiscale = cf,
                NameId = nameId.InnerText.Trim(),
                NameQualifier = nameId.GetAttribute("NameQualifier"),
                SessionIndex = authn.GetAttribute("SessionIndex"),
                Attributes = attributes,
            };
        }
        catch (SamlRejectedException e)
        {
            return SamlLoginResult.Fail(e.Message, e.UserCode, idpKey) with { RequestId = requestId };
        }
    }

    /// <summary>Marks the request answered with a conditional UPDATE: only one response, on any node, wins.</summary>
    private async Task<bool> ConsumeAsync(PendingAuthnRequest pending, DateTimeOffset now, CancellationToken ct)
    {
        var at = now.UtcDateTime;
        var rows = await db.PendingRequests
            .Where(r => r.Id == pending.Id && r.IdpKey == pending.IdpKey && r.ConsumedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ConsumedUtc, at), ct);
        return rows == 1;
    }

    private XmlDocument Parse(string? samlResponse)
    {
        if (string.IsNullOrWhiteSpace(samlResponse)) throw new SamlRejectedException("SAMLResponse assente.");
        if (samlResponse.Length > Options.MaxResponseBytes * 4 / 3 + 8) throw new SamlRejectedException("SAMLResponse troppo grande.");
        byte[] bytes;
        try { bytes = Convert.FromBase64String(samlResponse); }
        catch (FormatException) { throw new SamlRejectedException("SAMLResponse non è base64 valido."); }
        try { return SafeXml.Load(Encoding.UTF8.GetString(bytes), Options.MaxResponseBytes); }
        catch (XmlException e) { throw new SamlRejectedException($"XML della Response non valido: {e.Message}"); }
    }

    /// <summary>Shape checks that defeat signature wrapping before anything is read.</summary>
    private static void StructuralChecks(XmlDocument doc, XmlElement response, out XmlElement? assertion)
    {
        Require(response.LocalName == "Response" && response.NamespaceURI == SamlNames.Protocol, $"Elemento radice inatteso: {response.Name}.");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var assertions = new List<XmlElement>();
        var signatures = new List<XmlElement>();
        foreach (XmlElement e in doc.GetElementsByTagName("*"))
        {
            foreach (XmlAttribute a in e.Attributes)
            {
                if (a.NamespaceURI.Length == 0 && a.LocalName is "ID" or "Id" or "id" && !ids.Add(a.Value))
                    throw new SamlRejectedException($"ID duplicato nel documento: {a.Value}.");
            }
            if (e.NamespaceURI == SamlNames.Assertion && e.LocalName is "EncryptedAssertion" or "EncryptedID" or "EncryptedAttribute")
                throw new SamlRejectedException("Elementi cifrati non ammessi.");
            if (e.NamespaceURI == SamlNames.Assertion && e.LocalName == "Assertion") assertions.Add(e);
            if (e.NamespaceURI == SamlNames.DSig && e.LocalName == "Signature") signatures.Add(e);
        }
        Require(assertions.Count <= 1, $"La Response contiene {assertions.Count} Assertion.");
        var only = assertions.FirstOrDefault();
        Require(only is null || only.ParentNode == response, "L'Assertion non è figlia diretta della Response.");
        foreach (var s in signatures)
            Require(s.ParentNode == response || (only is not null && s.ParentNode == only),
                $"Firma in posizione inattesa (dentro {s.ParentNode?.Name}).");
        Require(signatures.Count(s => s.ParentNode == response) <= 1 && signatures.Count(s => s.ParentNode == only) <= 1, "Più firme sullo stesso elemento.");
        assertion = only;
    }

    private static void CheckIssuer(XmlElement? issuer, string entityId, string what, bool formatRequired)
    {
        if (issuer is null) throw new SamlRejectedException($"Issuer della {what} mancante.");
        var value = issuer.InnerText.Trim();
        Require(value == entityId, $"Issuer della {what} «{value}» diverso dall'entityID dell'IdP {entityId}.");
        var format = issuer.GetAttributeNode("Format");
        if (formatRequired) Require(format?.Value == SamlNames.EntityFormat, $"Format dell'Issuer della {what} mancante o diverso da entity.");
        else Require(format is null || format.Value == SamlNames.EntityFormat, $"Format dell'Issuer della {what} diverso da entity.");
    }

    private static void CheckInstant(XmlElement e, string attribute, string what, DateTimeOffset? min, DateTimeOffset? max, bool exclusiveMin = false)
    {
        var node = e.GetAttributeNode(attribute) ?? throw new SamlRejectedException($"{what} mancante.");
        if (!TryParseInstant(node.Value, out var t)) throw new SamlRejectedException($"{what} con formato non valido: «{node.Value}».");
        if (min is { } lo && (exclusiveMin ? t <= lo : t < lo)) throw new SamlRejectedException($"{what} ({node.Value}) troppo nel passato.");
        if (max is { } hi && t > hi) throw new SamlRejectedException($"{what} ({node.Value}) nel futuro.");
    }

    private static readonly string[] InstantFormats =
        ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];

    public static bool TryParseInstant(string value, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(value, InstantFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);

    /// <summary>
    /// The first value of each attribute. An attribute sent with no AttributeValue, or with a blank one, refuses the
    /// response: skipping it would let a malformed assertion through (SPID SAML Check, case 99).
    /// </summary>
    private static Dictionary<string, string> ReadAttributes(XmlElement assertion)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var statement in Children(assertion, SamlNames.Assertion, "AttributeStatement"))
        {
            var attributes = Children(statement, SamlNames.Assertion, "Attribute").ToList();
            Require(attributes.Count > 0, "AttributeStatement senza Attribute.");
            foreach (var a in attributes)
            {
                var name = a.GetAttribute("Name");
                Require(name.Length > 0, "Attribute senza Name.");
                var values = Children(a, SamlNames.Assertion, "AttributeValue").Select(v => v.InnerText.Trim()).ToList();
                Require(values.Count > 0 && values.All(v => v.Length > 0), $"Attributo {name} senza valore (AttributeValue assente o vuoto).");
                result.TryAdd(name, values[0]);
            }
        }
        return result;
    }

    private static XmlElement? Child(XmlElement parent, string ns, string localName) => Children(parent, ns, localName).FirstOrDefault();

    private static IEnumerable<XmlElement> Children(XmlElement parent, string ns, string localName) =>
        parent.ChildNodes.OfType<XmlElement>().Where(c => c.LocalName == localName && c.NamespaceURI == ns);

    private static void Require(bool condition, string reason)
    {
        if (!condition) throw new SamlRejectedException(reason);
    }
}
