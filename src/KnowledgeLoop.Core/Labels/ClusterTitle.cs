using System.Globalization;

namespace KnowledgeLoop.Core.Labels;

/// <summary>
/// A short human title from a cluster's keywords, e.g. "Bank feed duplicates · import": keywords are taken in
/// order; a bigram that overlaps the phrase so far by one word extends it ("bank feed" + "feed duplicates"),
/// keywords already spelled out are skipped, others start a new part after " · ". At most
/// <see cref="MaximumWords"/> words and three parts; the first letter is capitalized.
/// </summary>
public static class ClusterTitle
{
    /// <summary>The most words in a title.</summary>
    public const int MaximumWords = 4;

    private const int MaximumParts = 3;

    /// <summary>The title for <paramref name="keywords"/> (best first); "Unlabelled" without any.</summary>
    public static string From(IReadOnlyList<ClusterKeyword> keywords)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        var parts = new List<List<string>>();
        var words = 0;
        foreach (var keyword in keywords)
        {
            var terms = keyword.Term.Split('_', StringSplitOptions.RemoveEmptyEntries);
            if (terms.Length == 0 || parts.Any(part => Contains(part, terms)))
            {
                continue;
            }

            var extended = false;
            foreach (var part in parts)
            {
                if (terms.Length > 1 && words + terms.Length - 1 <= MaximumWords)
                {
                    if (part[^1] == terms[0])
                    {
                        part.AddRange(terms.Skip(1));
                        extended = true;
                    }
                    else if (part[0] == terms[^1])
                    {
                        part.InsertRange(0, terms.Take(terms.Length - 1));
                        extended = true;
                    }

                    if (extended)
                    {
                        words += terms.Length - 1;
                        break;
                    }
                }
            }

            if (extended)
            {
                continue;
            }

            if (words + terms.Length > MaximumWords || parts.Count == MaximumParts)
            {
                if (words >= 2)
                {
                    break;
                }

                continue;
            }

            parts.Add([.. terms]);
            words += terms.Length;
        }

        if (parts.Count == 0)
        {
            return "Unlabelled";
        }

        var title = string.Join(" · ", parts.Select(part => string.Join(' ', part)));
        return char.ToUpper(title[0], CultureInfo.InvariantCulture) + title[1..];
    }

    private static bool Contains(List<string> part, string[] terms)
    {
        for (var start = 0; start + terms.Length <= part.Count; start++)
        {
            var match = true;
            for (var i = 0; i < terms.Length && match; i++)
            {
                match = string.Equals(part[start + i], terms[i], StringComparison.Ordinal);
            }

            if (match)
            {
                return true;
            }
        }

        return false;
    }
}
