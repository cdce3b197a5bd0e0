using Microsoft.AspNetCore.Http;
using Portal.Core.Comuni;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Core.Validation;

namespace Portal.Users.Services;

/// <summary>Who the test login creates or finds: a codice fiscale, the names, and the Comune of residence (ISTAT).</summary>
public sealed class TestPersonInput
{
    public string? CodiceFiscale { get; set; }
    public string? Nome { get; set; }
    public string? Cognome { get; set; }
    public string? ComuneResidenzaIstat { get; set; }
}

/// <param name="NewPerson">The person did not exist before this login.</param>
/// <param name="AnagraficaSaved">Their Anagrafica was saved by this login (it was missing).</param>
public sealed record TestLoginResult(PersonInfo Person, SignInOutcome Outcome, bool NewPerson, bool AnagraficaSaved);

/// <summary>
/// The test login for acceptance tests and load runs (only where the development login is on): the person is
/// created if new, given a saved Anagrafica in the Comune, and signed in with the same session a SAML login gets.
/// </summary>
public sealed class TestLogin(
    IPeople people, IUnitOfWork unitOfWork, RegionComuni comuni, IPortalSession session, IEnumerable<IAnagraficaProvisioning> provisioning)
{
    public const string AuthMethod = "prova";
    private const int MaxNameLength = 100;

    public async Task<TestLoginResult> SignInAsync(HttpContext http, TestPersonInput input, CancellationToken ct)
    {
        var (cf, nome, cognome, istat) = await ValidateAsync(input, ct);
        PersonInfo person;
        bool created, saved = false;
        await using (var work = await unitOfWork.BeginAsync(ct))
        {
            var existing = await people.FindByCodiceFiscaleAsync(cf, ct);
            person = existing ?? await people.EnsureAsync(cf, nome, cognome, ct: ct);
            created = existing is null;
            foreach (var p in provisioning) saved |= await p.EnsureSavedAsync(person.Id, istat, ct);
            await work.CompleteAsync(ct);
        }
        var outcome = await session.SignInAsync(http, person.Id, AuthMethod);
        return new TestLoginResult(person, outcome, created, saved);
    }

    private async Task<(string Cf, string Nome, string Cognome, string Istat)> ValidateAsync(TestPersonInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var cf = input.CodiceFiscale?.Trim().ToUpperInvariant() ?? "";
        if (cf.Length == 0) errors["codiceFiscale"] = "Indicare il codice fiscale.";
        else if (!CodiceFiscale.IsValid(cf)) errors["codiceFiscale"] = "Il codice fiscale non è valido: controllare i 16 caratteri e il carattere di controllo.";
        var nome = Name(errors, "nome", input.Nome, "il nome");
        var cognome = Name(errors, "cognome", input.Cognome, "il cognome");
        var istat = input.ComuneResidenzaIstat?.Trim() ?? "";
        if (istat.Length == 0) errors["comuneResidenzaIstat"] = "Indicare il Comune di residenza.";
        else if (istat.Length != 6 || !istat.All(char.IsAsciiDigit)) errors["comuneResidenzaIstat"] = "Il Comune di residenza va indicato con il codice ISTAT di 6 cifre (es. 042002 per Ancona).";
        else if (!(await comuni.FindAsync([istat], ct)).ContainsKey(istat)) errors["comuneResidenzaIstat"] = $"Nessun Comune ha il codice ISTAT {istat}.";
        if (errors.Count > 0) throw PortalException.Invalid(errors);
        return (cf, nome, cognome, istat);
    }

    private static string Name(Dictionary<string, string> errors, string field, string? value, string what)
    {
        var v = value?.Trim() ?? "";
        if (v.Length == 0) errors[field] = $"Indicare {what}.";
        else if (v.Length > MaxNameLength) errors[field] = $"Il campo può contenere al massimo {MaxNameLength} caratteri.";
        else if (v.Any(char.IsControl)) errors[field] = "Il campo contiene caratteri non ammessi.";
        return v;
    }
}
