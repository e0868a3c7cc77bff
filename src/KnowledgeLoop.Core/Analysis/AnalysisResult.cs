using KnowledgeLoop.Core.Embeddings;
using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Reports;
using KnowledgeLoop.Core.Tracking;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Analysis;

/// <summary>What an analysis produced: the report, and what a store keeps for similar-case search.</summary>
/// <param name="Report">The report document (report.json).</param>
/// <param name="Model">The fitted local embedder, so later queries embed into the same space; null when a remote embedder gave the vectors.</param>
/// <param name="TicketVectors">Every ticket's vector, row for row with the input tickets.</param>
/// <param name="ClusterOfTicket">Each ticket's cluster index, or -1.</param>
/// <param name="Outcomes">Each ticket's FCR outcome.</param>
/// <param name="StageSeconds">Seconds per stage (kept out of the report so reports stay reproducible).</param>
public sealed record AnalysisResult(
    ReportDocument Report,
    LsaModel? Model,
    VectorMatrix TicketVectors,
    IReadOnlyList<int> ClusterOfTicket,
    IReadOnlyList<TicketOutcome> Outcomes,
    IReadOnlyDictionary<string, double> StageSeconds)
{
    /// <summary>
    /// The run's gap geometry: every k-means cluster's centroid, cut-off and gap (to assign new tickets as this run
    /// would), and every gap's unit centroid, member and failure ticket ids, figures and lineage (to match the next
    /// run's gaps to these). The store keeps it per run (GapRepository).
    /// </summary>
    public required GapGeometry Geometry { get; init; }
}
