namespace Portal.Identity.Tests;

/// <summary>
/// For each KO case of the SPID SAML Check suite that carries no SPID ErrorCode, the fragment of the reason the
/// validator must write in the audit trail: the check that case is about, so a refusal for another reason fails the test.
/// </summary>
internal static class SpidSamlCheckReasons
{
    public static string For(string caseId) => Reasons.TryGetValue(caseId, out var reason) ? reason
        : throw new InvalidOperationException($"Caso {caseId}: motivo di rifiuto atteso non indicato in {nameof(SpidSamlCheckReasons)}.");

    private static readonly Dictionary<string, string> Reasons = new(StringComparer.Ordinal)
    {
        ["2"] = "Assertion non firmata",
        ["3"] = "Assertion non firmata",
        ["4"] = "Firma di Response non valida con i certificati dei metadati",
        ["8"] = "ID della Response mancante o vuoto",
        ["9"] = "ID della Response mancante o vuoto",
        ["10"] = "Version della Response diversa da 2.0",
        ["11"] = "IssueInstant della Response con formato non valido: «»",
        ["12"] = "IssueInstant della Response mancante",
        ["13"] = "IssueInstant della Response con formato non valido: «2018-09-04»",
        ["14"] = "IssueInstant della Response (2018-01-01T00:00:00Z) troppo nel passato",
        ["15"] = "IssueInstant della Response (2099-01-01T00:00:00Z) nel futuro",
        ["16"] = "InResponseTo della Response mancante o vuoto",
        ["17"] = "InResponseTo della Response mancante o vuoto",
        ["18"] = "InResponseTo inresponsetodiversodaidrequest non corrisponde a nessuna richiesta",
        ["19"] = "Destination della Response () diversa dall'ACS",
        ["20"] = "Destination della Response (assente) diversa dall'ACS",
        ["21"] = "Destination della Response (diversodaassertionconsumerserviceurl) diversa dall'ACS",
        ["22"] = "Elemento StatusCode mancante", // an empty Status
        ["23"] = "Elemento Status mancante",
        ["24"] = "StatusCode senza valore",
        ["25"] = "Elemento StatusCode mancante",
        ["26"] = "Stato della Response urn:oasis:names:tc:SAML:2.0:status:statuscodenonvalido",
        ["27"] = "Issuer della Response «» diverso dall'entityID dell'IdP",
        ["28"] = "Issuer della Response mancante",
        ["29"] = "Issuer della Response «diversodaentityididp» diverso dall'entityID dell'IdP",
        ["30"] = "Format dell'Issuer della Response diverso da entity",
        ["32"] = "Response di successo senza Assertion",
        // Without an ID no Reference can point to the assertion: it stays unsigned.
        ["33"] = "Assertion non firmata",
        ["34"] = "Assertion non firmata",
        ["35"] = "Version dell'Assertion diversa da 2.0",
        ["36"] = "IssueInstant dell'Assertion con formato non valido: «»",
        ["37"] = "IssueInstant dell'Assertion mancante",
        ["38"] = "IssueInstant dell'Assertion con formato non valido: «2018-09-06 16:00»",
        ["39"] = "IssueInstant dell'Assertion (2000-01-01T12:00:00Z) troppo nel passato",
        ["40"] = "IssueInstant dell'Assertion (2099-01-01T00:00:00Z) nel futuro",
        ["41"] = "NameID mancante", // an empty Subject
        ["42"] = "Subject mancante",
        ["43"] = "NameID vuoto",
        ["44"] = "NameID mancante",
        ["45"] = "Format del NameID non transient: «»",
        ["46"] = "Format del NameID non transient: «»",
        ["47"] = "Format del NameID non transient: «urn:oasis:names:tc:SAML:2.0:nameid-format:diversodatransient»",
        ["48"] = "NameQualifier del NameID mancante o vuoto",
        ["49"] = "NameQualifier del NameID mancante o vuoto",
        ["51"] = "SubjectConfirmationData mancante", // an empty SubjectConfirmation
        ["52"] = "SubjectConfirmation mancante",
        ["53"] = "Method di SubjectConfirmation non bearer: «»",
        ["54"] = "Method di SubjectConfirmation non bearer: «»",
        ["55"] = "Method di SubjectConfirmation non bearer: «urn:oasis:names:tc:SAML:2.0:cm:diversodabearer»",
        ["56"] = "SubjectConfirmationData mancante",
        ["57"] = "Recipient () diverso dall'ACS",
        ["58"] = "Recipient () diverso dall'ACS",
        ["59"] = "Recipient (diversodaassertionconsumerserviceurl) diverso dall'ACS",
        ["60"] = "InResponseTo di SubjectConfirmationData () diverso dalla richiesta",
        ["61"] = "InResponseTo di SubjectConfirmationData () diverso dalla richiesta",
        ["62"] = "InResponseTo di SubjectConfirmationData (diversodaauthnrequestid) diverso dalla richiesta",
        ["63"] = "NotOnOrAfter di SubjectConfirmationData con formato non valido: «»",
        ["64"] = "NotOnOrAfter di SubjectConfirmationData mancante",
        ["65"] = "NotOnOrAfter di SubjectConfirmationData con formato non valido: «2018.09.18»",
        ["66"] = "NotOnOrAfter di SubjectConfirmationData (2000-01-01T00:00:00Z) troppo nel passato",
        ["67"] = "Issuer della Assertion «» diverso dall'entityID dell'IdP",
        ["68"] = "Issuer della Assertion mancante",
        ["69"] = "Issuer della Assertion «diversodaentityididp» diverso dall'entityID dell'IdP",
        ["70"] = "Format dell'Issuer della Assertion mancante o diverso da entity",
        ["71"] = "Format dell'Issuer della Assertion mancante o diverso da entity",
        ["72"] = "Format dell'Issuer della Assertion mancante o diverso da entity",
        ["73"] = "AudienceRestriction mancante", // empty Conditions
        ["74"] = "Conditions mancante",
        ["75"] = "NotBefore di Conditions con formato non valido: «»",
        ["76"] = "NotBefore di Conditions mancante",
        ["77"] = "NotBefore di Conditions con formato non valido: «2018/09/10»",
        ["78"] = "NotBefore di Conditions (2099-01-01T00:00:00Z) nel futuro",
        ["79"] = "NotOnOrAfter di Conditions con formato non valido: «»",
        ["80"] = "NotOnOrAfter di Conditions mancante",
        ["81"] = "NotOnOrAfter di Conditions con formato non valido: «10-09-2018»",
        ["82"] = "NotOnOrAfter di Conditions (2000-01-01T00:00:00Z) troppo nel passato",
        ["83"] = "Audience () diversa dall'entityID", // an empty AudienceRestriction
        ["84"] = "AudienceRestriction mancante",
        ["85"] = "Audience () diversa dall'entityID",
        ["86"] = "Audience () diversa dall'entityID",
        ["87"] = "Audience (diversodaentityidsp) diversa dall'entityID",
        ["88"] = "AuthnContext mancante", // an empty AuthnStatement
        ["89"] = "AuthnStatement mancante",
        ["90"] = "AuthnContextClassRef mancante", // an empty AuthnContext
        ["91"] = "AuthnContext mancante",
        ["92"] = "AuthnContextClassRef non previsto: «»",
        ["93"] = "AuthnContextClassRef mancante",
        ["94"] = "Livello SPID 1 inferiore al richiesto 2",
        ["97"] = "AuthnContextClassRef non previsto: «urn:oasis:names:tc:SAML:2.0:ac:classes:SpidL1»",
        ["98"] = "AttributeStatement senza Attribute",
        ["99"] = "Attributo spidCode senza valore", // an Attribute element with no AttributeValue
        // The response is signed with the same foreign key and is checked first.
        ["100"] = "Firma di Response non valida con i certificati dei metadati",
        ["103"] = "Attributo fiscalNumber mancante",
        ["112"] = "Firma in posizione inattesa",
        ["113"] = "Firma in posizione inattesa",
    };
}
