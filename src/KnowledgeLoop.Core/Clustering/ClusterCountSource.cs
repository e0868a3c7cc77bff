namespace KnowledgeLoop.Core.Clustering;

/// <summary>Where the number of clusters came from.</summary>
public enum ClusterCountSource
{
    /// <summary>Chosen by silhouette (<see cref="ClusterCountSelector"/>).</summary>
    Automatic,

    /// <summary>Given in the options.</summary>
    Given,
}
