namespace KnowledgeLoop.Core.Clustering;

/// <summary>How k-means picks its first centroids (ML.NET's <c>InitializationAlgorithm</c>).</summary>
public enum KMeansInitialization
{
    /// <summary>k-means++ with greedy local trials (2 + ln k candidates per centre, the best kept), as scikit-learn does.</summary>
    KMeansPlusPlus,

    /// <summary>k distinct rows drawn uniformly.</summary>
    Random,
}
