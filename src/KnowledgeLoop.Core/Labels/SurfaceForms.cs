using KnowledgeLoop.Core.Text;

namespace KnowledgeLoop.Core.Labels;

/// <summary>How stems are shown to people: as the written word they most often stand for.</summary>
internal static class SurfaceForms
{
    /// <summary>
    /// The most common written form of each stem in <paramref name="texts"/> ("duplicat" → "duplicate"), so keywords
    /// and titles read as words (the analysis's labels and the emerging gaps' keywords). Stemmed and unstemmed tokens are
    /// paired only when the two lists line up; ties go to the shorter form, then the ordinal order.
    /// </summary>
    public static Dictionary<string, string> Of(IEnumerable<string> texts)
    {
        var plain = new Tokenizer(stem: false);
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var clean = TextCleaner.Clean(text);
            var words = plain.Tokens(clean);
            var stems = Tokenizer.Default.Tokens(clean);
            if (words.Count != stems.Count)
            {
                continue;
            }

            for (var i = 0; i < stems.Count; i++)
            {
                if (!counts.TryGetValue(stems[i], out var forms))
                {
                    counts[stems[i]] = forms = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                forms[words[i]] = forms.GetValueOrDefault(words[i]) + 1;
            }
        }

        return counts.ToDictionary(
            pair => pair.Key,
            pair => pair.Value.OrderByDescending(f => f.Value).ThenBy(f => f.Key.Length).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key,
            StringComparer.Ordinal);
    }
}
