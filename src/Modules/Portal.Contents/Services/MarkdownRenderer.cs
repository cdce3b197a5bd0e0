using Ganss.Xss;
using Markdig;
using Markdig.Syntax;

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

    /// <summary>The same without its tables: for a text whose table is shown from the database instead (a published Graduatoria's rows).</summary>
    public string ToHtmlWithoutTables(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var document = Markdown.Parse(markdown, _pipeline);
        foreach (var table in document.Descendants<Markdig.Extensions.Tables.Table>().ToList()) table.Parent?.Remove(table);
        return _sanitizer.Sanitize(document.ToHtml(_pipeline));
    }

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
