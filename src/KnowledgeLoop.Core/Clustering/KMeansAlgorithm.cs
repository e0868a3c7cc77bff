namespace KnowledgeLoop.Core.Clustering;

/// <summary>Which k-means iterations run.</summary>
public enum KMeansAlgorithm
{
    /// <summary>Lloyd below <see cref="KMeansOptions.MiniBatchThreshold"/> rows, mini-batch at or above it.</summary>
    Auto,

    /// <summary>Full Lloyd iterations over every row.</summary>
    Lloyd,

    /// <summary>Mini-batch k-means (Sculley 2010) followed by one full assignment pass.</summary>
    MiniBatch,
}
