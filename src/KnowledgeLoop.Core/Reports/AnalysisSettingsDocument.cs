namespace KnowledgeLoop.Core.Reports;

/// <summary>report.json "analysis": how the gap analysis ran, so a report can be reproduced.</summary>
public sealed record AnalysisSettingsDocument
{
    /// <summary>The embedder (e.g. "lsa-256" or an endpoint's model).</summary>
    public required string Embedder { get; init; }

    /// <summary>Vector dimensions.</summary>
    public required int Dimensions { get; init; }

    /// <summary>"auto" or the number given.</summary>
    public required string ClustersRequested { get; init; }

    /// <summary>Clusters found.</summary>
    public required int Clusters { get; init; }

    /// <summary>The random seed.</summary>
    public required int Seed { get; init; }

    /// <summary>Failures clustered (the input of the clustering).</summary>
    public required long Failures { get; init; }

    /// <summary>Failures left unclustered by the outlier cut-off.</summary>
    public required long Unclustered { get; init; }

    /// <summary>Article similarity threshold.</summary>
    public required double SimilarityThreshold { get; init; }

    /// <summary>Silhouette of the chosen clustering (on a sample), when computed.</summary>
    public double? Silhouette { get; init; }

    /// <summary>Seconds per stage.</summary>
    public IReadOnlyDictionary<string, double>? StageSeconds { get; init; }
}
