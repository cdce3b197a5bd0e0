namespace Portal.Identity.Tests;

public class SpidStatusTests(SamlPortal portal) : IClassFixture<SamlPortal>
{
    [Theory]
    [InlineData(19, "credenziali sono state inserite in modo errato troppe volte")]
    [InlineData(20, "non hanno il livello di sicurezza richiesto")]
    [InlineData(21, "tempo a disposizione per completare l'autenticazione è scaduto")]
    [InlineData(22, "negato il consenso")]
    [InlineData(23, "sospesa o revocata")]
    [InlineData(25, "Hai annullato l'autenticazione")]
    [InlineData(30, "non è del tipo richiesto")]
    [InlineData(99, "Non è stato possibile completare l'accesso")]
    public async Task An_spid_error_status_shows_its_own_italian_message(int code, string message)
    {
        var client = portal.Client();
        var id = await portal.StartLoginIdAsync(client);
        var spec = portal.Spec(id) with
        {
            StatusCode = "urn:oasis:names:tc:SAML:2.0:status:Responder",
            SubStatus = "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed",
            StatusMessage = $"ErrorCode nr{code}",
            IncludeAssertion = false,
        };
        await portal.PostRefusedAsync(client, SamlPortal.Signed(spec, signResponse: true, signAssertion: false), $"ErrorCode nr{code}", message);
    }
}
