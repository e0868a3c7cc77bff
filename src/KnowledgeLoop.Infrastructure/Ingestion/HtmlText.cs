using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>Reduces HTML to readable text: headings as Markdown-style lines, list items as "- ", blocks as paragraphs; scripts and styles dropped.</summary>
internal static class HtmlText
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The text of an HTML document or fragment, and its first heading (or &lt;title&gt;).</summary>
    public static (string Text, string? FirstHeading) Extract(string html)
    {
        var document = Parser.ParseDocument(html);
        foreach (var element in document.QuerySelectorAll("script, style, noscript, template, head > *:not(title)").ToList())
        {
            element.Remove();
        }

        var builder = new StringBuilder(html.Length / 2);
        string? firstHeading = null;
        if (document.Body is { } body)
        {
            Walk(body, builder, ref firstHeading);
        }

        firstHeading ??= NullIfEmpty(document.Title?.Trim());
        return (Tidy(builder), firstHeading);
    }

    /// <summary>Whether text looks like HTML rather than Markdown or plain text.</summary>
    public static bool LooksLikeHtml(string text)
    {
        var span = text.AsSpan();
        var open = span.IndexOf('<');
        while (open >= 0 && open + 1 < span.Length)
        {
            var next = span[open + 1];
            if (char.IsAsciiLetter(next) || next == '/' || next == '!')
            {
                var close = span[open..].IndexOf('>');
                if (close > 1)
                {
                    return true;
                }
            }

            var rest = span[(open + 1)..].IndexOf('<');
            open = rest < 0 ? -1 : open + 1 + rest;
        }

        return false;
    }

    private static void Walk(INode node, StringBuilder text, ref string? firstHeading)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText textNode)
            {
                AppendInline(text, textNode.Data);
                continue;
            }

            if (child is not IElement element)
            {
                continue;
            }

            var name = element.LocalName;
            switch (name)
            {
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    var heading = Collapse(element.TextContent);
                    if (heading.Length > 0)
                    {
                        firstHeading ??= heading;
                        BreakBlock(text);
                        text.Append('#', name[1] - '0').Append(' ').Append(heading);
                        BreakBlock(text);
                    }

                    break;
                case "br":
                    text.Append('\n');
                    break;
                case "li":
                    BreakLine(text);
                    text.Append("- ");
                    Walk(element, text, ref firstHeading);
                    BreakLine(text);
                    break;
                case "p" or "div" or "section" or "article" or "ul" or "ol" or "table" or "tr" or "blockquote" or "pre" or "header" or "footer" or "main" or "dl" or "dt" or "dd" or "figure" or "hr":
                    BreakBlock(text);
                    Walk(element, text, ref firstHeading);
                    BreakBlock(text);
                    break;
                case "td" or "th":
                    Walk(element, text, ref firstHeading);
                    text.Append(' ');
                    break;
                default:
                    Walk(element, text, ref firstHeading);
                    break;
            }
        }
    }

    private static void AppendInline(StringBuilder text, string data)
    {
        var collapsed = Collapse(data);
        if (collapsed.Length == 0)
        {
            if (data.Length > 0 && text.Length > 0 && text[^1] is not (' ' or '\n'))
            {
                text.Append(' ');
            }

            return;
        }

        if (char.IsWhiteSpace(data[0]) && text.Length > 0 && text[^1] is not (' ' or '\n'))
        {
            text.Append(' ');
        }

        text.Append(collapsed);
        if (char.IsWhiteSpace(data[^1]))
        {
            text.Append(' ');
        }
    }

    private static string Collapse(string value) => string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static void BreakLine(StringBuilder text)
    {
        TrimEndSpaces(text);
        if (text.Length > 0 && text[^1] != '\n')
        {
            text.Append('\n');
        }
    }

    private static void BreakBlock(StringBuilder text)
    {
        BreakLine(text);
        if (text.Length > 1 && text[^2] != '\n')
        {
            text.Append('\n');
        }
    }

    private static void TrimEndSpaces(StringBuilder text)
    {
        while (text.Length > 0 && text[^1] == ' ')
        {
            text.Length--;
        }
    }

    private static string Tidy(StringBuilder text)
    {
        var lines = text.ToString().Split('\n').Select(l => l.Trim());
        var result = new StringBuilder();
        var blank = true;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                if (!blank)
                {
                    result.Append('\n');
                }

                blank = true;
                continue;
            }

            result.Append(line).Append('\n');
            blank = false;
        }

        return result.ToString().Trim();
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
