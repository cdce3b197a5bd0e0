using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace Portal.Notifications.Messages;

/// <summary>
/// A message's plain text as HTML: encoded, with every web address in it a link (the templates write addresses as
/// text, e.g. "Segui la pratica su https://…/did/…"). Only http and https addresses become links.
/// </summary>
public static partial class MessageText
{
    public static IHtmlContent ToHtml(string? text)
    {
        if (string.IsNullOrEmpty(text)) return HtmlString.Empty;
        var html = new StringBuilder();
        var last = 0;
        foreach (Match m in Address().Matches(text))
        {
            // A sentence's closing punctuation is not part of the address.
            var url = m.Value.TrimEnd('.', ',', ';', ':', ')', '»', '!', '?');
            html.Append(HtmlEncoder.Default.Encode(text[last..m.Index]));
            if (Uri.TryCreate(url, UriKind.Absolute, out _))
                html.Append("<a href=\"").Append(HtmlEncoder.Default.Encode(url)).Append("\">").Append(HtmlEncoder.Default.Encode(url)).Append("</a>");
            else
                html.Append(HtmlEncoder.Default.Encode(url));
            last = m.Index + url.Length;
        }
        html.Append(HtmlEncoder.Default.Encode(text[last..]));
        return new HtmlString(html.ToString());
    }

    [GeneratedRegex(@"https?://[^\s<>""«»]+", RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
