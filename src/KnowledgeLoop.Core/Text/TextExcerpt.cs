namespace KnowledgeLoop.Core.Text;

/// <summary>Text shortened for a table cell or an evidence line.</summary>
public static class TextExcerpt
{
    /// <summary>Whitespace collapsed to single spaces, cut to <paramref name="length"/> characters with an ellipsis.</summary>
    public static string Shorten(string text, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 2);
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= length ? flat : string.Concat(flat.AsSpan(0, length - 1).TrimEnd(), "…");
    }
}
