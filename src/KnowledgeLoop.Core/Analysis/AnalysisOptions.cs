using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Tracking;

namespace KnowledgeLoop.Core.Analysis;

/// <summary>How a gap analysis runs (DESIGN §4). Mutable so it binds from configuration and command-line options.</summary>
public sealed class AnalysisOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Analysis";

    /// <summary>The metric windows and as_of.</summary>
    public MetricsOptions Metrics { get; set; } = new();

    /// <summary>The number of clusters; null chooses it by silhouette.</summary>
    public int? Clusters { get; set; }

    /// <summary>The bound of automatic k when <see cref="MaximumClusters"/> is not set.</summary>
    public const int DefaultMaximumClusters = 60;

    /// <summary>
    /// The most clusters automatic k may choose (also capped at failures ÷ 10); null bounds it at
    /// <see cref="DefaultMaximumClusters"/>. Silhouette on text rises with k, so the choice lands on this bound; it
    /// must leave room for every topic, or k-means lumps the small ones together, differently for every seed and every
    /// import (the earlier √(failures / 2) did, and gap ids changed with the seed). The fragments a large topic is
    /// split into are joined again by <see cref="ClusterMergeSimilarity"/>, so a knowledge manager still gets a few
    /// dozen gaps, each a topic.
    /// </summary>
    public int? MaximumClusters { get; set; }

    /// <summary>
    /// Clusters whose centroids are at least this similar (cosine) are merged after k-means: automatic k over-splits a
    /// topic by phrasing ("stopped importing" vs "disconnected since"), and one topic should be one gap. Defaults to
    /// 0.30: on the sample data same-topic fragments lie at 0.22–0.5 and different topics below 0.21 once k leaves
    /// room for every topic (docs/gap-tracking.md); null turns merging off.
    /// </summary>
    public double? ClusterMergeSimilarity { get; set; } = 0.30;

    /// <summary>The random seed: the same input and seed give the same report.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Embedding dimensions of the local embedder (fewer when the vocabulary is small).</summary>
    public int Dimensions { get; set; } = 256;

    /// <summary>
    /// The cosine similarity above which an article counts as matching a cluster or a ticket. 0.35 suits the
    /// local LSA embedder on support text; remote embedders need their own (typically higher) value.
    /// </summary>
    public double SimilarityThreshold { get; set; } = 0.35;

    /// <summary>At most this share of failures may be left unclustered.</summary>
    public double MaxUnclusteredFraction { get; set; } = 0.15;

    /// <summary>Clusters smaller than this are not reported as gaps (their tickets stay unclustered).</summary>
    public int MinimumClusterSize { get; set; } = 5;

    /// <summary>The embedder is fitted on at most this many tickets (all failures first, then a seeded sample).</summary>
    public int FitSampleSize { get; set; } = 60_000;

    /// <summary>Cost of one contact in the user's currency; turns failures into money when set.</summary>
    public double? CostPerContact { get; set; }

    /// <summary>Agent minutes per contact; turns failures into hours when set.</summary>
    public double? MinutesPerContact { get; set; }

    /// <summary>Evidence tickets kept per gap in the report (representatives first).</summary>
    public int EvidencePerGap { get; set; } = 12;

    /// <summary>How gaps are matched to the previous run's so they keep their ids.</summary>
    public GapMatchingOptions Tracking { get; set; } = new();

    /// <summary>The before/after windows, alpha and minimum sample of article impact tracking.</summary>
    public ArticleImpactOptions Impact { get; set; } = new();

    /// <summary>Checks the options; throws <see cref="ArgumentException"/> naming the setting.</summary>
    public void Validate()
    {
        Metrics.Validate();
        Tracking.Validate();
        Impact.Validate();
        if (Clusters is < 2)
        {
            throw new ArgumentException($"{SectionName}:Clusters must be at least 2 (or unset for automatic).", nameof(Clusters));
        }

        if (Dimensions is < 2 or > 4096)
        {
            throw new ArgumentException($"{SectionName}:Dimensions must be between 2 and 4096.", nameof(Dimensions));
        }

        if (SimilarityThreshold is <= 0 or >= 1)
        {
            throw new ArgumentException($"{SectionName}:SimilarityThreshold must be between 0 and 1.", nameof(SimilarityThreshold));
        }

        if (MaxUnclusteredFraction is < 0 or >= 1)
        {
            throw new ArgumentException($"{SectionName}:MaxUnclusteredFraction must be at least 0 and below 1.", nameof(MaxUnclusteredFraction));
        }

        if (MinimumClusterSize < 1 || FitSampleSize < 100 || EvidencePerGap < 3)
        {
            throw new ArgumentException($"{SectionName}: MinimumClusterSize ≥ 1, FitSampleSize ≥ 100 and EvidencePerGap ≥ 3.");
        }

        if (CostPerContact is < 0 || MinutesPerContact is < 0)
        {
            throw new ArgumentException($"{SectionName}: CostPerContact and MinutesPerContact can't be negative.");
        }
    }
}
