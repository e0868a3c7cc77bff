using System.Text;

namespace KnowledgeLoop.Infrastructure.Reports;

/// <summary>HTML escaping and link checking for the HTML report: data never reaches the page as markup.</summary>
internal static class Html
{
    /// <summary>
    /// Text safe in element content and in double- or single-quoted attribute values: &amp; &lt; &gt; " '
    /// become entities, and control characters other than tab and line breaks (invalid in HTML) are dropped.
    /// </summary>
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (text.AsSpan().IndexOfAny("&<>\"'") < 0 && !text.Any(IsDropped))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                default:
                    if (!IsDropped(c))
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>The address as an absolute http or https URL fit for an href, or null for anything else (javascript:, data:, relative, malformed).</summary>
    public static string? SafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }

        return uri.AbsoluteUri;
    }

    private static bool IsDropped(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r');
}
