namespace KnowledgeLoop.Core.Clustering;

/// <summary>The distance the silhouette is measured with.</summary>
public enum SilhouetteMetric
{
    /// <summary>Euclidean distance (scikit-learn's default); on unit vectors √(2 − 2·cos).</summary>
    Euclidean,

    /// <summary>Cosine distance, 1 − cos.</summary>
    Cosine,
}
