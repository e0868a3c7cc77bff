using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Clustering;

/// <summary>
/// Chooses k by mean silhouette on a seeded sample. Each candidate k is fitted by k-means (Lloyd, k-means++) on
/// the sample and scored on the same sample from one precomputed distance matrix (O(s²·d) once, O(s²) per k).
/// A coarse grid over [min, max] comes first, then every k around the provisional choice.
/// <para>
/// Silhouette favours few, broad clusters on text embeddings: the curve is flat and often peaks at k = 2 or 3.
/// A gap report needs topics an article can cover, so the largest k within
/// <see cref="ClusterCountSelectorOptions.ScoreTolerance"/> of the best score wins: on a flat curve the finer
/// split, on a sharp peak (well-separated groups) the peak itself.
/// </para>
/// </summary>
public static class ClusterCountSelector
{
    /// <summary>Chooses k for <paramref name="points"/>.</summary>
    public static ClusterCountSelection Select(
        VectorMatrix points,
        ClusterCountSelectorOptions options,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var random = new Random(options.Seed);
        var sampleRows = points.Rows <= options.SampleSize
            ? Enumerable.Range(0, points.Rows).ToArray()
            : KMeansTrainer.Sample(random, points.Rows, options.SampleSize);
        var sample = points.Select(sampleRows);
        var (minimum, maximum) = Range(sample.Rows, options);
        if (maximum < minimum)
        {
            // Too few rows to split: one cluster (or none).
            return new ClusterCountSelection
            {
                ClusterCount = Math.Min(1, points.Rows),
                Silhouette = 0,
                Scores = [],
                SampleSize = sample.Rows,
            };
        }

        var distances = Silhouette.PairwiseDistances(sample, options.Metric, options.NumberOfThreads, cancellationToken);
        var scores = new SortedDictionary<int, double>();
        var grid = Grid(minimum, maximum, options.CoarseSteps, out var step);
        var planned = grid.Count + (2 * (step - 1));
        void Evaluate(int k)
        {
            if (scores.ContainsKey(k))
            {
                return;
            }

            var model = new KMeansTrainer(new KMeansOptions
            {
                NumberOfClusters = k,
                Algorithm = KMeansAlgorithm.Lloyd,
                NumberOfRestarts = options.NumberOfRestarts,
                Seed = options.Seed + k,
                NumberOfThreads = options.NumberOfThreads,
            }).Fit(sample, cancellationToken);
            scores[k] = Silhouette.Score(distances, sample.Rows, model.Assignments);
            progress?.Report(Math.Min(1.0, scores.Count / (double)planned));
        }

        foreach (var k in grid)
        {
            Evaluate(k);
        }

        var provisional = Choose(scores, options.ScoreTolerance);
        for (var k = Math.Max(minimum, provisional - step + 1); k <= Math.Min(maximum, provisional + step - 1); k++)
        {
            Evaluate(k);
        }

        var chosen = Choose(scores, options.ScoreTolerance);
        progress?.Report(1.0);
        return new ClusterCountSelection
        {
            ClusterCount = chosen,
            Silhouette = scores[chosen],
            Scores = [.. scores.Select(pair => new ClusterCountScore(pair.Key, pair.Value))],
            SampleSize = sample.Rows,
        };
    }

    /// <summary>The k range for <paramref name="rows"/> sampled rows: [min, min(max, rows ÷ points per cluster, rows − 1)].</summary>
    internal static (int Minimum, int Maximum) Range(int rows, ClusterCountSelectorOptions options)
    {
        var maximum = Math.Min(options.MaximumClusters, Math.Min(rows / options.MinimumPointsPerCluster, rows - 1));
        return (options.MinimumClusters, maximum);
    }

    /// <summary>The largest k scoring within <paramref name="tolerance"/> of the best.</summary>
    internal static int Choose(IReadOnlyDictionary<int, double> scores, double tolerance)
    {
        var best = scores.Values.Max();
        return scores.Where(pair => pair.Value >= best - tolerance).Max(pair => pair.Key);
    }

    private static List<int> Grid(int minimum, int maximum, int steps, out int step)
    {
        step = Math.Max(1, (int)Math.Ceiling((maximum - minimum) / (double)steps));
        var grid = new List<int>();
        for (var k = minimum; k < maximum; k += step)
        {
            grid.Add(k);
        }

        grid.Add(maximum);
        return grid;
    }
}
