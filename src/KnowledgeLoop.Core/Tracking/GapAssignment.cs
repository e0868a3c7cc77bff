namespace KnowledgeLoop.Core.Tracking;

/// <summary>Where one ticket's vector falls among a run's clusters (<see cref="GapAssigner"/>).</summary>
/// <param name="Cluster">The nearest k-means cluster's index, or −1 when the run has no clusters or the vector is zero.</param>
/// <param name="GapId">The gap the ticket belongs to: the nearest cluster's gap when the ticket lies within that cluster's cut-off; else null.</param>
/// <param name="Distance">Euclidean distance to the nearest cluster's raw centroid (+∞ without one).</param>
/// <param name="Similarity">Cosine similarity to the gap's unit centroid when <paramref name="GapId"/> is set; else to the nearest cluster's centroid (0 without one).</param>
public sealed record GapAssignment(int Cluster, string? GapId, float Distance, float Similarity);
