using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Clustering;

/// <summary>
/// The clustering stage of the gap analysis (DESIGN §4.4): k chosen by silhouette unless given, k-means++ with
/// restarts (mini-batch for large inputs), clusters smaller than the minimum size dissolved into their
/// neighbours, then the outlier cut-off within the budget. Deterministic for <see cref="ClusteringOptions.Seed"/>.
/// </summary>
public static class ClusteringPipeline
{
    /// <summary>Clusters <paramref name="failures"/> (L2-normalized rows).</summary>
    public static ClusteringResult Run(
        VectorMatrix failures,
        ClusteringOptions options,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failures);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var n = failures.Rows;

        ClusterCountSelection? selection = null;
        int k;
        if (options.ClusterCount is { } given)
        {
            k = Math.Min(given, n);
        }
        else
        {
            var selectionProgress = progress is null ? null : new ScaledProgress(progress, 0.6);
            selection = ClusterCountSelector.Select(failures, options.Selector(), selectionProgress, cancellationToken);
            k = selection.ClusterCount;
        }

        progress?.Report(0.6);
        var model = k == 0
            ? Empty(failures)
            : new KMeansTrainer(options.KMeans(k)).Fit(failures, cancellationToken);
        progress?.Report(0.9);

        // Dissolve clusters too small to report; their rows move to the nearest remaining centroid (or are cut),
        // so the outlier budget still holds. Repeat until every cluster keeps enough rows inside its cut-off.
        var labels = model.Assignments;
        var distances = model.Distances;
        var centroids = model.Centroids;
        float[] cutoffs;
        int[] sizes;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            cutoffs = OutlierCut.Cutoffs(
                labels, distances, centroids.Rows, options.OutlierDeviations, options.MaxUnclusteredFraction, options.MaximumDistance);
            sizes = Sizes(labels, distances, cutoffs);
            var kept = Enumerable.Range(0, centroids.Rows).Where(c => sizes[c] >= options.MinimumClusterSize).ToArray();
            if (kept.Length == centroids.Rows)
            {
                break;
            }

            centroids = centroids.Select(kept);
            (labels, distances) = OutlierCut.Nearest(failures, centroids);
        }

        // Number clusters by size, largest first (ties by k-means order), so reports read top-down.
        var order = Enumerable.Range(0, centroids.Rows).OrderByDescending(c => sizes[c]).ThenBy(c => c).ToArray();
        var rank = new int[order.Length];
        for (var r = 0; r < order.Length; r++)
        {
            rank[order[r]] = r;
        }

        var modelLabels = labels.Select(c => c < 0 ? c : rank[c]).ToArray();
        var assignments = new int[n];
        for (var i = 0; i < n; i++)
        {
            assignments[i] = labels[i] >= 0 && distances[i] <= cutoffs[labels[i]] ? rank[labels[i]] : -1;
        }

        var finalModel = new KMeansModel
        {
            Centroids = centroids.Select(order),
            Assignments = modelLabels,
            Distances = distances,
            Inertia = distances.Sum(d => (double)d * d),
            Iterations = model.Iterations,
        };

        var result = new ClusteringResult
        {
            ClusterCount = order.Length,
            ChosenBy = options.ClusterCount is null ? ClusterCountSource.Automatic : ClusterCountSource.Given,
            Silhouette = SampleSilhouette(failures, modelLabels, order.Length, options, cancellationToken),
            Selection = selection,
            Model = finalModel,
            Assignments = assignments,
            ClusterSizes = [.. order.Select(c => sizes[c])],
            Cutoffs = [.. order.Select(c => cutoffs[c])],
            Unclustered = assignments.Count(a => a < 0),
        };
        progress?.Report(1.0);
        return result;
    }

    private static int[] Sizes(int[] labels, float[] distances, float[] cutoffs)
    {
        var sizes = new int[cutoffs.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= 0 && distances[i] <= cutoffs[labels[i]])
            {
                sizes[labels[i]]++;
            }
        }

        return sizes;
    }

    private static double? SampleSilhouette(
        VectorMatrix points, int[] labels, int clusterCount, ClusteringOptions options, CancellationToken cancellationToken)
    {
        if (clusterCount < 2)
        {
            return null;
        }

        var rows = points.Rows <= options.SilhouetteSampleSize
            ? Enumerable.Range(0, points.Rows).ToArray()
            : KMeansTrainer.Sample(new Random(options.Seed), points.Rows, options.SilhouetteSampleSize);
        var sample = points.Select(rows);
        var distances = Silhouette.PairwiseDistances(sample, options.SilhouetteMetric, options.NumberOfThreads, cancellationToken);
        return Silhouette.Score(distances, sample.Rows, rows.Select(r => labels[r]).ToArray());
    }

    private static KMeansModel Empty(VectorMatrix points) => new()
    {
        Centroids = new VectorMatrix(0, points.Dimensions),
        Assignments = new int[points.Rows],
        Distances = new float[points.Rows],
        Inertia = 0,
        Iterations = 0,
    };

    /// <summary>Reports a sub-stage's progress, scaled, on the calling thread (<see cref="Progress{T}"/> would post it).</summary>
    private sealed class ScaledProgress(IProgress<double> inner, double scale) : IProgress<double>
    {
        public void Report(double value) => inner.Report(scale * value);
    }
}
