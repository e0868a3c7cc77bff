using KnowledgeLoop.Core.Metrics;

namespace KnowledgeLoop.Core.Gaps;

/// <summary>The evidence the gap typing read for one of a cluster's top articles.</summary>
public sealed record ArticleAssessment
{
    /// <summary>The article id.</summary>
    public required string ArticleId { get; init; }

    /// <summary>The article title.</summary>
    public required string Title { get; init; }

    /// <summary>Similarity of the centroid to the article.</summary>
    public required double Similarity { get; init; }

    /// <summary>Whether <see cref="Similarity"/> reaches the threshold.</summary>
    public required bool AboveThreshold { get; init; }

    /// <summary>Median similarity of the cluster's tickets to the article; the centroid similarity when no ticket similarity was given.</summary>
    public required double ClusterSimilarity { get; init; }

    /// <summary>Whether <see cref="ClusterSimilarity"/> fell back to the centroid similarity.</summary>
    public required bool ClusterSimilarityFromCentroid { get; init; }

    /// <summary>Tickets outside the cluster that link the article and resolved on first contact.</summary>
    public required long ServedTickets { get; init; }

    /// <summary>Median similarity of <see cref="ServedTickets"/> to the article; null when there are none.</summary>
    public required double? ServedSimilarity { get; init; }

    /// <summary>The cluster's resolved tickets that link the article ÷ its resolved tickets; null when none is resolved.</summary>
    public required Rate? LinkRate { get; init; }

    /// <summary>FCR of the cluster's mature first contacts that link the article.</summary>
    public required Rate? LinkedFcr { get; init; }

    /// <summary>FCR of the cluster's mature first contacts that do not link it.</summary>
    public required Rate? UnlinkedFcr { get; init; }

    /// <summary>Deflection of the sessions that viewed the article.</summary>
    public required Rate? Deflection { get; init; }

    /// <summary>When the article last changed (updated_at, else created_at).</summary>
    public required DateTimeOffset? LastChanged { get; init; }

    /// <summary>A topic's neighbour rather than its answer: the tickets it serves well are markedly more similar to it than the cluster, and the cluster does not link it.</summary>
    public required bool IsNeighbour { get; init; }

    /// <summary>
    /// True when the cluster's own tickets that link the article resolve clearly better than those that don't: direct
    /// evidence that it answers the topic, whatever its text similarity (the words may simply differ).
    /// </summary>
    public bool AnswersWhenLinked { get; init; }
}
