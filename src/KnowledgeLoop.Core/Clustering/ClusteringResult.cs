namespace KnowledgeLoop.Core.Clustering;

/// <summary>What <see cref="ClusteringPipeline"/> found: the clusters, who is in them, and how they were chosen.</summary>
public sealed record ClusteringResult
{
    /// <summary>Clusters kept (after small ones were dissolved), numbered by size, largest first.</summary>
    public required int ClusterCount { get; init; }

    /// <summary>Whether k was chosen by silhouette or given.</summary>
    public required ClusterCountSource ChosenBy { get; init; }

    /// <summary>Mean silhouette of the final clustering on the seeded sample; null with fewer than two clusters.</summary>
    public required double? Silhouette { get; init; }

    /// <summary>The automatic choice with every k tried; null when k was given.</summary>
    public required ClusterCountSelection? Selection { get; init; }

    /// <summary>The k-means model of the kept clusters (its assignments ignore the cut-off).</summary>
    public required KMeansModel Model { get; init; }

    /// <summary>The cluster of each input row, −1 for unclustered.</summary>
    public required int[] Assignments { get; init; }

    /// <summary>Rows per cluster within the cut-off.</summary>
    public required int[] ClusterSizes { get; init; }

    /// <summary>Each cluster's cut-off distance (for <see cref="OutlierCut.AssignWithinCutoff"/>).</summary>
    public required float[] Cutoffs { get; init; }

    /// <summary>Rows left unclustered.</summary>
    public required int Unclustered { get; init; }
}
