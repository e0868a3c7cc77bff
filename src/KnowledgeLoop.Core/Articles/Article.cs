using KnowledgeLoop.Core.Tickets;

namespace KnowledgeLoop.Core.Articles;

/// <summary>A knowledge-base article.</summary>
public sealed record Article
{
    /// <summary>The article id (the file name without extension for a folder of files).</summary>
    public required string Id { get; init; }

    /// <summary>The title.</summary>
    public required string Title { get; init; }

    /// <summary>The body as plain text (Markdown kept as written, HTML reduced to its text).</summary>
    public required string Body { get; init; }

    /// <summary>The format the body was written in.</summary>
    public ArticleFormat Format { get; init; } = ArticleFormat.Text;

    /// <summary>The public address of the article.</summary>
    public string? Url { get; init; }

    /// <summary>When the article was first published (UTC).</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the article content was last updated (UTC).</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Tags or labels.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The section or category the article sits in.</summary>
    public string? Section { get; init; }

    /// <summary>Fields the import did not map, kept by their original name.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = Ticket.EmptyAttributes;
}
