using KnowledgeLoop.Core.Analysis;
using KnowledgeLoop.Core.Clustering;
using KnowledgeLoop.Core.Reports;
using KnowledgeLoop.Core.Tickets;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Tracking;

/// <summary>What <see cref="GapTracker"/> reads from a finished analysis.</summary>
/// <param name="Tickets">The analysed tickets, row for row with <paramref name="TicketVectors"/>.</param>
/// <param name="TicketVectors">Every ticket's unit vector.</param>
/// <param name="Clustering">The k-means clustering of the failures; null when too few failures to cluster.</param>
/// <param name="Merged">The merged clusters; null with <paramref name="Clustering"/>.</param>
/// <param name="GapCluster">For each gap document, its merged cluster index.</param>
/// <param name="Members">Ticket rows per merged cluster.</param>
/// <param name="Gaps">The gap documents, by rank, with their provisional (representative-hash) ids.</param>
/// <param name="AsOf">The run's as-of time.</param>
/// <param name="EmbedderId">The embedder's id.</param>
/// <param name="Previous">The previous run's gaps, or null on a store's first run.</param>
/// <param name="Options">Matching thresholds.</param>
internal sealed record GapTrackingInput(
    IReadOnlyList<Ticket> Tickets,
    VectorMatrix TicketVectors,
    ClusteringResult? Clustering,
    MergedClusters? Merged,
    IReadOnlyList<int> GapCluster,
    IReadOnlyList<List<int>> Members,
    IReadOnlyList<GapDocument> Gaps,
    DateTimeOffset AsOf,
    string EmbedderId,
    GapRun? Previous,
    GapMatchingOptions Options)
{
    /// <summary>Each ticket id's row, made when first needed.</summary>
    public Lazy<Dictionary<string, int>> RowOfTicket { get; } = new(() =>
    {
        var rows = new Dictionary<string, int>(Tickets.Count, StringComparer.Ordinal);
        for (var i = 0; i < Tickets.Count; i++)
        {
            rows.TryAdd(Tickets[i].Id, i);
        }

        return rows;
    });
}
