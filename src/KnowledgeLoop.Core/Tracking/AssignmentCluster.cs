namespace KnowledgeLoop.Core.Tracking;

/// <summary>
/// One k-means cluster of a run, as a later process needs it to assign a new ticket to that run's gaps exactly as the
/// analysis assigned every ticket (<see cref="Clustering.OutlierCut.AssignWithinCutoff"/>): take the cluster whose
/// <see cref="Centroid"/> is nearest the ticket's vector by Euclidean distance over <b>all</b> clusters of the run;
/// the ticket belongs to <see cref="GapId"/> when that distance is at most <see cref="Cutoff"/>, its cosine with the
/// centroid is at least <see cref="Clustering.OutlierCut.MinimumMemberSimilarity"/> (<see cref="Clustering.OutlierCut.Admits"/>), and the cluster has a
/// gap, otherwise to no gap. The vector must come from the same embedding space as the run
/// (<see cref="GapGeometry.EmbedderId"/>; for the local embedder, the model the run stored).
/// </summary>
/// <param name="Index">The cluster's index in the run's k-means model (0 = largest).</param>
/// <param name="Centroid">The raw k-means centroid (not normalized), <see cref="GapGeometry.Dimensions"/> floats.</param>
/// <param name="Cutoff">The largest Euclidean distance from <see cref="Centroid"/> at which a ticket still belongs; may be +∞.</param>
/// <param name="GapId">The gap this cluster ended in after near-identical clusters were merged, or null when its merged cluster became no gap (e.g. it held no failure).</param>
public sealed record AssignmentCluster(int Index, float[] Centroid, float Cutoff, string? GapId);
