using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Tickets;

namespace KnowledgeLoop.Core.Gaps;

/// <summary>A ticket assigned to a cluster, with the metrics' verdict on it and its similarities.</summary>
public sealed record ClusterMember
{
    /// <summary>The ticket.</summary>
    public required Ticket Ticket { get; init; }

    /// <summary>The metrics' verdict on the ticket (first contact, maturity, FCR outcome, failure reasons).</summary>
    public required TicketOutcome Outcome { get; init; }

    /// <summary>Cosine similarity of the ticket to the cluster centroid.</summary>
    public double CentroidSimilarity { get; init; }

    /// <summary>The ticket's best similarity (max over chunks) to each of the cluster's top articles, by article id; at least the best article when known.</summary>
    public IReadOnlyDictionary<string, double> ArticleSimilarities { get; init; } = EmptySimilarities;

    internal static readonly IReadOnlyDictionary<string, double> EmptySimilarities = new Dictionary<string, double>(StringComparer.Ordinal);
}
