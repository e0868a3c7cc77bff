using System.Text;
using KnowledgeLoop.Core.Articles;

namespace KnowledgeLoop.Core.Matching;

/// <summary>
/// Cuts articles into chunks by heading, about <see cref="TargetWords"/> words each: a long section is split at
/// paragraph boundaries, a short one joins the next under its own heading. Every chunk starts with the article
/// title, so a chunk about "Steps" still says what the steps are for. Link lists ("Related articles", "See also")
/// are left out: they name other articles and would make an article look like its neighbours.
/// </summary>
public sealed class ArticleChunker
{
    private static readonly string[] LinkSections = ["related articles", "related", "see also", "further reading", "more help", "learn more"];

    /// <summary>The size a chunk aims for, in words.</summary>
    public int TargetWords { get; init; } = 300;

    /// <summary>Sections shorter than this join the following section (same chunk, both headings kept).</summary>
    public int MinimumWords { get; init; } = 40;

    /// <summary>The chunks of every article, in article order.</summary>
    public IReadOnlyList<ArticleChunk> Chunk(IEnumerable<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var chunks = new List<ArticleChunk>();
        foreach (var article in articles)
        {
            chunks.AddRange(Chunk(article));
        }

        return chunks;
    }

    /// <summary>The chunks of one article; an article without text gives one chunk of its title.</summary>
    public IReadOnlyList<ArticleChunk> Chunk(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var sections = Sections(article);
        var chunks = new List<ArticleChunk>();
        var pendingHeadings = new List<string>();
        var pending = new StringBuilder();
        var pendingWords = 0;

        void Emit()
        {
            if (pendingWords == 0 && chunks.Count > 0)
            {
                return;
            }

            var heading = pendingHeadings.Count == 0 ? article.Title : string.Join(" / ", pendingHeadings);
            var text = new StringBuilder(article.Title);
            if (!string.Equals(heading, article.Title, StringComparison.Ordinal))
            {
                text.Append('\n').Append(heading);
            }

            if (pending.Length > 0)
            {
                text.Append('\n').Append(pending);
            }

            chunks.Add(new ArticleChunk(article.Id, chunks.Count, heading, text.ToString(), pendingWords));
            pendingHeadings.Clear();
            pending.Clear();
            pendingWords = 0;
        }

        foreach (var (heading, paragraphs) in sections)
        {
            if (heading is not null && pendingWords >= MinimumWords)
            {
                Emit();
            }

            if (heading is not null)
            {
                pendingHeadings.Add(heading);
            }

            foreach (var paragraph in paragraphs)
            {
                var words = CountWords(paragraph);
                if (pendingWords > 0 && pendingWords + words > TargetWords)
                {
                    var carry = pendingHeadings.LastOrDefault();
                    Emit();
                    if (carry is not null)
                    {
                        pendingHeadings.Add(carry);
                    }
                }

                if (pending.Length > 0)
                {
                    pending.Append('\n');
                }

                pending.Append(paragraph);
                pendingWords += words;
            }
        }

        Emit();
        return chunks;
    }

    private static List<(string? Heading, List<string> Paragraphs)> Sections(Article article)
    {
        var sections = new List<(string? Heading, List<string> Paragraphs)> { (null, []) };
        var paragraph = new StringBuilder();
        var skipping = false;

        void EndParagraph()
        {
            if (paragraph.Length > 0)
            {
                if (!skipping)
                {
                    sections[^1].Paragraphs.Add(paragraph.ToString());
                }

                paragraph.Clear();
            }
        }

        foreach (var rawLine in article.Body.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r').Trim();
            if (line.StartsWith('#'))
            {
                EndParagraph();
                var heading = line.TrimStart('#').Trim();
                if (sections.Count == 1 && sections[0].Paragraphs.Count == 0 && string.Equals(heading, article.Title, StringComparison.OrdinalIgnoreCase))
                {
                    continue; // the title repeated as the first heading
                }

                skipping = LinkSections.Contains(heading.TrimEnd(':').ToLowerInvariant());
                if (!skipping)
                {
                    sections.Add((heading, []));
                }

                continue;
            }

            if (line.Length == 0)
            {
                EndParagraph();
                continue;
            }

            if (paragraph.Length > 0)
            {
                paragraph.Append(' ');
            }

            paragraph.Append(line);
        }

        EndParagraph();
        return sections;
    }

    private static int CountWords(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = !char.IsWhiteSpace(c);
            if (letter && !inWord)
            {
                words++;
            }

            inWord = letter;
        }

        return words;
    }
}
