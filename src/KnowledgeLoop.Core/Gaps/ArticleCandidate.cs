using KnowledgeLoop.Core.Articles;
using KnowledgeLoop.Core.Metrics;

namespace KnowledgeLoop.Core.Gaps;

/// <summary>One of a cluster's top matched articles with the evidence of how it serves tickets across the whole data set.</summary>
public sealed record ArticleCandidate
{
    /// <summary>The article.</summary>
    public required Article Article { get; init; }

    /// <summary>Similarity of the cluster centroid to the article (max over the article's chunks).</summary>
    public required double Similarity { get; init; }

    /// <summary>Every ticket in the data set (not only the cluster) that links the article.</summary>
    public IReadOnlyList<ArticleLink> Links { get; init; } = [];

    /// <summary>Self-service sessions that viewed the article. Defaults to 0.</summary>
    public long SessionsViewed { get; init; }

    /// <summary>Deflection among the mature sessions that viewed the article; null without session data.</summary>
    public Rate? Deflection { get; init; }

    /// <summary>When the article's content last changed: updated_at, else created_at; null when neither is known.</summary>
    public DateTimeOffset? LastChanged => Article.UpdatedAt ?? Article.CreatedAt;
}
