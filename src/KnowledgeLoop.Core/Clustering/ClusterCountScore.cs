namespace KnowledgeLoop.Core.Clustering;

/// <summary>The mean silhouette one candidate k reached on the sample.</summary>
public sealed record ClusterCountScore(int ClusterCount, double Silhouette);
