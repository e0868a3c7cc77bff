using System.Globalization;

namespace KnowledgeLoop.Core.Clustering;

/// <summary>Settings of <see cref="ClusterCountSelector"/>.</summary>
public sealed class ClusterCountSelectorOptions
{
    /// <summary>The smallest k tried. Defaults to 2.</summary>
    public int MinimumClusters { get; set; } = 2;

    /// <summary>The largest k tried, further capped at rows ÷ <see cref="MinimumPointsPerCluster"/>. Defaults to 60.</summary>
    public int MaximumClusters { get; set; } = 60;

    /// <summary>Caps k at the (sampled) rows divided by this, so every cluster can have some body. Defaults to 10.</summary>
    public int MinimumPointsPerCluster { get; set; } = 10;

    /// <summary>Rows (drawn with the seed) that candidate clusterings are fitted and scored on. Defaults to 3,000.</summary>
    public int SampleSize { get; set; } = 3000;

    /// <summary>The distance of the silhouette. Defaults to Euclidean.</summary>
    public SilhouetteMetric Metric { get; set; } = SilhouetteMetric.Euclidean;

    /// <summary>How many k the coarse grid evaluates before refining around the best. Defaults to 10.</summary>
    public int CoarseSteps { get; set; } = 10;

    /// <summary>
    /// The largest k whose silhouette is within this (absolute) of the best wins, so a flat curve does not
    /// collapse to a handful of broad clusters. Defaults to 0.01; 0 takes the best score.
    /// </summary>
    public double ScoreTolerance { get; set; } = 0.01;

    /// <summary>k-means restarts per candidate k (on the sample). Defaults to 2.</summary>
    public int NumberOfRestarts { get; set; } = 2;

    /// <summary>The random seed of the sample and the candidate clusterings. Defaults to 0.</summary>
    public int Seed { get; set; }

    /// <summary>Threads used; the result does not depend on it. Defaults to null: all processors.</summary>
    public int? NumberOfThreads { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        Require(MinimumClusters >= 2, nameof(MinimumClusters), MinimumClusters);
        Require(MaximumClusters >= MinimumClusters, nameof(MaximumClusters), MaximumClusters);
        Require(MinimumPointsPerCluster >= 1, nameof(MinimumPointsPerCluster), MinimumPointsPerCluster);
        Require(SampleSize >= 4, nameof(SampleSize), SampleSize);
        Require(CoarseSteps >= 1, nameof(CoarseSteps), CoarseSteps);
        Require(ScoreTolerance >= 0 && double.IsFinite(ScoreTolerance), nameof(ScoreTolerance), ScoreTolerance);
        Require(NumberOfRestarts >= 1, nameof(NumberOfRestarts), NumberOfRestarts);
        Require(NumberOfThreads is null or >= 1, nameof(NumberOfThreads), NumberOfThreads ?? 0);
        Require(Enum.IsDefined(Metric), nameof(Metric), (int)Metric);
    }

    /// <summary>A copy, so callers can vary one setting without touching the original.</summary>
    public ClusterCountSelectorOptions Clone() => (ClusterCountSelectorOptions)MemberwiseClone();

    private static void Require(bool condition, string name, double value)
    {
        if (!condition)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"ClusterCount:{name} is out of range (was {value})."), name);
        }
    }
}
