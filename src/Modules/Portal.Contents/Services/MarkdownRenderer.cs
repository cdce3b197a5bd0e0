using Ganss.Xss;
using Markdig;

namespace Portal.Contents.Services;

/// <summary>Markdown to safe HTML: raw HTML in the source is not interpreted, and the output is sanitized again.</summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string ToHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline));

    private static HtmlSanitizer CreateSanitizer()
    {
        var s = new HtmlSanitizer();
        s.AllowedSchemes.Clear();
        s.AllowedSchemes.Add("https");
        s.AllowedSchemes.Add("http");
        s.AllowedSchemes.Add("mailto");
        s.AllowedSchemes.Add("tel");
        s.AllowedAttributes.Remove("style");
        s.AllowedCssProperties.Clear();
        return s;
    }
}
