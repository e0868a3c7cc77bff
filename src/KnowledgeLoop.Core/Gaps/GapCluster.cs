using KnowledgeLoop.Core.Metrics;

namespace KnowledgeLoop.Core.Gaps;

/// <summary>A cluster as the gap analysis sees it: all its tickets (failed or not), its top articles and their evidence.</summary>
public sealed record GapCluster
{
    /// <summary>The cluster (gap) id.</summary>
    public required string Id { get; init; }

    /// <summary>Every ticket assigned to the cluster within the cut-off.</summary>
    public required IReadOnlyList<ClusterMember> Members { get; init; }

    /// <summary>The top matched articles (usually 3), in any order; the analysis sorts them by similarity.</summary>
    public IReadOnlyList<ArticleCandidate> TopArticles { get; init; } = [];

    /// <summary>Similarity between two articles by id (for duplicates); null when unknown, which rules duplicates out.</summary>
    public Func<string, string, double>? ArticleSimilarity { get; init; }

    /// <summary>Deflection of the self-service sessions whose query fell into the cluster; null without session data.</summary>
    public Rate? SessionDeflection { get; init; }
}
