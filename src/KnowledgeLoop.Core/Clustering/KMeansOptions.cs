using System.Globalization;

namespace KnowledgeLoop.Core.Clustering;

/// <summary>Settings of <see cref="KMeansTrainer"/>, named like ML.NET's <c>KMeansTrainer.Options</c>.</summary>
public sealed class KMeansOptions
{
    /// <summary>The number of clusters k. Defaults to 5.</summary>
    public int NumberOfClusters { get; set; } = 5;

    /// <summary>The most Lloyd iterations per restart (mini-batch: epochs' worth of batches). Defaults to 100.</summary>
    public int MaximumNumberOfIterations { get; set; } = 100;

    /// <summary>
    /// Lloyd stops when inertia improves by less than this fraction between iterations (or no row changes cluster).
    /// Defaults to 1e-4: on the 100k × 256 bench embedding it stops after 3 iterations (0.4 s) at an inertia 0.8 % below
    /// scikit-learn's KMeans; 1e-6 takes 27 iterations for another 0.07 %. (On the earlier word-pair embedding 1e-4 ended
    /// 1.5 ppm above scikit-learn's optimum and 1e-6 reached it: docs/performance.md.)
    /// </summary>
    public double OptimizationTolerance { get; set; } = 1e-4;

    /// <summary>How the first centroids are chosen. Defaults to k-means++.</summary>
    public KMeansInitialization InitializationAlgorithm { get; set; } = KMeansInitialization.KMeansPlusPlus;

    /// <summary>
    /// Independent runs, the lowest inertia kept (scikit-learn's n_init). Lloyd: full runs; mini-batch: candidate
    /// initializations compared on the initialization sample, as scikit-learn does. Defaults to 4.
    /// </summary>
    public int NumberOfRestarts { get; set; } = 4;

    /// <summary>The random seed: same rows and seed give the same model. Defaults to 0.</summary>
    public int Seed { get; set; }

    /// <summary>Lloyd, mini-batch, or chosen by size. Defaults to <see cref="KMeansAlgorithm.Auto"/>.</summary>
    public KMeansAlgorithm Algorithm { get; set; } = KMeansAlgorithm.Auto;

    /// <summary>Rows per mini-batch. Defaults to 1,024 (scikit-learn's default).</summary>
    public int MiniBatchSize { get; set; } = 1024;

    /// <summary>With <see cref="KMeansAlgorithm.Auto"/>, inputs of at least this many rows use mini-batch. Defaults to 20,000.</summary>
    public int MiniBatchThreshold { get; set; } = 20_000;

    /// <summary>
    /// Lloyd's k-means++ seeding looks at a seeded sample of at most this many rows (its cost is k passes over the rows
    /// it sees; the Lloyd iterations still use every row). Null: every row. Defaults to 20,000.
    /// </summary>
    public int? InitializationSampleSize { get; set; } = 20_000;

    /// <summary>Threads used; the result does not depend on it. Defaults to null: all processors.</summary>
    public int? NumberOfThreads { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        Require(NumberOfClusters >= 1, nameof(NumberOfClusters), NumberOfClusters);
        Require(MaximumNumberOfIterations >= 1, nameof(MaximumNumberOfIterations), MaximumNumberOfIterations);
        Require(OptimizationTolerance >= 0 && double.IsFinite(OptimizationTolerance), nameof(OptimizationTolerance), OptimizationTolerance);
        Require(NumberOfRestarts >= 1, nameof(NumberOfRestarts), NumberOfRestarts);
        Require(MiniBatchSize >= 1, nameof(MiniBatchSize), MiniBatchSize);
        Require(MiniBatchThreshold >= 1, nameof(MiniBatchThreshold), MiniBatchThreshold);
        Require(NumberOfThreads is null or >= 1, nameof(NumberOfThreads), NumberOfThreads ?? 0);
        Require(InitializationSampleSize is null or >= 1, nameof(InitializationSampleSize), InitializationSampleSize ?? 0);
        Require(Enum.IsDefined(InitializationAlgorithm), nameof(InitializationAlgorithm), (int)InitializationAlgorithm);
        Require(Enum.IsDefined(Algorithm), nameof(Algorithm), (int)Algorithm);
    }

    /// <summary>A copy, so callers can vary one setting without touching the original.</summary>
    public KMeansOptions Clone() => (KMeansOptions)MemberwiseClone();

    private static void Require(bool condition, string name, double value)
    {
        if (!condition)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"KMeans:{name} is out of range (was {value})."), name);
        }
    }
}
