using System.Globalization;
using System.Text;

namespace KnowledgeLoop.Samples;

/// <summary>Writes each article as <c>articles/&lt;id&gt;-&lt;slug&gt;.md</c> with YAML front matter.</summary>
internal static class ArticleWriter
{
    public static int Write(string directory, IReadOnlyList<ArticleSpec> articles, DateTime publishedMidPeriod)
    {
        Directory.CreateDirectory(directory);
        var published = DateOnly.FromDateTime(publishedMidPeriod);
        foreach (var article in articles)
        {
            var created = article.CreatedAt ?? published;
            var updated = article.UpdatedAt ?? published;
            var b = new StringBuilder();
            b.Append("---\n")
                .Append("id: ").Append(article.Id).Append('\n')
                .Append("title: \"").Append(article.Title.Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\"\n")
                .Append("created_at: ").Append(created.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n')
                .Append("updated_at: ").Append(updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n')
                .Append("tags: [").AppendJoin(", ", article.Tags).Append("]\n")
                .Append("section: ").Append(article.Section).Append('\n')
                .Append("---\n\n")
                .Append("# ").Append(article.Title).Append("\n\n")
                .Append(article.Intro).Append("\n\n");
            if (article.Steps.Count > 0)
            {
                b.Append("## Steps\n\n");
                for (var i = 0; i < article.Steps.Count; i++)
                {
                    b.Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(". ").Append(article.Steps[i]).Append('\n');
                }

                b.Append('\n');
            }

            if (article.Troubleshooting.Count > 0)
            {
                b.Append("## Troubleshooting\n\n");
                foreach (var tip in article.Troubleshooting)
                {
                    b.Append("- ").Append(tip).Append('\n');
                }

                b.Append('\n');
            }

            var related = articles.Where(a => a.Section == article.Section && a.Id != article.Id).Take(3).ToList();
            if (related.Count > 0)
            {
                b.Append("## Related articles\n\n");
                foreach (var other in related)
                {
                    b.Append("- [").Append(other.Title).Append("](").Append(FileName(other)).Append(")\n");
                }

                b.Append('\n');
            }

            b.Length--; // one trailing newline
            File.WriteAllText(Path.Combine(directory, FileName(article)), b.ToString(), new UTF8Encoding(false));
        }

        return articles.Count;
    }

    public static string FileName(ArticleSpec article)
    {
        var slug = new StringBuilder();
        foreach (var c in article.Title.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return article.Id.ToLowerInvariant() + "-" + slug.ToString().TrimEnd('-') + ".md";
    }
}
