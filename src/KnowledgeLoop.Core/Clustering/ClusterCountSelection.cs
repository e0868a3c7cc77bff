namespace KnowledgeLoop.Core.Clustering;

/// <summary>The k <see cref="ClusterCountSelector"/> chose, and the silhouette of every k it tried.</summary>
public sealed record ClusterCountSelection
{
    /// <summary>The chosen number of clusters.</summary>
    public required int ClusterCount { get; init; }

    /// <summary>The silhouette of the chosen k on the sample; 0 when nothing was scored.</summary>
    public required double Silhouette { get; init; }

    /// <summary>Every k tried, ascending.</summary>
    public required IReadOnlyList<ClusterCountScore> Scores { get; init; }

    /// <summary>Rows the candidates were fitted and scored on.</summary>
    public required int SampleSize { get; init; }
}
