using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Portal.Identity.Tests;

/// <summary>Requests to the ACS outside the form limits get a 4xx with the Italian refusal page and an audit entry, never a 500.</summary>
public class AcsRequestLimitTests(SamlPortal portal) : IClassFixture<SamlPortal>
{
    private const string Refusal = "Non è stato possibile completare l'accesso";

    private async Task RefusedAsync(HttpContent body, HttpStatusCode expected, string reasonFragment)
    {
        var client = portal.Client();
        var before = await portal.LastAuditIdAsync();
        var response = await client.PostAsync("/saml2/acs", body);
        Assert.Equal(expected, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(Refusal, page);
        Assert.Contains("<html", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(reasonFragment, page);
        Assert.False(await SamlPortal.IsLoggedInAsync(client));
        await portal.AssertRefusalAuditedSinceAsync(before, reasonFragment);
    }

    private static StringContent Form(string body) => new(body, Encoding.ASCII, "application/x-www-form-urlencoded");

    [Fact]
    public Task A_5_mb_saml_response_is_refused_as_too_large() =>
        RefusedAsync(Form("SAMLResponse=" + new string('A', 5 * 1024 * 1024)), HttpStatusCode.RequestEntityTooLarge, "troppo grande");

    [Fact]
    public Task A_saml_response_over_512_kb_in_a_body_under_1_mb_is_refused_as_too_large() =>
        RefusedAsync(Form("SAMLResponse=" + new string('A', 600 * 1024)), HttpStatusCode.RequestEntityTooLarge, "SAMLResponse troppo grande");

    [Fact]
    public Task A_20_mb_body_is_refused_as_too_large() =>
        RefusedAsync(Form("SAMLResponse=QQ%3D%3D&RelayState=" + new string('x', 20 * 1024 * 1024)), HttpStatusCode.RequestEntityTooLarge, "(al massimo 1048576)");

    [Fact]
    public async Task A_body_over_1_mb_without_content_length_is_refused_as_too_large()
    {
        var content = new ChunkedContent(Encoding.ASCII.GetBytes("SAMLResponse=" + new string('A', 2 * 1024 * 1024)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        await RefusedAsync(content, HttpStatusCode.RequestEntityTooLarge, "troppo grande: oltre 1048576 byte");
    }

    [Fact]
    public Task Two_thousand_form_fields_are_refused() =>
        RefusedAsync(Form(string.Join('&', Enumerable.Range(0, 2000).Select(i => $"f{i}=v"))), HttpStatusCode.BadRequest, "al massimo 20 campi");

    [Fact]
    public Task Multipart_without_a_boundary_is_refused()
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes("--x\r\nContent-Disposition: form-data; name=\"SAMLResponse\"\r\n\r\nQQ==\r\n--x--\r\n"));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");
        return RefusedAsync(content, HttpStatusCode.BadRequest, "Content-Type");
    }

    [Fact]
    public Task A_nul_byte_in_the_body_is_refused() =>
        RefusedAsync(Form("SAMLResponse=PHNhbWxwOlJlc3BvbnNl%00Pg%3D%3D"), HttpStatusCode.BadRequest, "invalid characters");

    [Fact]
    public Task A_nul_byte_in_a_field_name_is_refused() =>
        RefusedAsync(Form("SAML%00Response=QQ%3D%3D"), HttpStatusCode.BadRequest, "invalid characters");

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/json")]
    [InlineData("application/x-www-form-urlencoded;;;=")]
    [InlineData("/")]
    public Task An_invalid_content_type_is_refused(string contentType)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes("SAMLResponse=QQ%3D%3D"));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return RefusedAsync(content, HttpStatusCode.BadRequest, "Content-Type");
    }

    [Fact]
    public Task No_content_type_at_all_is_refused() =>
        RefusedAsync(new ByteArrayContent(Encoding.ASCII.GetBytes("SAMLResponse=QQ%3D%3D")), HttpStatusCode.BadRequest, "Content-Type");

    /// <summary>A body whose length is not told, so it goes out without Content-Length.</summary>
    private sealed class ChunkedContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
