namespace KnowledgeLoop.Core.Tracking;

/// <summary>
/// What a run leaves behind so a later process can assign new tickets to its gaps (<see cref="Clusters"/>) and the next
/// run can match its gaps to these ones (<see cref="Gaps"/>). Stored per run (GapRepository, migration 5).
/// </summary>
public sealed record GapGeometry
{
    /// <summary>The embedder that made the vectors (e.g. <c>lsa-128</c> or a remote model name). The local LSA model is refitted each run, so its spaces of two runs are not comparable: assign with the model stored with the run, and compare across runs through member tickets (<c>GapMatcher</c>).</summary>
    public required string EmbedderId { get; init; }

    /// <summary>Length of every centroid.</summary>
    public required int Dimensions { get; init; }

    /// <summary>The run's as-of time (the metrics' "now").</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>Every k-means cluster of the run, by index: centroid, cut-off and the gap it ended in. Empty when the run clustered nothing.</summary>
    public required IReadOnlyList<AssignmentCluster> Clusters { get; init; }

    /// <summary>The run's gaps, by rank.</summary>
    public required IReadOnlyList<GapSnapshot> Gaps { get; init; }

    /// <summary>A run with no clusters and no gaps.</summary>
    public static GapGeometry Empty(string embedderId, int dimensions, DateTimeOffset asOf) =>
        new() { EmbedderId = embedderId, Dimensions = dimensions, AsOf = asOf, Clusters = [], Gaps = [] };
}
