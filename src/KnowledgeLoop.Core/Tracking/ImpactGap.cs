using KnowledgeLoop.Core.Gaps;

namespace KnowledgeLoop.Core.Tracking;

/// <summary>What the article-impact calculator reads about one gap.</summary>
public sealed record ImpactGap
{
    /// <summary>The gap id (as in report.json; explicit publications name it).</summary>
    public required string Id { get; init; }

    /// <summary>Every ticket of the gap with the metrics' verdict on it.</summary>
    public required IReadOnlyList<ClusterMember> Members { get; init; }

    /// <summary>The self-service sessions whose query fell into the gap.</summary>
    public IReadOnlyList<ImpactSession> Sessions { get; init; } = [];

    /// <summary>Ids of the gap's top articles whose similarity passes the threshold.</summary>
    public IReadOnlyList<string> MatchingArticleIds { get; init; } = [];
}
