using Portal.Notifications.Messages;

namespace Portal.Notifications.Tests;

/// <summary>Addresses in a message's text are links; everything else stays text (encoded).</summary>
public class MessageTextTests
{
    [Fact]
    public void Web_addresses_become_links_and_the_rest_is_encoded()
    {
        var html = MessageText.ToHtml("Segui la pratica su https://servizi.regione.example.it/did/42. <b>Grazie</b>").ToString();
        Assert.Equal("Segui la pratica su <a href=\"https://servizi.regione.example.it/did/42\">https://servizi.regione.example.it/did/42</a>. &lt;b&gt;Grazie&lt;/b&gt;", html);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.org/file")]
    [InlineData("Nessun indirizzo qui.")]
    public void Other_schemes_and_plain_text_are_not_links(string text)
    {
        Assert.DoesNotContain("<a ", MessageText.ToHtml(text).ToString());
    }
}
