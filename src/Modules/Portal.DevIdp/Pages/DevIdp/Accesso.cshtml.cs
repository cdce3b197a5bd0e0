using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Portal.Core.Security;
using Portal.Core.Validation;
using Portal.DevIdp.Model;
using Portal.DevIdp.Services;

namespace Portal.DevIdp.Pages.DevIdp;

/// <summary>Who the person "is" at the test IdP: one of the demo people, or any codice fiscale and name; then the signed answer.</summary>
public sealed class AccessoModel(DevIdpSwitch devIdp, RequestProtector protector, IPeople people, DevIdpKeys keys, DevIdpAddresses addresses,
    SpMetadataSource spMetadata, IOptions<DevIdpOptions> options, TimeProvider clock) : PageModel
{
    public DevIdpKind Kind { get; private set; } = DevIdpKind.All[0];
    public ReceivedAuthnRequest? Received { get; private set; }
    public string? Token { get; private set; }
    public IReadOnlyList<PersonInfo> People { get; private set; } = [];
    /// <summary>Set once the answer is ready: the form that carries it to the SP's ACS.</summary>
    public SignedAnswer? Answer { get; private set; }
    /// <summary>The request to answer is missing, altered or older than its lifetime.</summary>
    public bool Expired { get; private set; }
    private bool _known;

    [BindProperty] public OtherPersonInput Altra { get; set; } = new();
    [BindProperty] public int Livello { get; set; }

    public sealed record SignedAnswer(string AcsUrl, string SamlResponse, string? RelayState, string Who);

    public sealed class OtherPersonInput
    {
        public string? CodiceFiscale { get; set; }
        public string? Nome { get; set; }
        public string? Cognome { get; set; }
        public string? Email { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string kind, string? richiesta, CancellationToken ct)
    {
        if (!await LoadAsync(kind, richiesta, ct)) return NotFoundOrExpired();
        Livello = Received!.Level;
        return Page();
    }

    /// <summary>"Entra come ...": one of the demo people.</summary>
    public async Task<IActionResult> OnPostPersonaAsync(string kind, string? richiesta, Guid personId, CancellationToken ct)
    {
        if (!await LoadAsync(kind, richiesta, ct)) return NotFoundOrExpired();
        var person = await people.FindAsync(personId, ct);
        if (person is not { IsDemo: true })
        {
            ModelState.AddModelError("", "Persona dimostrativa non trovata: scegline una dall'elenco.");
            return Page();
        }
        if (!ValidLevel()) return Page();
        return await AnswerAsync(new DevIdpPersonAnswer(person.CodiceFiscale, person.Nome, person.Cognome, person.Email, Livello), person.FullName, ct);
    }

    /// <summary>"Entra con un'altra identità": any valid codice fiscale with a name.</summary>
    public async Task<IActionResult> OnPostAltraAsync(string kind, string? richiesta, CancellationToken ct)
    {
        if (!await LoadAsync(kind, richiesta, ct)) return NotFoundOrExpired();
        var cf = Altra.CodiceFiscale?.Trim().ToUpperInvariant() ?? "";
        if (cf.Length == 0) ModelState.AddModelError("Altra.CodiceFiscale", "Indicare il codice fiscale.");
        else if (!CodiceFiscale.IsValid(cf)) ModelState.AddModelError("Altra.CodiceFiscale", "Il codice fiscale non è valido: controllare i 16 caratteri.");
        var nome = Altra.Nome?.Trim() ?? "";
        var cognome = Altra.Cognome?.Trim() ?? "";
        if (nome.Length == 0) ModelState.AddModelError("Altra.Nome", "Indicare il nome.");
        else if (nome.Length > 100) ModelState.AddModelError("Altra.Nome", "Il nome può avere al massimo 100 caratteri.");
        if (cognome.Length == 0) ModelState.AddModelError("Altra.Cognome", "Indicare il cognome.");
        else if (cognome.Length > 100) ModelState.AddModelError("Altra.Cognome", "Il cognome può avere al massimo 100 caratteri.");
        var email = string.IsNullOrWhiteSpace(Altra.Email) ? null : Altra.Email.Trim();
        if (email is not null && !EmailAddress.IsValid(email)) ModelState.AddModelError("Altra.Email", "L'indirizzo email non è valido.");
        if (!ValidLevel() || ModelState.ErrorCount > 0) return Page();
        return await AnswerAsync(new DevIdpPersonAnswer(cf, nome, cognome, email, Livello), $"{nome} {cognome}", ct);
    }

    /// <summary>"Annulla": the SPID answer of a person who stops at the IdP (ErrorCode nr25).</summary>
    public async Task<IActionResult> OnPostAnnullaAsync(string kind, string? richiesta, CancellationToken ct)
    {
        if (!await LoadAsync(kind, richiesta, ct)) return NotFoundOrExpired();
        var response = ResponseWriter.Failure(Received!, addresses.EntityId(Kind, Request), keys.Certificate, clock.GetUtcNow(), "ErrorCode nr25");
        Answer = new SignedAnswer(Received!.AcsUrl, response, Received.RelayState, "annullamento");
        return Page();
    }

    private async Task<IActionResult> AnswerAsync(DevIdpPersonAnswer person, string who, CancellationToken ct)
    {
        var sp = await spMetadata.GetAsync(Request, ct);
        var response = ResponseWriter.Success(Received!, person, addresses.EntityId(Kind, Request), keys.Certificate, clock.GetUtcNow(),
            TimeSpan.FromMinutes(options.Value.AssertionLifetimeMinutes), sp.RequestedAttributes);
        Answer = new SignedAnswer(Received!.AcsUrl, response, Received.RelayState, who);
        return Page();
    }

    private bool ValidLevel()
    {
        if (Livello is >= 1 and <= 3) return true;
        ModelState.AddModelError(nameof(Livello), "Scegliere il livello SPID: 1, 2 o 3.");
        return false;
    }

    /// <summary>An unknown kind (or the IdP off) is not found; a missing, altered or expired request says so, in Italian.</summary>
    private IActionResult NotFoundOrExpired()
    {
        if (!_known) return NotFound();
        Expired = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(string kind, string? richiesta, CancellationToken ct)
    {
        if (!devIdp.Enabled || DevIdpKind.Find(kind) is not { } k) return false;
        Kind = k;
        _known = true;
        Received = protector.Unprotect(richiesta, k.Key);
        if (Received is null) return false;
        Token = richiesta;
        People = await people.DemoPeopleAsync(ct);
        return true;
    }
}
