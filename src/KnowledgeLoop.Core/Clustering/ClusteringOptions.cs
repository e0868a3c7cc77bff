using System.Globalization;

namespace KnowledgeLoop.Core.Clustering;

/// <summary>Settings of <see cref="ClusteringPipeline"/>: k-means, the choice of k, and the outlier cut (DESIGN §4.4).</summary>
public sealed class ClusteringOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "Clustering";

    /// <summary>The number of clusters. Defaults to null: chosen by silhouette.</summary>
    public int? ClusterCount { get; set; }

    /// <summary>The random seed of every step. Defaults to 0.</summary>
    public int Seed { get; set; }

    /// <summary>k-means restarts of the final clustering. Defaults to 4.</summary>
    public int NumberOfRestarts { get; set; } = 4;

    /// <summary>The most Lloyd iterations. Defaults to 100.</summary>
    public int MaximumNumberOfIterations { get; set; } = 100;

    /// <summary>Relative inertia change that ends Lloyd iterations. Defaults to 1e-4.</summary>
    public double OptimizationTolerance { get; set; } = 1e-4;

    /// <summary>Rows per mini-batch. Defaults to 1,024.</summary>
    public int MiniBatchSize { get; set; } = 1024;

    /// <summary>Inputs of at least this many rows use mini-batch k-means. Defaults to 20,000.</summary>
    public int MiniBatchThreshold { get; set; } = 20_000;

    /// <summary>The smallest automatic k. Defaults to 2.</summary>
    public int MinimumClusters { get; set; } = 2;

    /// <summary>The largest automatic k (also capped at sampled rows ÷ 10). Defaults to 60.</summary>
    public int MaximumClusters { get; set; } = 60;

    /// <summary>Rows the silhouette is computed on. Defaults to 3,000.</summary>
    public int SilhouetteSampleSize { get; set; } = 3000;

    /// <summary>The silhouette's distance. Defaults to Euclidean.</summary>
    public SilhouetteMetric SilhouetteMetric { get; set; } = SilhouetteMetric.Euclidean;

    /// <summary>The largest k within this of the best silhouette wins. Defaults to 0.01.</summary>
    public double SilhouetteTolerance { get; set; } = 0.01;

    /// <summary>The outlier budget: at most this share of the failures is left unclustered. Defaults to 0.15.</summary>
    public double MaxUnclusteredFraction { get; set; } = 0.15;

    /// <summary>Robust standard deviations above a cluster's median distance before a row is cut. Defaults to 3.</summary>
    public double OutlierDeviations { get; set; } = 3.0;

    /// <summary>A global ceiling on the distance to the centroid. Defaults to null: none.</summary>
    public float? MaximumDistance { get; set; }

    /// <summary>Clusters with fewer rows are dissolved and their rows reassigned (or cut). Defaults to 3.</summary>
    public int MinimumClusterSize { get; set; } = 3;

    /// <summary>Threads used; the result does not depend on it. Defaults to null: all processors.</summary>
    public int? NumberOfThreads { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        Require(ClusterCount is null or >= 1, nameof(ClusterCount), ClusterCount ?? 0);
        Require(MaxUnclusteredFraction is >= 0 and <= 1, nameof(MaxUnclusteredFraction), MaxUnclusteredFraction);
        Require(OutlierDeviations > 0 && double.IsFinite(OutlierDeviations), nameof(OutlierDeviations), OutlierDeviations);
        Require(MaximumDistance is null or > 0, nameof(MaximumDistance), MaximumDistance ?? 0);
        Require(MinimumClusterSize >= 1, nameof(MinimumClusterSize), MinimumClusterSize);
        KMeans(1).Validate();
        Selector().Validate();
    }

    /// <summary>The k-means settings for <paramref name="clusterCount"/> clusters.</summary>
    internal KMeansOptions KMeans(int clusterCount) => new()
    {
        NumberOfClusters = clusterCount,
        Seed = Seed,
        NumberOfRestarts = NumberOfRestarts,
        MaximumNumberOfIterations = MaximumNumberOfIterations,
        OptimizationTolerance = OptimizationTolerance,
        MiniBatchSize = MiniBatchSize,
        MiniBatchThreshold = MiniBatchThreshold,
        NumberOfThreads = NumberOfThreads,
    };

    /// <summary>The settings of the automatic choice of k.</summary>
    internal ClusterCountSelectorOptions Selector() => new()
    {
        MinimumClusters = MinimumClusters,
        MaximumClusters = MaximumClusters,
        SampleSize = SilhouetteSampleSize,
        Metric = SilhouetteMetric,
        ScoreTolerance = SilhouetteTolerance,
        Seed = Seed,
        NumberOfThreads = NumberOfThreads,
    };

    private static void Require(bool condition, string name, double value)
    {
        if (!condition)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{name} is out of range (was {value})."), name);
        }
    }
}
