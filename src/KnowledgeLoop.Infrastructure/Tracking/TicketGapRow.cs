namespace KnowledgeLoop.Infrastructure.Tracking;

/// <summary>One ticket's incremental assignment to a run's gaps (the <c>ticket_gaps</c> table).</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="GapId">Its gap, or null when it fits none (outside every cut-off, or its nearest cluster has no gap).</param>
/// <param name="Cluster">The nearest k-means cluster, or −1.</param>
/// <param name="Distance">Euclidean distance to that cluster's centroid, or null without one.</param>
/// <param name="Similarity">Cosine similarity to the gap's (or nearest cluster's) centroid.</param>
/// <param name="InRun">True when the run analysed this ticket already (a re-import of it); false for a ticket new since the run.</param>
/// <param name="ImportId">The import that brought this version of the ticket.</param>
public sealed record TicketGapRow(string TicketId, string? GapId, int Cluster, float? Distance, float Similarity, bool InRun, long ImportId);
