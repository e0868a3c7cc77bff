using System.Runtime.CompilerServices;
using System.Text;
using KnowledgeLoop.Core.Articles;

namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>
/// Reads a folder of Markdown (with optional front matter) and HTML articles, one article per file: id = file name without
/// extension unless front matter says <c>id:</c>; title = front matter <c>title:</c>, else the first heading.
/// </summary>
internal static class MarkdownArticles
{
    private static readonly string[] Extensions = [".md", ".markdown", ".html", ".htm"];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async IAsyncEnumerable<ImportRow<Article>> ReadFolderAsync(string folder, ValueParser parser, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            yield return new ImportRow<Article>(0, null, [new ImportProblem(folder, 0, null, null, "the folder holds no .md or .html files")], null);
            yield break;
        }

        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
            var row = Read(file, Path.GetRelativePath(folder, file), bytes, parser);
            if (row.Entity is { } article && !seen.TryAdd(article.Id, file))
            {
                row = row with
                {
                    Entity = null,
                    Problems = [new ImportProblem(file, row.Line, "id", article.Id, $"duplicate id: already used by {Path.GetFileName(seen[article.Id])}")],
                };
            }

            yield return row;
        }
    }

    /// <summary>One article file.</summary>
    public static ImportRow<Article> Read(string file, string relativeName, byte[] bytes, ValueParser parser)
    {
        var raw = new List<KeyValuePair<string, string>> { new("file", relativeName) };
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var line = 1 + bytes.AsSpan(0, Math.Clamp(e.Index, 0, bytes.Length)).Count((byte)'\n');
            return new ImportRow<Article>(line, null, [new ImportProblem(file, line, null, null, "invalid UTF-8")], raw);
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var problems = new List<ImportProblem>();
        var isHtml = Path.GetExtension(file).StartsWith(".htm", StringComparison.OrdinalIgnoreCase);
        var front = new Dictionary<string, (string Value, int Line)>(StringComparer.OrdinalIgnoreCase);
        var body = text;
        if (!isHtml)
        {
            body = SplitFrontMatter(text, front);
        }

        string? heading;
        if (isHtml)
        {
            (body, heading) = HtmlText.Extract(text);
        }
        else
        {
            heading = FirstHeading(body);
        }

        DateTimeOffset? Date(string key)
        {
            if (!front.TryGetValue(key, out var entry) || entry.Value.Length == 0)
            {
                return null;
            }

            if (parser.TryParseDate(entry.Value, out var value))
            {
                return value;
            }

            problems.Add(new ImportProblem(file, entry.Line, key, RowReader.Shorten(entry.Value), "not a date: use ISO 8601 such as 2026-05-04"));
            return null;
        }

        string? Value(string key) => front.TryGetValue(key, out var entry) && entry.Value.Length > 0 ? entry.Value : null;

        var id = Value("id") ?? Path.GetFileNameWithoutExtension(file);
        var title = Value("title") ?? heading;
        var updatedAt = Date("updated_at");
        var createdAt = Date("created_at");
        if (title is null)
        {
            problems.Add(new ImportProblem(file, 1, "title", null, "missing title: no front matter title and no heading"));
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            problems.Add(new ImportProblem(file, 1, "body", null, "the article has no text"));
        }

        if (problems.Count > 0)
        {
            return new ImportRow<Article>(problems[0].Line, null, problems, raw);
        }

        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, entry) in front)
        {
            if (key is not ("id" or "title" or "updated_at" or "created_at" or "tags" or "url" or "section") && entry.Value.Length > 0)
            {
                attributes[key] = entry.Value;
            }
        }

        return new ImportRow<Article>(1, new Article
        {
            Id = id.Trim(),
            Title = title!.Trim(),
            Body = body.Trim(),
            Format = isHtml ? ArticleFormat.Html : ArticleFormat.Markdown,
            Url = Value("url"),
            UpdatedAt = updatedAt,
            CreatedAt = createdAt,
            Tags = Value("tags") is { } tags ? (tags.Contains(parser.ListSeparator, StringComparison.Ordinal) ? parser.SplitList(tags) : tags.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)) : [],
            Section = Value("section"),
            Attributes = attributes,
        }, [], null);
    }

    /// <summary>The first Markdown heading's text, or null.</summary>
    public static string? FirstHeading(string markdown)
    {
        foreach (var line in markdown.AsSpan().EnumerateLines())
        {
            var trimmed = line.TrimStart();
            if (trimmed.Length > 1 && trimmed[0] == '#')
            {
                var text = trimmed.TrimStart('#');
                if (text.Length < trimmed.Length && text.Length > 0 && text[0] == ' ')
                {
                    var heading = text.Trim().TrimEnd('#').Trim();
                    if (heading.Length > 0)
                    {
                        return heading.ToString();
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Whether plain text uses Markdown structure (headings, lists, links, emphasis, code).</summary>
    public static bool LooksLikeMarkdown(string text) =>
        FirstHeading(text) is not null || text.Contains("](", StringComparison.Ordinal) || text.Contains("\n- ", StringComparison.Ordinal)
        || text.Contains("\n* ", StringComparison.Ordinal) || text.Contains("**", StringComparison.Ordinal) || text.Contains("```", StringComparison.Ordinal);

    // YAML-ish front matter between '---' lines: key: value, quoted values, [a, b] lists or "- item" lines after "key:".
    private static string SplitFrontMatter(string text, Dictionary<string, (string Value, int Line)> front)
    {
        if (!text.StartsWith("---", StringComparison.Ordinal))
        {
            return text;
        }

        var lines = text.Split('\n');
        if (lines[0].TrimEnd() != "---")
        {
            return text;
        }

        var end = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
        if (end < 0)
        {
            return text;
        }

        string? listKey = null;
        for (var i = 1; i < end; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            if (listKey is not null && trimmed.StartsWith("- ", StringComparison.Ordinal))
            {
                var item = Unquote(trimmed[2..].Trim());
                var existing = front[listKey];
                front[listKey] = (existing.Value.Length == 0 ? item : existing.Value + ";" + item, existing.Line);
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || char.IsWhiteSpace(line[0]))
            {
                continue;
            }

            var key = FieldNames.Canonical(line[..colon]);
            var value = line[(colon + 1)..].Trim();
            if (value.StartsWith('[') && value.EndsWith(']'))
            {
                value = string.Join(';', value[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Unquote));
            }
            else
            {
                value = Unquote(value);
            }

            front[key] = (value, i + 1);
            listKey = value.Length == 0 ? key : null;
        }

        return string.Join('\n', lines[(end + 1)..]);
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && ((value[0] == '"' && value[^1] == '"') || (value[0] == '\'' && value[^1] == '\'')) ? value[1..^1] : value;
}
