namespace KnowledgeLoop.Core.Reports;

/// <summary>One of a gap's "top_articles" in report.json (DESIGN §9).</summary>
public sealed record GapArticleDocument
{
    /// <summary>The article id.</summary>
    public required string Id { get; init; }

    /// <summary>The article title.</summary>
    public required string Title { get; init; }

    /// <summary>Similarity of the article's best chunk to the cluster centroid.</summary>
    public required double Similarity { get; init; }

    /// <summary>The heading of the article's best-matching chunk.</summary>
    public string? BestChunk { get; init; }

    /// <summary>The article's address.</summary>
    public string? Url { get; init; }

    /// <summary>When the article was last updated (or created).</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The cluster's resolved tickets that link this article.</summary>
    public long? LinkedTickets { get; init; }

    /// <summary>FCR of the cluster's first contacts that link this article.</summary>
    public RateDocument? LinkedFcr { get; init; }
}
