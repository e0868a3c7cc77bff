namespace KnowledgeLoop.Core.Gaps;

/// <summary>A cluster's gap type with the rule that fired and its numbers.</summary>
public sealed record GapTyping
{
    /// <summary>The gap type.</summary>
    public required GapType Type { get; init; }

    /// <summary>A weaker type that also applies (e.g. outdated on an ineffective gap), or null.</summary>
    public GapType? SecondaryType { get; init; }

    /// <summary>The rule in words with its numbers, e.g. "best article KB-1008 similarity 0.52 ≥ 0.35 and linked on 72% of resolved tickets, yet linked tickets fail 55% vs 21% elsewhere".</summary>
    public required string Reason { get; init; }

    /// <summary>The rule's stable identifier (see <see cref="GapTypeClassifier"/> for the list).</summary>
    public required string Rule { get; init; }

    /// <summary>The article the rule is about (the matched article; the first of a duplicate pair); null for a missing gap without any candidate.</summary>
    public string? ArticleId { get; init; }

    /// <summary>The second article of a duplicate pair.</summary>
    public string? DuplicateArticleId { get; init; }

    /// <summary>The similarity threshold used.</summary>
    public required double SimilarityThreshold { get; init; }

    /// <summary>Share of the cluster's tickets whose best article similarity reaches the threshold (0 without ticket similarities).</summary>
    public required double Coverage { get; init; }

    /// <summary>FCR of the rest of the population; null when the cluster is the whole population.</summary>
    public double? RestFcr { get; init; }

    /// <summary>Share of the cluster's failures that were escalated or transferred; null without failures.</summary>
    public double? EscalatedShareOfFailures { get; init; }

    /// <summary>Start of the first week the cluster's volume surged; null when it never did.</summary>
    public DateTimeOffset? SurgeStart { get; init; }

    /// <summary>The evidence read for each top article, by similarity, best first.</summary>
    public required IReadOnlyList<ArticleAssessment> Articles { get; init; }
}
